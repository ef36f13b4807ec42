#include "io/refi/refi_gold.h"

#include <algorithm>
#include <fstream>
#include <unordered_map>

#include "io/input/csv_parser.h"
#include "io/output/csv_writer.h"
#include "io/refi/refi_ids.h"

namespace verbatim {
namespace {

std::string Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// The codebook index `code` maps to, -1 when unmapped, -2 when dropped.
int MapCode(const RefiCode& code, const Codebook& codebook, const CodeNameMap& map,
            const std::unordered_map<std::string, int>& unique_labels,
            std::vector<std::string>* bad_map_rows) {
  const std::string name = Trim(code.name);
  if (const auto mapped = map.find(name); mapped != map.end()) {
    if (mapped->second.empty()) return -2;
    const int index = codebook.FindCode(mapped->second);
    if (index < 0) bad_map_rows->push_back(name + " -> " + mapped->second);
    return index;
  }
  if (const int index = codebook.FindCode(name); index >= 0) return index;
  if (const std::string id = CodeIdFromRefiDescription(code.description); !id.empty()) {
    if (const int index = codebook.FindCode(id); index >= 0) return index;
  }
  if (const auto found = unique_labels.find(name); found != unique_labels.end()) {
    return found->second;
  }
  return -1;
}

}  // namespace

Result<CodeNameMap> ReadCodeNameMap(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("cannot open", SourceLocation{path});
  CsvParser parser(in);
  CsvRecord record;
  if (!parser.Next(&record)) return MakeError("empty file", SourceLocation{path});
  int name_column = -1, code_column = -1;
  for (size_t i = 0; i < record.fields.size(); ++i) {
    std::string header = record.fields[i];
    if (i == 0 && header.rfind("\xEF\xBB\xBF", 0) == 0) header = header.substr(3);
    header = Trim(header);
    if (header == "name") name_column = static_cast<int>(i);
    if (header == "code") code_column = static_cast<int>(i);
  }
  if (name_column < 0 || code_column < 0) {
    return MakeError(
        "a code map needs the columns 'name' (the tool's code name) and 'code' (the "
        "codebook's id, empty to drop the name)",
        SourceLocation{path, 1});
  }
  CodeNameMap map;
  std::unordered_map<std::string, size_t> lines;
  while (parser.Next(&record)) {
    const SourceLocation where{path, static_cast<int>(record.line)};
    if (record.error) return MakeError(record.error->message, where);
    auto field = [&](int column) {
      return static_cast<size_t>(column) < record.fields.size()
                 ? Trim(StripFormulaGuard(record.fields[static_cast<size_t>(column)]))
                 : std::string();
    };
    const std::string name = field(name_column);
    if (name.empty()) continue;
    if (auto [it, inserted] = lines.emplace(name, record.line); !inserted) {
      return MakeError("the name '" + name + "' is mapped twice (first on line " +
                           std::to_string(it->second) + ")",
                       where);
    }
    map[name] = field(code_column);
  }
  if (parser.read_failed()) return MakeError("read failed", SourceLocation{path});
  return map;
}

RefiGold GoldFromRefiProject(const RefiProject& project, const Codebook& codebook,
                             const CodeNameMap& map) {
  std::unordered_map<std::string, int> unique_labels;
  for (size_t i = 0; i < codebook.codes.size(); ++i) {
    const std::string& label = codebook.codes[i].label;
    if (label.empty()) continue;
    auto [it, inserted] = unique_labels.emplace(label, static_cast<int>(i));
    if (!inserted) it->second = -1;
  }
  std::erase_if(unique_labels, [](const auto& entry) { return entry.second < 0; });

  RefiGold gold;
  std::vector<int> mapped;
  std::vector<size_t> unmapped_slot(project.codes.size(), SIZE_MAX);
  for (size_t i = 0; i < project.codes.size(); ++i) {
    mapped.push_back(MapCode(project.codes[i], codebook, map, unique_labels, &gold.bad_map_rows));
    if (mapped.back() == -1) {
      unmapped_slot[i] = gold.unmapped.size();
      gold.unmapped.push_back({project.codes[i].name, 0});
    }
  }
  std::unordered_map<std::string, size_t> answer_of;
  std::vector<std::vector<int>> codes_of;
  for (const RefiSource& source : project.sources) {
    auto [it, inserted] = answer_of.emplace(source.name, gold.answers.size());
    if (inserted) {
      CodedAnswer answer;
      answer.id = source.name;
      answer.line = gold.answers.size() + 1;
      gold.answers.push_back(std::move(answer));
      codes_of.emplace_back();
    } else {
      ++gold.merged_sources;
    }
    for (const int code : source.codes) {
      const int target = mapped[static_cast<size_t>(code)];
      if (target == -2) {
        ++gold.dropped_codings;
      } else if (target < 0) {
        ++gold.unmapped[unmapped_slot[static_cast<size_t>(code)]].sources;
      } else {
        codes_of[it->second].push_back(target);
      }
    }
  }
  for (size_t i = 0; i < gold.answers.size(); ++i) {
    std::vector<int>& codes = codes_of[i];
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    for (const int code : codes) {
      gold.answers[i].codes.push_back(codebook.codes[static_cast<size_t>(code)].id);
    }
  }
  return gold;
}

std::string DescribeUsedUnmapped(const std::vector<UnmappedCode>& unmapped) {
  std::string text;
  for (const UnmappedCode& code : unmapped) {
    if (code.sources == 0) continue;
    if (!text.empty()) text += ", ";
    text += "'" + code.name + "' (" + std::to_string(code.sources) +
            (code.sources == 1 ? " answer)" : " answers)");
  }
  return text;
}

Result<std::vector<CodedAnswer>> ReadQdpxGold(const std::string& path, const Codebook& codebook,
                                              const CodeNameMap& map) {
  auto project = ReadQdpx(path);
  if (!project) return tl::unexpected(project.error());
  RefiGold gold = GoldFromRefiProject(*project, codebook, map);
  if (!gold.bad_map_rows.empty()) {
    std::string rows;
    for (const std::string& row : gold.bad_map_rows) rows += (rows.empty() ? "" : ", ") + row;
    return MakeError("the code map names codes the codebook lacks: " + rows, SourceLocation{path});
  }
  if (const std::string used = DescribeUsedUnmapped(gold.unmapped); !used.empty()) {
    return MakeError("codes that match no code id or label of " + codebook.path + ": " + used +
                         "; map them with --map NAMES.csv (columns name,code; an empty code "
                         "drops the name)",
                     SourceLocation{path});
  }
  return std::move(gold.answers);
}

}  // namespace verbatim
