// review.xlsx: the review file as a workbook a reviewer can work in
// (libxlsxwriter).
//
// Sheet "review": the columns of review_file.h; the answer text with its
// evidence words highlighted as rich text (bold blue: evidence for a
// proposed code; bold orange: evidence too weak on its own; bold red:
// negated or excluded evidence); the decision column formatted as Text (so
// that "=a;b" or "+a" typed there stays text instead of becoming a formula)
// with a drop-down of "ok" and "none" whose error style is "information",
// so the +code -code and =code;code forms can still be typed; the header
// row frozen, filters on, long cells wrapped, column widths set. Sheet
// "codes": every code id with its level, label and description, and the
// legend of the colours.
//
// Design: the workbook is built through io/output/xlsx_table.h's
// XlsxWorkbook (a private temporary file whose bytes Finish() copies to the
// caller's stream, committed atomically like every other output). A cell
// holds at most 32,767 characters: a longer text is cut and ends in "…"
// (core/review_merge.h accepts the cut copy).
#ifndef VERBATIM_IO_REVIEW_XLSX_H_
#define VERBATIM_IO_REVIEW_XLSX_H_

#include <memory>
#include <ostream>

#include "core/compiled_codebook.h"
#include "core/status.h"
#include "io/review/review_file.h"

namespace verbatim {

// Errors: the temporary workbook cannot be created. `out` and `codebook`
// must outlive the writer; the header is written at once.
Result<std::unique_ptr<ReviewWriter>> OpenXlsxReviewWriter(std::ostream& out,
                                                           const CompiledCodebook& codebook,
                                                           const ReviewFileOptions& options);

}  // namespace verbatim

#endif  // VERBATIM_IO_REVIEW_XLSX_H_
