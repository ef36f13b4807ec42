#include "io/output/counts_xlsx.h"

#include <string>

#include "io/output/xlsx_table.h"

namespace verbatim {
namespace {

std::vector<XlsxColumn> Columns(const std::vector<std::string>& names,
                                const std::vector<std::string>& numbers) {
  std::vector<XlsxColumn> columns;
  for (const std::string& name : names) {
    XlsxColumn column{name, name == "label" ? 40.0 : 14.0, false};
    for (const std::string& number : numbers) column.number |= number == name;
    columns.push_back(column);
  }
  return columns;
}

const std::vector<std::string> kNumberColumns = {
    "answers",         "pct_answers",     "pct_coded", "machine_answers",
    "decided_added",   "decided_removed", "ci95_low",  "ci95_high"};

}  // namespace

Result<void> WriteCountsXlsx(std::ostream& out, const std::vector<CountRow>& rows,
                             const std::vector<DecidedCountRow>& decided,
                             const CountsCsvOptions& options) {
  std::vector<std::string> names = {"level", "id", "label", "answers", "pct_answers", "pct_coded"};
  XlsxTableSheet counts{"counts", {}, {}};
  if (decided.empty()) {
    for (const CountRow& row : rows) counts.rows.push_back(CountFields(row, CsvDialect::kStandard));
  } else {
    names.insert(names.end(), {"machine_answers", "decided_added", "decided_removed"});
    for (const DecidedCountRow& row : decided) {
      std::vector<std::string> fields = CountFields(row.final, CsvDialect::kStandard);
      fields.insert(fields.end(), {std::to_string(row.machine), std::to_string(row.added),
                                   std::to_string(row.removed)});
      counts.rows.push_back(std::move(fields));
    }
  }
  counts.columns = Columns(names, kNumberColumns);
  std::vector<XlsxTableSheet> sheets = {std::move(counts)};
  if (!options.by.empty()) {
    CountsCsvOptions standard = options;
    standard.dialect = CsvDialect::kStandard;
    sheets.push_back(XlsxTableSheet{
        "groups",
        Columns({"by", "group", "level", "id", "label", "answers", "pct_answers", "pct_coded",
                 "ci95_low", "ci95_high"},
                kNumberColumns),
        GroupCountFields(standard, 0)});
  }
  return WriteXlsxSheets(out, "counts workbook", sheets);
}

}  // namespace verbatim
