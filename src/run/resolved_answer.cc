#include "run/resolved_answer.h"

#include "io/input/sha256.h"

namespace verbatim {

void ApplyReadError(const InputRecord& record, CodingResult* result) {
  if (record.error.empty()) return;
  *result = CodingResult{};
  result->status = AnswerStatus::kError;
  result->error = record.error;
}

ResolvedAnswer ResolveAnswer(const InputRecord& record, CodingResult* result,
                             const DecisionLedger* ledger, const Codebook& codebook) {
  ApplyReadError(record, result);
  ResolvedAnswer answer;
  answer.record = &record;
  answer.machine = result;
  const bool readable = record.error.empty();
  if (ledger != nullptr) {
    // An unreadable row's empty digest never matches: its decision is stale.
    answer.match =
        MatchDecision(*ledger, codebook, record.id, readable ? Sha256Hex(record.text) : std::string());
  }
  answer.final = FinalCodingOf(*result, answer.match);
  const DecisionState state = answer.match.state;
  const bool disputed = result->status == AnswerStatus::kDisputed;
  const bool not_applied = state == DecisionState::kStale || state == DecisionState::kUnknownCode;
  answer.to_review = readable && ((disputed && state != DecisionState::kApplied) || not_applied);
  return answer;
}

}  // namespace verbatim
