#include "core/decision_ledger.h"

#include <gtest/gtest.h>

namespace verbatim {
namespace {

DecisionRecord Record(std::string id, std::string decision, std::string comment = "",
                      std::string sha = std::string(64, 'a')) {
  DecisionRecord record;
  record.id = std::move(id);
  record.text_sha256 = std::move(sha);
  record.decision = std::move(decision);
  record.comment = std::move(comment);
  record.decided_at = "2025-11-20T10:00:00Z";
  return record;
}

TEST(DecisionLedgerTest, UpsertAddsReplacesOrLeavesUnchanged) {
  DecisionLedger ledger;
  EXPECT_EQ(ledger.Upsert(Record("1", "ok")), UpsertOutcome::kAdded);
  EXPECT_EQ(ledger.Upsert(Record("2", "none")), UpsertOutcome::kAdded);

  DecisionRecord again = Record("1", "ok");
  again.decided_at = "2025-12-01T00:00:00Z";  // a later apply of the same file
  EXPECT_EQ(ledger.Upsert(again), UpsertOutcome::kUnchanged);
  EXPECT_EQ(ledger.Find("1")->decided_at, "2025-11-20T10:00:00Z") << "the first date is kept";

  EXPECT_EQ(ledger.Upsert(Record("1", "=a")), UpsertOutcome::kReplaced);
  EXPECT_EQ(ledger.Find("1")->decision, "=a");
  EXPECT_EQ(ledger.Upsert(Record("1", "=a", "now with a comment")), UpsertOutcome::kReplaced);
  EXPECT_EQ(ledger.Upsert(Record("1", "=a", "now with a comment", std::string(64, 'b'))),
            UpsertOutcome::kReplaced)
      << "a decision on a new text of the answer replaces the old one";
  EXPECT_EQ(ledger.size(), 2u);
}

TEST(DecisionLedgerTest, ReplacedDecisionsKeepTheirPlace) {
  DecisionLedger ledger;
  ledger.Upsert(Record("b", "ok"));
  ledger.Upsert(Record("a", "ok"));
  ledger.Upsert(Record("b", "none"));
  ASSERT_EQ(ledger.records().size(), 2u);
  EXPECT_EQ(ledger.records()[0].id, "b");
  EXPECT_EQ(ledger.records()[0].decision, "none");
  EXPECT_EQ(ledger.records()[1].id, "a");
}

TEST(DecisionLedgerTest, RemoveTakesOneDecisionOutAndKeepsTheOthersFindable) {
  DecisionLedger ledger;
  ledger.Upsert(Record("a", "ok"));
  ledger.Upsert(Record("b", "none"));
  ledger.Upsert(Record("c", "=x"));
  EXPECT_TRUE(ledger.Remove("b"));
  EXPECT_FALSE(ledger.Remove("b")) << "already gone";
  ASSERT_EQ(ledger.size(), 2u);
  EXPECT_EQ(ledger.Find("b"), nullptr);
  ASSERT_NE(ledger.Find("c"), nullptr);
  EXPECT_EQ(ledger.Find("c")->decision, "=x") << "the index of a later record follows it";
  EXPECT_EQ(ledger.Find("a")->decision, "ok");
  EXPECT_EQ(ledger.Upsert(Record("b", "ok")), UpsertOutcome::kAdded);
  EXPECT_EQ(ledger.records().back().id, "b") << "added again: at the end";
}

TEST(DecisionLedgerTest, FindReturnsNullForAnUnknownId) {
  DecisionLedger ledger;
  ledger.Upsert(Record("1", "ok"));
  EXPECT_EQ(ledger.Find("2"), nullptr);
  EXPECT_NE(ledger.Find("1"), nullptr);
}

TEST(DecisionLedgerTest, UnappliedDecisionsAreTheFilledRowsTheLedgerDoesNotHave) {
  DecisionLedger ledger;
  ledger.Upsert(Record("1", "ok", "fine"));
  ledger.Upsert(Record("2", "=a;b"));
  const std::vector<WrittenDecision> written = {
      {"1", " ok ", "fine ", 2},      // recorded (compared trimmed)
      {"2", "'=A,b", "", 3},          // recorded (same decision, as a spreadsheet gave it back)
      {"3", "", "a comment alone", 4},  // no decision: nothing to apply
      {"4", "none", "", 5},           // never applied
      {"1", "ok", "changed my mind", 6},  // same decision, another comment
      {"2", "=a", "", 7},             // another decision
  };
  const std::vector<WrittenDecision> unapplied = UnappliedDecisions(written, ledger);
  ASSERT_EQ(unapplied.size(), 3u);
  EXPECT_EQ(unapplied[0].line, 5);
  EXPECT_EQ(unapplied[1].line, 6);
  EXPECT_EQ(unapplied[2].line, 7);
}

}  // namespace
}  // namespace verbatim
