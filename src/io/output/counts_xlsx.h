// counts.xlsx (`code --counts-xlsx`): counts.csv's tables as a workbook,
// for people who open counts in a spreadsheet rather than read a CSV.
//
// Design: the cells are counts.csv's own fields (io/output/counts_report.h),
// so the two files can never disagree; the counts and percentages are
// written as numbers (sums and sorts work, whatever the reader's locale),
// and the long by-group table gets a sheet of its own instead of sharing
// the overall one, which is what a reader filtering or pivoting wants.
#ifndef VERBATIM_IO_OUTPUT_COUNTS_XLSX_H_
#define VERBATIM_IO_OUTPUT_COUNTS_XLSX_H_

#include <ostream>
#include <vector>

#include "core/decided_counts.h"
#include "core/status.h"
#include "core/tally.h"
#include "io/output/counts_report.h"

namespace verbatim {

// Sheet "counts": counts.csv's columns without --by (level, id, label,
// answers, pct_answers, pct_coded; with `decided` non-empty its final
// counts, then machine_answers, decided_added, decided_removed).
// Sheet "groups", only with options.by: the long format's group rows (by,
// group, level, id, label, answers, pct_answers, pct_coded, ci95_low,
// ci95_high; percentages of the group's answers).
// `rows` are the counts without decisions; `decided`, when not empty, takes
// their place. options.dialect is ignored: numbers are numbers.
// Errors: the workbook cannot be made or written (io/output/xlsx_table.h).
Result<void> WriteCountsXlsx(std::ostream& out, const std::vector<CountRow>& rows,
                             const std::vector<DecidedCountRow>& decided,
                             const CountsCsvOptions& options);

}  // namespace verbatim

#endif  // VERBATIM_IO_OUTPUT_COUNTS_XLSX_H_
