// Applying recorded decisions while coding: human decisions over machine codes.
//
// Design: an answer's decision applies only when the answer's text is the
// one decided (same SHA-256) and every code of the decision is in the
// current codebook; otherwise it is not applied and not forgotten: it is
// reported (stale, or unknown_code) and stays in the decisions file, and the
// answer keeps its machine coding. Final codes are a pure function of the
// machine's result and the match, so `code` and its tests agree.
#ifndef VERBATIM_CORE_DECISION_APPLY_H_
#define VERBATIM_CORE_DECISION_APPLY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/codebook.h"
#include "core/coder.h"
#include "core/decision_ledger.h"

namespace verbatim {

enum class DecisionState { kNone, kApplied, kStale, kUnknownCode };
inline constexpr DecisionState kAllDecisionStates[] = {
    DecisionState::kNone, DecisionState::kApplied, DecisionState::kStale,
    DecisionState::kUnknownCode};
// Stable names: "none", "applied", "stale", "unknown_code".
std::string_view DecisionStateName(DecisionState state);

struct DecisionMatch {
  DecisionState state = DecisionState::kNone;
  const DecisionRecord* record = nullptr;  // Null for kNone; points into the ledger.
  std::vector<int> codes;                  // kApplied: the decided codes, canonical.
  std::vector<std::string> unknown_codes;  // kUnknownCode: ids the codebook lacks.
};

// The decision for answer `id` whose text hashes to `text_sha256`:
// kNone when the ledger has none; kStale when the hashes differ (an empty
// text_sha256, given for a row that could not be read, never matches);
// kUnknownCode when a decided code is not in `codebook`; else kApplied.
DecisionMatch MatchDecision(const DecisionLedger& ledger, const Codebook& codebook,
                            std::string_view id, std::string_view text_sha256);

struct FinalCoding {
  AnswerStatus status = AnswerStatus::kUncoded;
  std::vector<int> codes;  // Counted codes.
};

// kApplied: the decided codes, status coded (uncoded when the decision has
// no code). Otherwise the machine's status and counted codes.
FinalCoding FinalCodingOf(const CodingResult& machine, const DecisionMatch& match);

// One line for a reviewer about a decision that was not applied, e.g.
// "stale (text changed since decided 2025-11-20T10:00:00Z): '=a;b'" or
// "unknown code x (decided …): '+x'". Empty for kNone and kApplied.
std::string DescribeUnapplied(const DecisionMatch& match);

// What one run did with the ledger: every input row is added once.
class DecisionRunSummary {
 public:
  struct Entry {
    std::string id;
    const DecisionRecord* record = nullptr;
    std::vector<std::string> unknown_codes;  // kUnknownCode only.
  };

  void Add(std::string_view id, const DecisionMatch& match);

  const std::vector<Entry>& applied() const { return applied_; }
  const std::vector<Entry>& stale() const { return stale_; }
  const std::vector<Entry>& unknown_code() const { return unknown_code_; }
  // Ledger ids that no input row had, in ledger order (decisions for
  // another input, or for rows since removed): kept, not applied.
  std::vector<std::string> NotInInput(const DecisionLedger& ledger) const;

 private:
  std::vector<Entry> applied_, stale_, unknown_code_;
  std::vector<std::string> seen_;  // Ids with a decision, in input order.
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_DECISION_APPLY_H_
