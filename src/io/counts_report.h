// counts.csv and the terminal counts table, from core/tally.h's rows.
#ifndef VERBATIM_IO_COUNTS_REPORT_H_
#define VERBATIM_IO_COUNTS_REPORT_H_

#include <ostream>
#include <vector>

#include "core/tally.h"

namespace verbatim {

// Columns: level, id, label, answers, pct_answers, pct_coded (one decimal;
// empty where it means nothing).
void WriteCountsCsv(std::ostream& out, const std::vector<CountRow>& rows);

// The report's shape: theme, its subthemes indented, answers and % of
// answers, aligned by display width (labels hold accents).
void PrintCountsTable(std::ostream& out, const std::vector<CountRow>& rows);

}  // namespace verbatim

#endif  // VERBATIM_IO_COUNTS_REPORT_H_
