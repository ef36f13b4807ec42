// Reads a review file back, as a reviewer left it: review.csv (comma or
// semicolon, with or without a UTF-8 BOM: what `--excel-fr`, French Excel
// and LibreOffice save) or review.xlsx (ours, or re-saved by Excel or
// LibreOffice).
//
// Design: columns are found by header name, so a reviewer may reorder,
// hide or add columns; only id, text and decision are required (proposed is
// needed by `ok` and +/- decisions, comment is optional). Rows whose cells
// are all empty are skipped. In an .xlsx, the sheet named "review" is read
// (else the first), and a decision cell that the spreadsheet turned into a
// formula is read from the formula's text: "=a;b" typed in a cell is stored
// as the formula "a,b" and read back as "=a,b"; "+a -b" as is.
#ifndef VERBATIM_IO_REVIEW_READER_H_
#define VERBATIM_IO_REVIEW_READER_H_

#include <istream>
#include <string>
#include <vector>

#include "core/review_merge.h"
#include "core/status.h"

namespace verbatim {

struct ReviewTable {
  std::string path;
  std::vector<ReviewedRow> rows;  // Data rows in file order; line = CSV line or sheet row.
  bool has_proposed = false;
  bool is_xlsx = false;
};

// Which rows to keep. kDecided keeps only rows whose decision cell is
// filled: `code` checks an old review file for unapplied decisions that way,
// in memory that grows with the decisions, not with the file (CSV; a
// workbook is read whole).
enum class ReviewRows { kAll, kDecided };

// By content: a zip archive (an .xlsx) or CSV. Errors name the file: it
// cannot be opened, a missing required column (the message lists those
// present), a malformed CSV record (line and column), a damaged workbook.
Result<ReviewTable> ReadReviewFile(const std::string& path, ReviewRows rows = ReviewRows::kAll);

// CSV from a stream; `name` names it in errors.
Result<ReviewTable> ReadReviewCsv(std::istream& in, const std::string& name,
                                  ReviewRows rows = ReviewRows::kAll);

}  // namespace verbatim

#endif  // VERBATIM_IO_REVIEW_READER_H_
