// The review file: one row per answer a human should decide, written as CSV
// here (review.csv) or as a workbook (io/review/review_xlsx.h, review.xlsx).
//
// Columns: id, row, text (full, as written), proposed (codes), reasons
// (names), details (why, in words), evidence (quoted with a little context,
// the match in [ ]), decision and comment (for the reviewer; see
// docs/review.md), and, when the run applies a decisions file,
// previous_decision (a recorded decision that could not be applied: stale
// or naming a code the codebook no longer has); then the kept input columns
// (--keep), named as in the input.
//
// Design: which answers go to the review file is decided by
// run/resolved_answer.h (ResolvedAnswer::to_review); the writers only lay
// rows out. The CSV
// dialect for French Excel (CsvDialect::kExcelFr) starts with a UTF-8 BOM
// and separates fields with ';', which French Excel opens as columns; the
// review reader (io/review/review_reader.h) accepts both dialects.
#ifndef VERBATIM_IO_REVIEW_FILE_H_
#define VERBATIM_IO_REVIEW_FILE_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/coder.h"
#include "core/compiled_codebook.h"
#include "core/status.h"
#include "io/output/csv_dialect.h"
#include "io/output/csv_writer.h"
#include "io/input/input_reader.h"

namespace verbatim {

enum class ReviewFormat { kCsv, kXlsx };
// Stable names: "csv", "xlsx".
std::string_view ReviewFormatName(ReviewFormat format);
std::optional<ReviewFormat> ParseReviewFormat(std::string_view name);

enum class PreviousDecisionColumn { kOmit, kInclude };

struct ReviewFileOptions {
  CsvDialect dialect = CsvDialect::kStandard;  // CSV only. Default: ',' and no BOM.
  PreviousDecisionColumn previous = PreviousDecisionColumn::kOmit;
  // The kept input columns' names (--keep), after the others: the values are
  // the first kept.size() of InputRecord::extra. Default: none.
  std::vector<std::string> kept;
};

// What a row holds beyond the machine's view of the answer. Default: empty.
struct ReviewRowExtras {
  std::string previous_decision;  // DescribeUnapplied (core/decision_apply.h).
  std::string decision;           // Prefilled decision (tests; normally empty).
  std::string comment;
};

// The header, for these options.
std::vector<std::string> ReviewColumns(const ReviewFileOptions& options);

// One row's cells in ReviewColumns order.
std::vector<std::string> ReviewCells(const CompiledCodebook& codebook, const InputRecord& record,
                                     const CodingResult& result, const ReviewRowExtras& extras,
                                     const ReviewFileOptions& options);

// The review.csv line for one row (with its "\n"), appended to `line`: the
// bytes ReviewFileWriter::WriteRow writes with these options. Thread-safe:
// lets rows be formatted on the threads that coded them.
void AppendReviewLine(const CompiledCodebook& codebook, const InputRecord& record,
                      const CodingResult& result, const ReviewRowExtras& extras,
                      const ReviewFileOptions& options, std::string* line);

// A review file being written. Not copyable; not safe to use from several
// threads.
class ReviewWriter {
 public:
  virtual ~ReviewWriter() = default;
  // Writes one row for the answer, whatever its status.
  virtual void WriteRow(const InputRecord& record, const CodingResult& result,
                        const ReviewRowExtras& extras) = 0;
  // Completes the file on its stream (the workbook is rendered here). Call
  // once, after the last row; the stream is then ready to commit.
  virtual Result<void> Finish() = 0;
  size_t rows_written() const { return rows_; }

 protected:
  size_t rows_ = 0;
};

// review.csv.
class ReviewFileWriter : public ReviewWriter {
 public:
  // Writes the BOM (kExcelFr) and the header. `out` and `codebook` must
  // outlive the writer.
  ReviewFileWriter(std::ostream& out, const CompiledCodebook& codebook,
                   const ReviewFileOptions& options = {});
  void WriteRow(const InputRecord& record, const CodingResult& result,
                const ReviewRowExtras& extras) override;
  // Writes `rows` rows made by AppendReviewLine with this writer's codebook
  // and options.
  void WriteLines(std::string_view lines, size_t rows);
  Result<void> Finish() override { return {}; }
  const ReviewFileOptions& options() const { return options_; }
  const CompiledCodebook& codebook() const { return codebook_; }

 private:
  std::ostream& out_;
  const CompiledCodebook& codebook_;
  ReviewFileOptions options_;
  std::string line_;  // Reused from row to row.
};

}  // namespace verbatim

#endif  // VERBATIM_IO_REVIEW_FILE_H_
