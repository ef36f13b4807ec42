// The reviewers' decisions, one per answer: what `review apply` records and
// `code --decisions` applies.
//
// Design: a decision is keyed by the answer's id and the SHA-256 of its text
// as it was when decided, and it stores the resulting code set (ids), not
// only the decision as written: "ok" means "the proposal I saw", and that
// proposal may change with the next codebook version, while the reviewer's
// judgement of this text does not. So a decision applies to its answer for
// as long as the text is the same (MatchDecision in decision_apply.h), under
// any later codebook that still has its codes. The ledger holds at most one
// decision per id: a new decision for an id replaces the old one (the
// decisions file's backup keeps the previous version).
#ifndef VERBATIM_CORE_DECISION_LEDGER_H_
#define VERBATIM_CORE_DECISION_LEDGER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace verbatim {

struct DecisionRecord {
  std::string id;           // The answer's id in the input.
  std::string text_sha256;  // SHA-256 (lower-case hex) of the answer's text as decided.
  std::vector<std::string> codes;  // The resulting code set, codebook order; empty: no code.
  std::string decision;     // As written, trimmed (TrimDecision): "ok", "=a;b", …
  std::string comment;      // The reviewer's comment, without surrounding blanks (TrimCell).
  std::string decided_at;   // UTC, ISO 8601, when first recorded.
  std::string codebook_id;  // The codebook the decision was checked against.
  std::string codebook_version;
  std::vector<std::string> proposed;  // The machine's proposal the reviewer saw.
  std::string text;         // The answer as decided (to show what changed when stale).
};

// Same answer, same judgement: id, text hash, codes, decision and comment
// are equal (the date, codebook and copy of the text are not compared).
bool SameDecision(const DecisionRecord& a, const DecisionRecord& b);

enum class UpsertOutcome { kAdded, kReplaced, kUnchanged };

// An ordered set of decisions, at most one per id, in the order they were
// first added (a replaced decision keeps its place), so that the decisions
// file's rows stay put from one version to the next. Copyable and movable.
// Not safe to modify from several threads.
class DecisionLedger {
 public:
  const std::vector<DecisionRecord>& records() const { return records_; }
  size_t size() const { return records_.size(); }

  // The decision for `id`, or null. The pointer is valid until the next Upsert.
  const DecisionRecord* Find(std::string_view id) const;

  // Adds the record, or replaces the one with the same id. kUnchanged (the
  // ledger is left as it was, original date included) when SameDecision.
  UpsertOutcome Upsert(DecisionRecord record);

  // Removes the decision for `id` (the later ones move up one place);
  // false when there is none. Undoing a decision that was the first for
  // its answer (review serve) comes to this.
  bool Remove(std::string_view id);

 private:
  std::vector<DecisionRecord> records_;
  std::unordered_map<std::string, size_t> by_id_;
};

// A filled row of a review file, as far as the ledger is concerned.
struct WrittenDecision {
  std::string id;
  std::string decision;  // As in the cell.
  std::string comment;
  int line = 0;          // Where it is, for messages.
};

// The rows whose decision is not blank and not recorded in `ledger` (no
// decision for the id, or one with another decision or comment; decisions
// compared in canonical form, so "=a;b" typed and "=a,b" as a spreadsheet
// gave it back are one decision; comments compared trimmed), in input
// order: work that would be lost if the review file were overwritten.
std::vector<WrittenDecision> UnappliedDecisions(const std::vector<WrittenDecision>& written,
                                                const DecisionLedger& ledger);

}  // namespace verbatim

#endif  // VERBATIM_CORE_DECISION_LEDGER_H_
