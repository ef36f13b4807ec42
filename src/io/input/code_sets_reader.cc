#include "io/input/code_sets_reader.h"

#include <fstream>
#include <map>
#include <unordered_map>

#include "io/input/csv_parser.h"
#include "io/output/csv_writer.h"

namespace verbatim {
namespace {

std::string Trim(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

Result<std::vector<CodedAnswer>> ReadTable(const std::string& path, const std::string& codes_column,
                                           bool coded_table) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("cannot open " + path, SourceLocation{path});
  CsvParser parser(in);
  CsvRecord record;
  if (!parser.Next(&record)) return MakeError("empty file", SourceLocation{path});
  std::map<std::string, size_t> columns;
  for (size_t i = 0; i < record.fields.size(); ++i) {
    std::string name = record.fields[i];
    if (i == 0 && name.rfind("\xEF\xBB\xBF", 0) == 0) name = name.substr(3);
    columns.emplace(Trim(name), i);
  }
  std::vector<std::string> needed = {"id", codes_column};
  if (coded_table) needed.insert(needed.end(), {"status", "evidence"});
  for (const std::string& name : needed) {
    if (!columns.count(name)) {
      std::string present;
      for (const auto& [column, index] : columns) present += (present.empty() ? "" : ", ") + column;
      return MakeError("no column '" + name + "' (columns: " + present + ")", SourceLocation{path, 1, 0});
    }
  }
  std::vector<CodedAnswer> answers;
  std::unordered_map<std::string, size_t> seen;
  while (parser.Next(&record)) {
    if (record.error) {
      return MakeError(record.error->message,
                       SourceLocation{path, static_cast<int>(record.error->line),
                                      static_cast<int>(record.error->column)});
    }
    // Minus the formula guard the coded table's writer adds.
    auto field = [&](const std::string& name) -> std::string {
      const size_t index = columns.at(name);
      return index < record.fields.size() ? std::string(StripFormulaGuard(record.fields[index]))
                                          : std::string();
    };
    CodedAnswer answer;
    answer.id = Trim(field("id"));
    answer.line = record.line;
    answer.codes = SplitCodeList(field(codes_column));
    if (coded_table) {
      answer.status = field("status");
      answer.evidence = field("evidence");
    }
    if (auto [it, inserted] = seen.emplace(answer.id, record.line); !inserted) {
      return MakeError("duplicate id '" + answer.id + "' (first on line " +
                           std::to_string(it->second) + ")",
                       SourceLocation{path, static_cast<int>(record.line), 0});
    }
    answers.push_back(std::move(answer));
  }
  if (parser.read_failed()) return MakeError("read failed", SourceLocation{path});
  return answers;
}

}  // namespace

std::vector<std::string> SplitCodeList(const std::string& text) {
  std::vector<std::string> codes;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find(';', start);
    std::string code = Trim(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (!code.empty()) codes.push_back(std::move(code));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return codes;
}

Result<std::vector<CodedAnswer>> ReadGoldCodes(const std::string& path) {
  return ReadTable(path, "codes", /*coded_table=*/false);
}

Result<std::vector<CodedAnswer>> ReadCodedTable(const std::string& path,
                                                const std::string& codes_column) {
  return ReadTable(path, codes_column, /*coded_table=*/true);
}

}  // namespace verbatim
