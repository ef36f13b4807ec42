#include "core/decision_apply.h"

#include <algorithm>
#include <unordered_set>

#include "core/decision.h"

namespace verbatim {

std::string_view DecisionStateName(DecisionState state) {
  switch (state) {
    case DecisionState::kNone: return "none";
    case DecisionState::kApplied: return "applied";
    case DecisionState::kStale: return "stale";
    case DecisionState::kUnknownCode: return "unknown_code";
  }
  return "none";
}

DecisionMatch MatchDecision(const DecisionLedger& ledger, const Codebook& codebook,
                            std::string_view id, std::string_view text_sha256) {
  DecisionMatch match;
  match.record = ledger.Find(id);
  if (match.record == nullptr) return match;
  if (text_sha256.empty() || match.record->text_sha256 != text_sha256) {
    match.state = DecisionState::kStale;
    return match;
  }
  for (const std::string& code : match.record->codes) {
    const int index = codebook.FindCode(code);
    if (index < 0) {
      match.unknown_codes.push_back(code);
    } else {
      match.codes.push_back(index);
    }
  }
  if (!match.unknown_codes.empty()) {
    match.state = DecisionState::kUnknownCode;
    match.codes.clear();
    return match;
  }
  match.state = DecisionState::kApplied;
  match.codes = CanonicalCodeSet(std::move(match.codes), codebook);
  return match;
}

FinalCoding FinalCodingOf(const CodingResult& machine, const DecisionMatch& match) {
  if (match.state != DecisionState::kApplied) return FinalCoding{machine.status, machine.counted};
  return FinalCoding{match.codes.empty() ? AnswerStatus::kUncoded : AnswerStatus::kCoded,
                     match.codes};
}

std::string DescribeUnapplied(const DecisionMatch& match) {
  if (match.record == nullptr) return {};
  const DecisionRecord& record = *match.record;
  const std::string written = "'" + record.decision + "'";
  switch (match.state) {
    case DecisionState::kNone:
    case DecisionState::kApplied:
      return {};
    case DecisionState::kStale:
      return "stale (text changed since decided " + record.decided_at + "): " + written;
    case DecisionState::kUnknownCode: {
      std::string codes;
      for (const std::string& code : match.unknown_codes) codes += (codes.empty() ? "" : ", ") + code;
      return "unknown code " + codes + " (decided " + record.decided_at + " with codebook " +
             record.codebook_id + " " + record.codebook_version + "): " + written;
    }
  }
  return {};
}

void DecisionRunSummary::Add(std::string_view id, const DecisionMatch& match) {
  if (match.state == DecisionState::kNone) return;
  seen_.emplace_back(id);
  Entry entry{std::string(id), match.record, match.unknown_codes};
  switch (match.state) {
    case DecisionState::kApplied: applied_.push_back(std::move(entry)); break;
    case DecisionState::kStale: stale_.push_back(std::move(entry)); break;
    case DecisionState::kUnknownCode: unknown_code_.push_back(std::move(entry)); break;
    case DecisionState::kNone: break;
  }
}

std::vector<std::string> DecisionRunSummary::NotInInput(const DecisionLedger& ledger) const {
  const std::unordered_set<std::string> seen(seen_.begin(), seen_.end());
  std::vector<std::string> missing;
  for (const DecisionRecord& record : ledger.records()) {
    if (!seen.contains(record.id)) missing.push_back(record.id);
  }
  return missing;
}

}  // namespace verbatim
