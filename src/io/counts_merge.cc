#include "io/counts_merge.h"

#include <charconv>

#include "io/csv_parser.h"

namespace verbatim {
namespace {

const std::vector<std::string>& Header() {
  static const std::vector<std::string> header = {"level",   "id",          "label",
                                                  "answers", "pct_answers", "pct_coded"};
  return header;
}

bool ParseLevel(const std::string& name, CountLevel* level) {
  for (CountLevel candidate : {CountLevel::kTheme, CountLevel::kSubtheme, CountLevel::kThemeOnly,
                               CountLevel::kStatus, CountLevel::kTotal}) {
    if (CountLevelName(candidate) == name) {
      *level = candidate;
      return true;
    }
  }
  return false;
}

const CountRow* FindRow(const std::vector<CountRow>& rows, CountLevel level, const char* id) {
  for (const CountRow& row : rows) {
    if (row.level == level && row.id == id) return &row;
  }
  return nullptr;
}

// The percentages BuildCountRows gives for these counts.
void Recompute(std::vector<CountRow>* rows) {
  const double read = static_cast<double>(FindRow(*rows, CountLevel::kTotal, "total")->answers);
  const double coded = static_cast<double>(FindRow(*rows, CountLevel::kStatus, "coded")->answers);
  auto percent = [](double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; };
  for (CountRow& row : *rows) {
    const double answers = static_cast<double>(row.answers);
    switch (row.level) {
      case CountLevel::kTheme:
      case CountLevel::kSubtheme:
      case CountLevel::kThemeOnly:
        row.percent_of_answers = percent(answers, read);
        row.percent_of_coded = percent(answers, coded);
        break;
      case CountLevel::kStatus:
        row.percent_of_answers = percent(answers, read);
        row.percent_of_coded = -1;
        break;
      case CountLevel::kTotal:
        row.percent_of_answers = 100.0;
        row.percent_of_coded = -1;
        break;
    }
  }
}

}  // namespace

Result<std::vector<CountRow>> ReadCountsCsv(std::istream& in, const std::string& name) {
  CsvParser parser(in, ',');
  CsvRecord record;
  if (!parser.Next(&record) || record.error || record.fields != Header()) {
    return MakeError("not a counts.csv: the header must be level,id,label,answers,pct_answers,pct_coded",
                     SourceLocation{name, 1, 0});
  }
  std::vector<CountRow> rows;
  while (parser.Next(&record)) {
    const SourceLocation location{name, static_cast<int>(record.line), 0};
    if (record.error) return MakeError(record.error->message, location);
    if (record.fields.size() != Header().size()) {
      return MakeError("expected 6 fields, found " + std::to_string(record.fields.size()),
                       location);
    }
    CountRow row;
    if (!ParseLevel(record.fields[0], &row.level)) {
      return MakeError("unknown level '" + record.fields[0] + "'", location);
    }
    row.id = record.fields[1];
    row.label = record.fields[2];
    const std::string& count = record.fields[3];
    const auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), row.answers);
    if (count.empty() || error != std::errc() || end != count.data() + count.size()) {
      return MakeError("answers '" + count + "' is not a whole number", location);
    }
    rows.push_back(std::move(row));
  }
  if (parser.read_failed()) return MakeError("cannot read the file", SourceLocation{name, 0, 0});
  if (FindRow(rows, CountLevel::kTotal, "total") == nullptr ||
      FindRow(rows, CountLevel::kStatus, "coded") == nullptr) {
    return MakeError("not a counts.csv: no 'total' row or no 'coded' status row",
                     SourceLocation{name, 0, 0});
  }
  return rows;
}

Result<bool> AddCounts(const std::vector<CountRow>& part, const std::string& part_name,
                       std::vector<CountRow>* total) {
  if (total->empty()) {
    *total = part;
    Recompute(total);
    return true;
  }
  if (part.size() != total->size()) {
    return MakeError("has " + std::to_string(part.size()) + " rows where the others have " +
                         std::to_string(total->size()) + ": not the same codebook?",
                     SourceLocation{part_name, 0, 0});
  }
  for (size_t i = 0; i < part.size(); ++i) {
    const CountRow& a = part[i];
    const CountRow& b = (*total)[i];
    if (a.level != b.level || a.id != b.id || a.label != b.label) {
      return MakeError("row " + std::to_string(i + 2) + " is " + std::string(CountLevelName(a.level)) +
                           " '" + a.id + "' where the others have " +
                           std::string(CountLevelName(b.level)) + " '" + b.id +
                           "': not the same codebook?",
                       SourceLocation{part_name, static_cast<int>(i + 2), 0});
    }
  }
  for (size_t i = 0; i < part.size(); ++i) (*total)[i].answers += part[i].answers;
  Recompute(total);
  return true;
}

}  // namespace verbatim
