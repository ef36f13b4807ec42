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
//
// The reader takes a stream, not a file, and splits it at each header line,
// because the map step of a cluster job (Spark's RDD.pipe, Hadoop Streaming)
// leaves one output per partition and the simplest reduce is to concatenate
// them: `hadoop fs -cat out/part-* | verbatim counts merge -`. A single
// counts.csv is the one-part case of the same reader.
#ifndef VERBATIM_IO_COUNTS_MERGE_H_
#define VERBATIM_IO_COUNTS_MERGE_H_

#include <istream>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/tally.h"

namespace verbatim {

// One counts.csv read from a stream, with where it came from.
struct CountsPart {
  std::string source;   // The name given to the reader ("<stdin>", a path).
  int number = 1;       // 1-based position of the part in `source`.
  int header_line = 1;  // Physical line of the part's header in `source`.
  std::vector<CountRow> rows;
  std::vector<int> lines;  // Physical line of each row in `source`, as rows.
};

// Reads every counts.csv in `in`, as WriteCountsCsv (io/output/counts_report.h)
// writes them: one file, or several concatenated (`cat part-*/counts.csv`,
// the output of a Spark or Hadoop Streaming map step), each starting with
// its header line level,id,label,answers,pct_answers,pct_coded. A new part
// starts at each header line; the percentages read are ignored (AddCounts
// recomputes them). Errors are located at `name` and the physical line in
// the whole stream; from the second part on, the message starts "part N: ".
// Returns the parts in stream order (at least one). Fails, at the first
// problem, on: an empty stream, a first line that is not the header, a
// malformed CSV record, a row without 6 fields, an unknown level, a count
// that is not a whole number, a part without its "coded" status row or its
// "total" row (a header with nothing after it included), a read error.
Result<std::vector<CountsPart>> ReadCountsCsvParts(std::istream& in, const std::string& name);

// Adds `part` into `total` (empty `total`: becomes a copy of `part`'s rows)
// and recomputes every percentage from the summed counts. Fails, leaving
// `total` unchanged, when the rows differ in number, level, id or label (the
// error is located at the part's header or its first differing row).
Result<bool> AddCounts(const CountsPart& part, std::vector<CountRow>* total);

}  // namespace verbatim

#endif  // VERBATIM_IO_COUNTS_MERGE_H_
