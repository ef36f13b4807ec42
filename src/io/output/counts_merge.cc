#include "io/output/counts_merge.h"

#include <charconv>

#include "io/input/csv_parser.h"
#include "io/output/csv_writer.h"

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

std::string PartPrefix(const CountsPart& part) {
  return part.number > 1 ? "part " + std::to_string(part.number) + ": " : "";
}

// Recompute needs both rows; without them the file is cut or not counts.
Result<bool> CheckComplete(const CountsPart& part) {
  if (FindRow(part.rows, CountLevel::kTotal, "total") == nullptr ||
      FindRow(part.rows, CountLevel::kStatus, "coded") == nullptr) {
    return MakeError(PartPrefix(part) + "not a counts.csv: no 'total' row or no 'coded' status row",
                     SourceLocation{part.source, part.header_line, 0});
  }
  return true;
}

}  // namespace

Result<std::vector<CountsPart>> ReadCountsCsvParts(std::istream& in, const std::string& name) {
  CsvParser parser(in, ',');
  CsvRecord record;
  if (!parser.Next(&record)) {
    if (parser.read_failed()) return MakeError("cannot read the input", SourceLocation{name, 0, 0});
    return MakeError("empty: no counts.csv in it", SourceLocation{name, 0, 0});
  }
  if (record.error || record.fields != Header()) {
    return MakeError(
        "not a counts.csv: the header must be level,id,label,answers,pct_answers,pct_coded (a "
        "counts.csv written with --by or --excel-fr is not merged: write the parts without them)",
        SourceLocation{name, static_cast<int>(record.line), 0});
  }
  std::vector<CountsPart> parts;
  auto start_part = [&](int line) {
    CountsPart part;
    part.source = name;
    part.number = static_cast<int>(parts.size()) + 1;
    part.header_line = line;
    parts.push_back(std::move(part));
  };
  start_part(static_cast<int>(record.line));
  while (parser.Next(&record)) {
    const int line = static_cast<int>(record.line);
    const SourceLocation location{name, line, 0};
    const std::string prefix = PartPrefix(parts.back());
    if (record.error) return MakeError(prefix + record.error->message, location);
    if (record.fields == Header()) {
      if (auto complete = CheckComplete(parts.back()); !complete)
        return tl::unexpected(complete.error());
      start_part(line);
      continue;
    }
    if (record.fields.size() != Header().size()) {
      return MakeError(prefix + "expected 6 fields, found " + std::to_string(record.fields.size()),
                       location);
    }
    CountRow row;
    if (!ParseLevel(record.fields[0], &row.level)) {
      return MakeError(prefix + "unknown level '" + record.fields[0] + "'", location);
    }
    // Minus the formula guard WriteCountsCsv adds.
    row.id = StripFormulaGuard(record.fields[1]);
    row.label = StripFormulaGuard(record.fields[2]);
    const std::string& count = record.fields[3];
    const auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), row.answers);
    if (count.empty() || error != std::errc() || end != count.data() + count.size()) {
      return MakeError(prefix + "answers '" + count + "' is not a whole number", location);
    }
    parts.back().rows.push_back(std::move(row));
    parts.back().lines.push_back(line);
  }
  if (parser.read_failed()) return MakeError("cannot read the input", SourceLocation{name, 0, 0});
  if (auto complete = CheckComplete(parts.back()); !complete)
    return tl::unexpected(complete.error());
  return parts;
}

Result<bool> AddCounts(const CountsPart& part, std::vector<CountRow>* total) {
  if (total->empty()) {
    *total = part.rows;
    Recompute(total);
    return true;
  }
  const std::string prefix = PartPrefix(part);
  if (part.rows.size() != total->size()) {
    return MakeError(prefix + "has " + std::to_string(part.rows.size()) +
                         " rows where the others have " + std::to_string(total->size()) +
                         ": not the same codebook?",
                     SourceLocation{part.source, part.header_line, 0});
  }
  for (size_t i = 0; i < part.rows.size(); ++i) {
    const CountRow& a = part.rows[i];
    const CountRow& b = (*total)[i];
    if (a.level != b.level || a.id != b.id || a.label != b.label) {
      return MakeError(prefix + "row " + std::to_string(i + 2) + " is " +
                           std::string(CountLevelName(a.level)) + " '" + a.id +
                           "' where the others have " + std::string(CountLevelName(b.level)) +
                           " '" + b.id + "': not the same codebook?",
                       SourceLocation{part.source, part.lines[i], 0});
    }
  }
  for (size_t i = 0; i < part.rows.size(); ++i) (*total)[i].answers += part.rows[i].answers;
  Recompute(total);
  return true;
}

}  // namespace verbatim
