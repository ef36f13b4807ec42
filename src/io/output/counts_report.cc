#include "io/output/counts_report.h"

#include <fmt/format.h>

#include <map>
#include <string_view>

#include "core/group_chart.h"
#include "core/wilson.h"
#include "io/output/csv_writer.h"

namespace verbatim {

std::vector<std::string> CountFields(const CountRow& row, CsvDialect dialect) {
  auto decimal = [dialect](double value) {
    return value < 0 ? std::string() : FormatCsvDecimal(value, 1, dialect);
  };
  return {std::string(CountLevelName(row.level)), row.id, row.label, std::to_string(row.answers),
          decimal(row.percent_of_answers), decimal(row.percent_of_coded)};
}

namespace {

// The Wilson interval columns of a row out of `whole` answers (empty on the
// total row, which is all of them by definition).
void AppendInterval(const CountRow& row, size_t whole, CsvDialect dialect,
                    std::vector<std::string>* fields) {
  if (row.level == CountLevel::kTotal) {
    fields->insert(fields->end(), {"", ""});
    return;
  }
  const ProportionInterval interval = WilsonInterval(row.answers, whole);
  fields->push_back(FormatCsvDecimal(100 * interval.low, 1, dialect));
  fields->push_back(FormatCsvDecimal(100 * interval.high, 1, dialect));
}

std::vector<std::string> Header(const CountsCsvOptions& options, bool decided) {
  std::vector<std::string> header;
  if (!options.by.empty()) header = {"by", "group"};
  header.insert(header.end(), {"level", "id", "label", "answers", "pct_answers", "pct_coded"});
  if (decided) header.insert(header.end(), {"machine_answers", "decided_added", "decided_removed"});
  if (!options.by.empty()) header.insert(header.end(), {"ci95_low", "ci95_high"});
  return header;
}

}  // namespace

std::vector<std::vector<std::string>> GroupCountFields(const CountsCsvOptions& options,
                                                       size_t decision_columns) {
  std::map<std::string_view, size_t> group_rows;
  for (const GroupCountRow& group : options.groups) {
    if (group.row.level == CountLevel::kTotal) group_rows[group.group] = group.row.answers;
  }
  std::vector<std::vector<std::string>> rows;
  for (const GroupCountRow& group : options.groups) {
    std::vector<std::string> fields = {options.by, group.group};
    for (std::string& field : CountFields(group.row, options.dialect)) {
      fields.push_back(std::move(field));
    }
    fields.insert(fields.end(), decision_columns, "");
    AppendInterval(group.row, group_rows[group.group], options.dialect, &fields);
    rows.push_back(std::move(fields));
  }
  return rows;
}

namespace {

// The group rows of the long format, with `decision_columns` empty fields
// where the decided table has its three.
void WriteGroupRows(CsvWriter& csv, const CountsCsvOptions& options, size_t decision_columns) {
  for (const std::vector<std::string>& fields : GroupCountFields(options, decision_columns)) {
    csv.WriteRow(fields);
  }
}

}  // namespace

void WriteCountsCsv(std::ostream& out, const std::vector<CountRow>& rows,
                    const CountsCsvOptions& options) {
  WriteCsvPreamble(out, options.dialect);
  CsvWriter csv(out, CsvDelimiter(options.dialect));
  const bool by = !options.by.empty();
  csv.WriteRow(Header(options, /*decided=*/false));
  size_t whole = 0;
  for (const CountRow& row : rows) {
    if (row.level == CountLevel::kTotal) whole = row.answers;
  }
  for (const CountRow& row : rows) {
    std::vector<std::string> fields;
    if (by) fields = {"", ""};
    for (std::string& field : CountFields(row, options.dialect)) fields.push_back(std::move(field));
    if (by) AppendInterval(row, whole, options.dialect, &fields);
    csv.WriteRow(fields);
  }
  if (by) WriteGroupRows(csv, options, 0);
}

void WriteDecidedCountsCsv(std::ostream& out, const std::vector<DecidedCountRow>& rows,
                           const CountsCsvOptions& options) {
  WriteCsvPreamble(out, options.dialect);
  CsvWriter csv(out, CsvDelimiter(options.dialect));
  const bool by = !options.by.empty();
  csv.WriteRow(Header(options, /*decided=*/true));
  size_t whole = 0;
  for (const DecidedCountRow& row : rows) {
    if (row.final.level == CountLevel::kTotal) whole = row.final.answers;
  }
  for (const DecidedCountRow& row : rows) {
    std::vector<std::string> fields;
    if (by) fields = {"", ""};
    for (std::string& field : CountFields(row.final, options.dialect)) {
      fields.push_back(std::move(field));
    }
    fields.insert(fields.end(), {std::to_string(row.machine), std::to_string(row.added),
                                 std::to_string(row.removed)});
    if (by) AppendInterval(row.final, whole, options.dialect, &fields);
    csv.WriteRow(fields);
  }
  if (by) WriteGroupRows(csv, options, 3);
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

void PrintGroupTable(std::ostream& out, const Codebook& codebook, const std::string& by,
                     const GroupTally& groups, size_t max_groups) {
  constexpr size_t kGroupWidth = 36;
  std::vector<int> themes;
  for (size_t c = 0; c < codebook.codes.size(); ++c) {
    if (codebook.codes[c].level == CodeLevel::kTheme) themes.push_back(static_cast<int>(c));
  }
  out << fmt::format("\nBy {} (% of the group's answers naming each theme, numbered as above):\n",
                     by);
  std::string header = fmt::format("{:<{}} {:>7}", "", kGroupWidth, "answers");
  for (size_t t = 0; t < themes.size(); ++t) header += fmt::format(" {:>6}", t + 1);
  out << header << '\n';
  auto print_line = [&](const std::string& name, const Tally& tally, bool small) {
    // Cut by code points, so that fmt's display-width padding stays right.
    std::string shown = name.empty() ? "(empty)" : name;
    size_t points = 0;
    for (size_t i = 0; i < shown.size(); ++i) {
      if ((static_cast<unsigned char>(shown[i]) & 0xC0) == 0x80) continue;
      if (++points > kGroupWidth - 3) {
        shown = shown.substr(0, i) + "…";
        break;
      }
    }
    if (small) shown += " *";
    std::string line = fmt::format("{:<{}} {:>7}", shown, kGroupWidth, tally.rows());
    for (int theme : themes) {
      const double percent =
          tally.rows() == 0 ? 0.0
                            : 100.0 * static_cast<double>(tally.answers(theme)) /
                                  static_cast<double>(tally.rows());
      line += fmt::format(" {:>5.0f}%", percent);
    }
    out << line << '\n';
  };
  const std::vector<std::string> names = groups.Groups();
  bool any_small = false;
  Tally others(codebook);
  size_t other_groups = 0;
  for (size_t g = 0; g < names.size(); ++g) {
    const Tally& tally = groups.Of(names[g]);
    if (g >= max_groups) {
      others.Merge(tally);
      ++other_groups;
      continue;
    }
    const bool small = tally.rows() < kSmallGroupAnswers;
    any_small = any_small || small;
    print_line(names[g], tally, small);
  }
  if (other_groups > 0) {
    print_line(fmt::format("({} other groups)", other_groups), others, false);
  }
  if (any_small) {
    out << fmt::format(
        "* fewer than {} answers: uncertain percentages; counts.csv gives each its 95 % "
        "interval (ci95_low, ci95_high)\n",
        kSmallGroupAnswers);
  }
}

}  // namespace verbatim
