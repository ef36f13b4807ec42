// Adding partial counts.csv files: the reduce step of a corpus coded in
// pieces (split across processes or machines, each piece coded with the same
// codebook), so that the sum is exactly the counts.csv of one run.
//
// Design: counts.csv carries every answer count needed, and its percentages
// are functions of those counts (of all rows read, and of coded answers), so
// merging adds the counts row by row and recomputes the percentages as
// BuildCountRows (core/tally.h) does; WriteCountsCsv then writes the same
// bytes a single run would. Rows are matched by position and must agree on
// level, id and label: files from different codebooks are refused rather than
// added up.
#ifndef VERBATIM_IO_COUNTS_MERGE_H_
#define VERBATIM_IO_COUNTS_MERGE_H_

#include <istream>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/tally.h"

namespace verbatim {

// Reads a counts.csv as WriteCountsCsv (io/counts_report.h) writes it.
// `name` is used in error locations. Fails on a wrong header, an unknown
// level, a count that is not a whole number, or a file without its "coded"
// status row and "total" row.
Result<std::vector<CountRow>> ReadCountsCsv(std::istream& in, const std::string& name);

// Adds `part` into `total` (empty `total`: becomes a copy of `part`) and
// recomputes every percentage from the summed counts. Fails, leaving `total`
// unchanged, when the rows differ in number, level, id or label.
Result<bool> AddCounts(const std::vector<CountRow>& part, const std::string& part_name,
                       std::vector<CountRow>* total);

}  // namespace verbatim

#endif  // VERBATIM_IO_COUNTS_MERGE_H_
