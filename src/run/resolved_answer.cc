#include "run/resolved_answer.h"

#include "io/input/sha256.h"

namespace verbatim {

void ApplyReadError(const InputRecord& record, CodingResult* result) {
  if (record.error.empty()) return;
  *result = CodingResult{};
  result->status = AnswerStatus::kError;
  result->error = record.error;
}

void ResolveAnswer(const InputRecord& record, CodingResult* result, const DecisionLedger* ledger,
                   const Codebook& codebook, ResolvedAnswer* answer) {
  ApplyReadError(record, result);
  answer->record = &record;
  answer->machine = result;
  const bool readable = record.error.empty();
  if (ledger != nullptr) {
    // An unreadable row's empty digest never matches: its decision is stale.
    answer->match =
        MatchDecision(*ledger, codebook, record.id, readable ? Sha256Hex(record.text) : std::string());
    answer->final = FinalCodingOf(*result, answer->match);
  } else {
    // FinalCodingOf without a decision, in the slot's own buffers.
    answer->match.state = DecisionState::kNone;
    answer->match.record = nullptr;
    answer->match.codes.clear();
    answer->match.unknown_codes.clear();
    answer->final.status = result->status;
    answer->final.codes.assign(result->counted.begin(), result->counted.end());
  }
  const DecisionState state = answer->match.state;
  const bool disputed = result->status == AnswerStatus::kDisputed;
  const bool not_applied = state == DecisionState::kStale || state == DecisionState::kUnknownCode;
  answer->to_review = readable && ((disputed && state != DecisionState::kApplied) || not_applied);
}

}  // namespace verbatim
