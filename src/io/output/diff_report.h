// The effect of a codebook edit, as `verbatim diff` shows and saves it.
//
// Design: the comparison itself is core/coding_diff.h; this only writes it.
// The text report has three parts: the codebooks and totals; a table of
// answers per code (counted and proposed, old, new and delta; every code of
// either codebook, in the new codebook's order, then the removed codes under
// their own heading) followed by answers per status; then every answer
// whose coding changed, in input order, with its text, the status change,
// each added (+) or removed (-) code with the lists it changed in, and the
// words that fired for it, quoted from the side that has the code (new for
// +, old for -), and the review reasons of both sides when the status
// changed and either side has reasons.
#ifndef VERBATIM_IO_DIFF_REPORT_H_
#define VERBATIM_IO_DIFF_REPORT_H_

#include <ostream>
#include <string>
#include <vector>


#include "core/coder.h"
#include "core/coding_diff.h"
#include "core/compiled_codebook.h"
#include "io/output/csv_dialect.h"

namespace verbatim {

// One answer whose coding changed, with both codings.
struct ChangedAnswer {
  std::string id;
  std::string text;  // Original.
  AnswerChange change;
  CodingResult old_result;
  CodingResult new_result;
};

struct DiffSides {
  const CompiledCodebook* old_codebook = nullptr;
  const CompiledCodebook* new_codebook = nullptr;
  std::string old_path;
  std::string new_path;
  std::string input_path;
};

void WriteDiffReport(std::ostream& out, const DiffSides& sides, const CodingDiffTally& tally,
                     const std::vector<ChangedAnswer>& changes);

// CSV, one row per changed answer. Columns: id, text, old_status,
// new_status, dispute (newly_disputed, no_longer_disputed or empty),
// counted_added, counted_removed, proposed_added, proposed_removed,
// old_counted, new_counted, old_proposed, new_proposed, old_reasons,
// new_reasons (reason names), evidence (code="words" for every added code
// from the new coding and removed code from the old one, joined by " | ").
// Code lists are ';'-separated ids.
// `dialect`: io/output/csv_dialect.h.
void WriteDiffCsv(std::ostream& out, const DiffSides& sides,
                  const std::vector<ChangedAnswer>& changes,
                  CsvDialect dialect = CsvDialect::kStandard);

}  // namespace verbatim

#endif  // VERBATIM_IO_DIFF_REPORT_H_
