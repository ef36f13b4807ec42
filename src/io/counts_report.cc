#include "io/counts_report.h"

#include <fmt/format.h>

#include "io/csv_writer.h"

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
