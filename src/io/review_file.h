// review.csv: one row per disputed answer, for a human to decide.
//
// Columns: id, row, text (full, as written), proposed (codes), reasons
// (names), details (why, in words), evidence (quoted with a little context,
// the match in [ ]), decision and comment (empty, for the reviewer; see
// docs/review.md).
#ifndef VERBATIM_IO_REVIEW_FILE_H_
#define VERBATIM_IO_REVIEW_FILE_H_

#include <ostream>

#include "core/coder.h"
#include "core/compiled_codebook.h"
#include "io/csv_writer.h"
#include "io/input_reader.h"

namespace verbatim {

class ReviewFileWriter {
 public:
  // Writes the header. `out` must outlive the writer.
  ReviewFileWriter(std::ostream& out, const CompiledCodebook& codebook);
  // Writes a row when the answer is disputed; otherwise does nothing.
  void Write(const InputRecord& record, const CodingResult& result);
  size_t rows_written() const { return rows_; }

 private:
  CsvWriter csv_;
  const CompiledCodebook& codebook_;
  size_t rows_ = 0;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_REVIEW_FILE_H_
