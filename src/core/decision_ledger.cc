#include "core/decision_ledger.h"

#include "core/decision.h"

namespace verbatim {

bool SameDecision(const DecisionRecord& a, const DecisionRecord& b) {
  return a.id == b.id && a.text_sha256 == b.text_sha256 && a.codes == b.codes &&
         a.decision == b.decision && a.comment == b.comment;
}

const DecisionRecord* DecisionLedger::Find(std::string_view id) const {
  const auto found = by_id_.find(std::string(id));
  return found == by_id_.end() ? nullptr : &records_[found->second];
}

UpsertOutcome DecisionLedger::Upsert(DecisionRecord record) {
  const auto found = by_id_.find(record.id);
  if (found == by_id_.end()) {
    by_id_.emplace(record.id, records_.size());
    records_.push_back(std::move(record));
    return UpsertOutcome::kAdded;
  }
  DecisionRecord& existing = records_[found->second];
  if (SameDecision(existing, record)) return UpsertOutcome::kUnchanged;
  existing = std::move(record);
  return UpsertOutcome::kReplaced;
}

bool DecisionLedger::Remove(std::string_view id) {
  const auto found = by_id_.find(std::string(id));
  if (found == by_id_.end()) return false;
  const size_t index = found->second;
  by_id_.erase(found);
  records_.erase(records_.begin() + static_cast<std::ptrdiff_t>(index));
  for (auto& [other, position] : by_id_) {
    if (position > index) --position;
  }
  return true;
}

std::vector<WrittenDecision> UnappliedDecisions(const std::vector<WrittenDecision>& written,
                                                const DecisionLedger& ledger) {
  std::vector<WrittenDecision> unapplied;
  for (const WrittenDecision& row : written) {
    if (IsBlankDecision(row.decision)) continue;
    const DecisionRecord* record = ledger.Find(row.id);
    if (record != nullptr &&
        CanonicalDecisionText(record->decision) == CanonicalDecisionText(row.decision) &&
        record->comment == TrimCell(row.comment)) {
      continue;
    }
    unapplied.push_back(row);
  }
  return unapplied;
}

}  // namespace verbatim
