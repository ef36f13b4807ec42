#include "io/output/counts_report.h"

#include <fmt/format.h>

#include "io/output/csv_writer.h"

namespace verbatim {
namespace {

std::string OneDecimal(double value) { return value < 0 ? "" : fmt::format("{:.1f}", value); }

}  // namespace

void WriteCountsCsv(std::ostream& out, const std::vector<CountRow>& rows) {
  CsvWriter csv(out);
  csv.WriteRow({"level", "id", "label", "answers", "pct_answers", "pct_coded"});
  for (const CountRow& row : rows) {
    csv.WriteRow({std::string(CountLevelName(row.level)), row.id, row.label,
                  std::to_string(row.answers), OneDecimal(row.percent_of_answers),
                  OneDecimal(row.percent_of_coded)});
  }
}

void WriteDecidedCountsCsv(std::ostream& out, const std::vector<DecidedCountRow>& rows) {
  CsvWriter csv(out);
  csv.WriteRow({"level", "id", "label", "answers", "pct_answers", "pct_coded", "machine_answers",
                "decided_added", "decided_removed"});
  for (const DecidedCountRow& row : rows) {
    csv.WriteRow({std::string(CountLevelName(row.final.level)), row.final.id, row.final.label,
                  std::to_string(row.final.answers), OneDecimal(row.final.percent_of_answers),
                  OneDecimal(row.final.percent_of_coded), std::to_string(row.machine),
                  std::to_string(row.added), std::to_string(row.removed)});
  }
}

namespace {

// The label column of the terminal table, or "" when the row is not shown.
std::string TableLabel(const CountRow& row, int* theme_number, bool* blank_line_before) {
  *blank_line_before = false;
  switch (row.level) {
    case CountLevel::kTheme:
      return fmt::format("{}. {}", ++*theme_number, row.label);
    case CountLevel::kSubtheme:
      return "   " + row.label;
    case CountLevel::kThemeOnly:
      return row.answers == 0 ? "" : "   (" + row.label + ")";
    case CountLevel::kStatus:
      *blank_line_before = row.id == "coded";
      return row.label;
    case CountLevel::kTotal:
      return row.label;
  }
  return row.label;
}

}  // namespace

void PrintDecidedCountsTable(std::ostream& out, const std::vector<DecidedCountRow>& rows) {
  constexpr int kLabelWidth = 72;
  out << fmt::format("{:<{}} {:>7} {:>9} {:>7} {:>9}\n", "", kLabelWidth, "machine", "decided",
                     "final", "% answers");
  int theme_number = 0;
  for (const DecidedCountRow& row : rows) {
    bool blank_line = false;
    std::string label = TableLabel(row.final, &theme_number, &blank_line);
    if (row.final.level == CountLevel::kThemeOnly && row.machine > 0) {
      label = "   (" + row.final.label + ")";
    }
    if (label.empty()) continue;
    if (blank_line) out << '\n';
    std::string change;
    if (row.added > 0) change += fmt::format("+{}", row.added);
    if (row.removed > 0) change += fmt::format("{}-{}", change.empty() ? "" : " ", row.removed);
    out << fmt::format("{:<{}} {:>7} {:>9} {:>7} {:>8.1f}%\n", label, kLabelWidth, row.machine,
                       change, row.final.answers, row.final.percent_of_answers);
  }
}

void PrintCountsTable(std::ostream& out, const std::vector<CountRow>& rows) {
  constexpr int kLabelWidth = 84;
  out << fmt::format("{:<{}} {:>7} {:>9}\n", "", kLabelWidth, "answers", "% answers");
  int theme_number = 0;
  for (const CountRow& row : rows) {
    std::string label;
    switch (row.level) {
      case CountLevel::kTheme:
        label = fmt::format("{}. {}", ++theme_number, row.label);
        break;
      case CountLevel::kSubtheme:
        label = "   " + row.label;
        break;
      case CountLevel::kThemeOnly:
        if (row.answers == 0) continue;
        label = "   (" + row.label + ")";
        break;
      case CountLevel::kStatus:
        if (row.id == "coded") out << '\n';
        label = row.label;
        break;
      case CountLevel::kTotal:
        label = row.label;
        break;
    }
    // fmt pads by display width, so accented labels stay aligned.
    out << fmt::format("{:<{}} {:>7} {:>8.1f}%\n", label, kLabelWidth, row.answers,
                       row.percent_of_answers);
  }
}

}  // namespace verbatim
