// counts.csv and the terminal counts table, from core/tally.h's rows.
#ifndef VERBATIM_IO_COUNTS_REPORT_H_
#define VERBATIM_IO_COUNTS_REPORT_H_

#include <ostream>
#include <vector>

#include "core/decided_counts.h"
#include "core/tally.h"

namespace verbatim {

// Columns: level, id, label, answers, pct_answers, pct_coded (one decimal;
// empty where it means nothing).
void WriteCountsCsv(std::ostream& out, const std::vector<CountRow>& rows);

// The report's shape: theme, its subthemes indented, answers and % of
// answers, aligned by display width (labels hold accents).
void PrintCountsTable(std::ostream& out, const std::vector<CountRow>& rows);

// With decisions applied: the columns of WriteCountsCsv, where answers and
// the percentages are the final counts (human decisions over machine
// codes), then machine_answers (the same row without decisions),
// decided_added and decided_removed (answers decisions brought into / took
// out of the row). answers = machine_answers + decided_added -
// decided_removed on every row.
void WriteDecidedCountsCsv(std::ostream& out, const std::vector<DecidedCountRow>& rows);

// PrintCountsTable's shape with two more columns: the machine's count and
// the change decisions made ("+3 -1"), before the final count.
void PrintDecidedCountsTable(std::ostream& out, const std::vector<DecidedCountRow>& rows);

}  // namespace verbatim

#endif  // VERBATIM_IO_COUNTS_REPORT_H_
