// counts.csv and the terminal counts table, from core/tally.h's rows.
#ifndef VERBATIM_IO_COUNTS_REPORT_H_
#define VERBATIM_IO_COUNTS_REPORT_H_

#include <ostream>
#include <vector>

#include <string>

#include "core/decided_counts.h"
#include "core/group_tally.h"
#include "core/tally.h"
#include "io/output/csv_dialect.h"

namespace verbatim {

// How counts.csv is written beyond its rows.
struct CountsCsvOptions {
  // Default: ',' and '.' (io/output/csv_dialect.h).
  CsvDialect dialect = CsvDialect::kStandard;
  // --by: the grouping column's name as the input spells it, and its groups'
  // rows (core/group_tally.h). Empty `by`: no group columns, no group rows.
  std::string by;
  std::vector<GroupCountRow> groups;
};

// One row's fields level, id, label, answers, pct_answers, pct_coded, as
// counts.csv writes them in `dialect` (raw: CsvWriter adds the formula guard).
std::vector<std::string> CountFields(const CountRow& row, CsvDialect dialect);

// The group rows of the long format (see WriteCountsCsv), as fields: by,
// group, CountFields, `decision_columns` empty fields, ci95_low, ci95_high.
std::vector<std::vector<std::string>> GroupCountFields(const CountsCsvOptions& options,
                                                       size_t decision_columns);

// Columns: level, id, label, answers, pct_answers, pct_coded (one decimal;
// empty where it means nothing).
//
// With options.by (long format, one table): two columns come first, by and
// group, and two last, ci95_low and ci95_high (the Wilson 95 % interval of
// pct_answers, in percent, one decimal; empty on the total row). The
// overall rows come first, unchanged, with by and group empty; then each
// group's rows (core/group_tally.h's order) with by = the column's name and
// group = its value; their percentages are of the group's answers. A
// group's value may be empty (answers without one): `by` tells the two
// kinds of rows apart, never `group`.
void WriteCountsCsv(std::ostream& out, const std::vector<CountRow>& rows,
                    const CountsCsvOptions& options = {});

// The report's shape: theme, its subthemes indented, answers and % of
// answers, aligned by display width (labels hold accents).
void PrintCountsTable(std::ostream& out, const std::vector<CountRow>& rows);

// With decisions applied: the columns of WriteCountsCsv, where answers and
// the percentages are the final counts (human decisions over machine
// codes), then machine_answers (the same row without decisions),
// decided_added and decided_removed (answers decisions brought into / took
// out of the row). answers = machine_answers + decided_added -
// decided_removed on every row. With options.by, the columns and rows of
// WriteCountsCsv's long format; group rows (final counts) leave the three
// decision columns empty.
void WriteDecidedCountsCsv(std::ostream& out, const std::vector<DecidedCountRow>& rows,
                           const CountsCsvOptions& options = {});

// The code × group table: one line per group (largest first, at most
// `max_groups`, the rest summed up in one line), its answers, then per
// theme the percentage of the group's answers that name it, with the
// themes numbered as in PrintCountsTable. A group under 30 answers is
// marked '*' and a note says its percentages are uncertain (counts.csv
// has their intervals).
void PrintGroupTable(std::ostream& out, const Codebook& codebook, const std::string& by,
                     const GroupTally& groups, size_t max_groups = 40);

// PrintCountsTable's shape with two more columns: the machine's count and
// the change decisions made ("+3 -1"), before the final count.
void PrintDecidedCountsTable(std::ostream& out, const std::vector<DecidedCountRow>& rows);

}  // namespace verbatim

#endif  // VERBATIM_IO_COUNTS_REPORT_H_
