// One input row, resolved: what the machine coded, what a reviewer decided,
// what counts in the end, and whether a human should look at it.
//
// Design: every command that codes a file turns (record, CodingResult) into
// a ResolvedAnswer through ResolveAnswer and nothing else, so a read error,
// the matching decision, the final coding and the review rule are decided
// in one place. ResolveAnswer reads the ledger and the codebook only: it is
// safe on several threads at once (the coding threads resolve the rows they
// have just coded).
#ifndef VERBATIM_RUN_RESOLVED_ANSWER_H_
#define VERBATIM_RUN_RESOLVED_ANSWER_H_

#include "core/codebook.h"
#include "core/coder.h"
#include "core/decision_apply.h"
#include "core/decision_ledger.h"
#include "io/input/input_reader.h"

namespace verbatim {

struct ResolvedAnswer {
  const InputRecord* record = nullptr;
  const CodingResult* machine = nullptr;  // An error result for a row that could not be read.
  DecisionMatch match;                    // kNone without a ledger.
  FinalCoding final;                      // What the counts use.
  // The row goes to the review file: a readable answer the machine
  // disputed that no applicable decision settles, or one whose recorded
  // decision could not be applied (stale, or naming a code the codebook
  // lacks), so that a reviewer decides it again.
  bool to_review = false;
};

// A row that could not be read becomes an error result with the reader's
// reason (it was not coded). Does nothing to a readable row.
void ApplyReadError(const InputRecord& record, CodingResult* result);

// Resolves one row into `answer`, whose buffers are reused (the coding
// threads resolve every row of a chunk into the same slots, chunk after
// chunk). `result` is CodeAnswer's for record.text (anything for an
// unreadable row: ApplyReadError replaces it). `ledger` may be null (no
// decisions). `answer` then points at `record` and `result`.
void ResolveAnswer(const InputRecord& record, CodingResult* result, const DecisionLedger* ledger,
                   const Codebook& codebook, ResolvedAnswer* answer);

}  // namespace verbatim

#endif  // VERBATIM_RUN_RESOLVED_ANSWER_H_
