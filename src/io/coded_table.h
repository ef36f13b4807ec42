// coded.csv: one row per input row, in input order, none lost.
//
// Columns: row, id, status (coded|uncoded|disputed|error), codes (counted,
// ';'-separated), proposed (the machine's proposal, also for disputed rows),
// reasons (review reason names), error, one 0/1 column per theme and
// subtheme in codebook order (a theme is 1 when it or a subtheme is counted:
// ready for R, pandas, SPSS), evidence (code="words as written" | …).
#ifndef VERBATIM_IO_CODED_TABLE_H_
#define VERBATIM_IO_CODED_TABLE_H_

#include <ostream>
#include <string_view>

#include "core/coder.h"
#include "core/compiled_codebook.h"
#include "io/csv_writer.h"
#include "io/input_reader.h"

namespace verbatim {

class CodedTableWriter {
 public:
  // Writes the header. `out` must outlive the writer.
  CodedTableWriter(std::ostream& out, const CompiledCodebook& codebook);
  void Write(const InputRecord& record, const CodingResult& result);

 private:
  CsvWriter csv_;
  const CompiledCodebook& codebook_;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_CODED_TABLE_H_
