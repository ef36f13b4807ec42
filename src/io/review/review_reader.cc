#include "io/review/review_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>

#include "io/input/csv_parser.h"
#include "io/output/csv_writer.h"
#include "io/review/xlsx_reader.h"

namespace verbatim {
namespace {

std::string HeaderName(std::string name) {
  if (name.rfind("\xEF\xBB\xBF", 0) == 0) name = name.substr(3);
  const size_t first = name.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  name = name.substr(first, name.find_last_not_of(" \t\r\n") - first + 1);
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return name;
}

struct Columns {
  std::map<std::string, size_t> by_name;

  std::optional<size_t> Find(const std::string& name) const {
    const auto found = by_name.find(name);
    if (found == by_name.end()) return std::nullopt;
    return found->second;
  }
};

Result<Columns> HeaderColumns(const std::vector<std::string>& header, const std::string& path) {
  Columns columns;
  for (size_t i = 0; i < header.size(); ++i) columns.by_name.emplace(HeaderName(header[i]), i);
  for (const char* required : {"id", "text", "decision"}) {
    if (columns.Find(required)) continue;
    std::string present;
    for (const std::string& cell : header) present += (present.empty() ? "" : ", ") + cell;
    return MakeError(std::string("no column '") + required +
                         "': is this a review file written by 'verbatim code'? (columns: " +
                         present + ")",
                     SourceLocation{path, 1, 0});
  }
  return columns;
}

bool AllEmpty(const std::vector<std::string>& cells) {
  for (const std::string& cell : cells) {
    if (cell.find_first_not_of(" \t\r\n") != std::string::npos) return false;
  }
  return true;
}

ReviewedRow MakeRow(const Columns& columns, const std::vector<std::string>& cells, int line) {
  auto cell = [&](const char* name) -> std::string {
    const auto index = columns.Find(name);
    return index && *index < cells.size() ? cells[*index] : std::string();
  };
  ReviewedRow row;
  row.line = line;
  row.id = cell("id");
  const size_t first = row.id.find_first_not_of(" \t\r\n");
  row.id = first == std::string::npos
               ? std::string()
               : row.id.substr(first, row.id.find_last_not_of(" \t\r\n") - first + 1);
  row.text = cell("text");
  row.proposed = cell("proposed");
  row.decision = cell("decision");
  row.comment = cell("comment");
  return row;
}

bool LooksLikeZip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {0, 0, 0, 0};
  in.read(magic, 4);
  return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

Result<ReviewTable> ReadReviewXlsx(const std::string& path) {
  auto sheet = ReadXlsxSheet(path, "review");
  if (!sheet) return tl::unexpected(sheet.error());
  ReviewTable table;
  table.path = path;
  table.is_xlsx = true;
  if (sheet->rows.empty()) return MakeError("empty worksheet", SourceLocation{path, 0, 0});
  auto values = [](const XlsxRow& row) {
    std::vector<std::string> cells;
    for (const XlsxCell& cell : row.cells) cells.push_back(cell.value);
    return cells;
  };
  auto columns = HeaderColumns(values(sheet->rows.front()), path);
  if (!columns) return tl::unexpected(columns.error());
  table.has_proposed = columns->Find("proposed").has_value();
  const size_t decision_column = *columns->Find("decision");
  for (size_t r = 1; r < sheet->rows.size(); ++r) {
    const XlsxRow& row = sheet->rows[r];
    std::vector<std::string> cells = values(row);
    if (decision_column < row.cells.size() && !row.cells[decision_column].formula.empty()) {
      const std::string& formula = row.cells[decision_column].formula;
      cells[decision_column] =
          formula[0] == '+' || formula[0] == '-' ? formula : "=" + formula;
    }
    if (AllEmpty(cells)) continue;
    table.rows.push_back(MakeRow(*columns, cells, row.number));
  }
  return table;
}

}  // namespace

Result<ReviewTable> ReadReviewCsv(std::istream& in, const std::string& name, ReviewRows rows) {
  CsvParser parser(in);
  CsvRecord record;
  if (!parser.Next(&record)) return MakeError("empty file", SourceLocation{name, 0, 0});
  if (record.error) {
    return MakeError(record.error->message,
                     SourceLocation{name, static_cast<int>(record.error->line),
                                    static_cast<int>(record.error->column)});
  }
  auto columns = HeaderColumns(record.fields, name);
  if (!columns) return tl::unexpected(columns.error());
  ReviewTable table;
  table.path = name;
  table.has_proposed = columns->Find("proposed").has_value();
  while (parser.Next(&record)) {
    if (record.error) {
      return MakeError(record.error->message,
                       SourceLocation{name, static_cast<int>(record.error->line),
                                      static_cast<int>(record.error->column)});
    }
    if (AllEmpty(record.fields)) continue;
    // Only CSV cells carry the writer's formula guard; an xlsx stores
    // strings as strings.
    for (std::string& field : record.fields) StripFormulaGuard(&field);
    ReviewedRow row = MakeRow(*columns, record.fields, static_cast<int>(record.line));
    if (rows == ReviewRows::kDecided && row.decision.empty()) continue;
    table.rows.push_back(std::move(row));
  }
  if (parser.read_failed()) return MakeError("read failed", SourceLocation{name, 0, 0});
  return table;
}

Result<ReviewTable> ReadReviewFile(const std::string& path, ReviewRows rows) {
  if (LooksLikeZip(path)) {
    auto table = ReadReviewXlsx(path);
    if (table && rows == ReviewRows::kDecided) {
      std::erase_if(table->rows, [](const ReviewedRow& row) { return row.decision.empty(); });
    }
    return table;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError(std::string("cannot open: ") + std::strerror(errno), SourceLocation{path, 0, 0});
  }
  return ReadReviewCsv(in, path, rows);
}

}  // namespace verbatim
