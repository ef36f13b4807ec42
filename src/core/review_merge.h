// From a filled review file to decision records: what `review apply`
// validates before anything is written.
//
// Design: validation accumulates: every row is checked and every problem is
// reported with its row, so a reviewer fixes the file once; records come out
// only when there is no error at all (all or nothing). The run's answers are
// the authority on ids and texts: a decision is keyed by the hash of the
// input's text, never of the review file's copy, which a spreadsheet may
// have touched (line ends, surrounding blanks). Hashing is the caller's (the
// core does no I/O and links no crypto library).
#ifndef VERBATIM_CORE_REVIEW_MERGE_H_
#define VERBATIM_CORE_REVIEW_MERGE_H_

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/codebook.h"
#include "core/decision_ledger.h"
#include "core/status.h"

namespace verbatim {

// One data row of a filled review file, as read (io/review/review_reader.h).
struct ReviewedRow {
  int line = 0;          // CSV: physical line where the record starts; xlsx: sheet row.
  std::string id;
  std::string text;
  std::string proposed;  // Code ids separated by ';', as in the file.
  std::string decision;  // The cell as read.
  std::string comment;
};

// An answer of the run's input.
struct RunAnswer {
  std::string text;
  std::string text_sha256;
  bool unreadable = false;  // The input row was an error row.
  int occurrences = 1;      // More than 1: the id is not unique in the input.
};

struct DecisionBatchOptions {
  std::string review_path;  // Names the file in diagnostics.
  std::string input_name;   // Names the run's input in messages.
  std::string decided_at;   // UTC ISO 8601, stored in every record.
  // False when the file has no `proposed` column: then `ok` and +/- are
  // errors (they need the proposal). Default: true.
  bool has_proposed_column = true;
};

struct DecisionBatch {
  std::vector<DecisionRecord> records;  // Rows with a decision, file order; empty on any error.
  size_t blank = 0;                     // Rows without a decision (skipped, not an error).
  std::vector<Diagnostic> diagnostics;  // Every problem, file:line, in row order.
};

// Checks every row with a decision and builds its record. Errors, each
// located at the row: no id; an id decided twice in the file; an id not in
// the run (or not unique in it, or unreadable there); a text that differs
// from the run's (ignoring line-end style and surrounding blanks; a text cut
// by a spreadsheet's 32,767-character cell limit and ending in "…" counts as
// its prefix); a decision that does not parse; a code id the codebook lacks
// (with did-you-mean), in the decision or, for ok and +/-, in the proposal.
DecisionBatch BuildDecisionRecords(const std::vector<ReviewedRow>& rows,
                                   const std::unordered_map<std::string, RunAnswer>& run,
                                   const Codebook& codebook, const DecisionBatchOptions& options);

// True when the review file's copy of a text is the run's text (see above).
bool SameAnswerText(const std::string& review_copy, const std::string& run_text);

}  // namespace verbatim

#endif  // VERBATIM_CORE_REVIEW_MERGE_H_
