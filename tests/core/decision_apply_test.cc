#include "core/decision_apply.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/testing/small_codebook.h"

namespace verbatim {
namespace {

using testing::SmallCodebook;

const std::string kSha(64, 'a');
const std::string kOtherSha(64, 'b');

DecisionLedger Ledger() {
  DecisionLedger ledger;
  DecisionRecord applied{"1", kSha, {"lib", "reval.ccam"}, "=lib;reval.ccam", "", "2025-11-20T10:00:00Z",
                         "t", "1", {}, "text"};
  DecisionRecord none{"2", kSha, {}, "none", "", "2025-11-20T10:00:00Z", "t", "1", {}, "text"};
  DecisionRecord unknown{"3", kSha, {"reval.old", "lib"}, "+reval.old", "", "2025-11-20T10:00:00Z",
                         "t", "1", {"lib"}, "text"};
  ledger.Upsert(applied);
  ledger.Upsert(none);
  ledger.Upsert(unknown);
  return ledger;
}

TEST(DecisionApplyTest, StateNamesAreUnique) {
  std::set<std::string_view> names;
  for (DecisionState state : kAllDecisionStates) names.insert(DecisionStateName(state));
  EXPECT_EQ(names.size(), std::size(kAllDecisionStates));
}

TEST(DecisionApplyTest, AppliesADecisionWhoseTextIsUnchanged) {
  const Codebook book = SmallCodebook();
  const DecisionLedger ledger = Ledger();
  const DecisionMatch match = MatchDecision(ledger, book, "1", kSha);
  EXPECT_EQ(match.state, DecisionState::kApplied);
  EXPECT_EQ(match.codes, (std::vector<int>{1, 3})) << "canonical, codebook order";
  EXPECT_EQ(DescribeUnapplied(match), "");
}

TEST(DecisionApplyTest, NoDecisionForAnUnknownId) {
  const DecisionMatch match = MatchDecision(Ledger(), SmallCodebook(), "9", kSha);
  EXPECT_EQ(match.state, DecisionState::kNone);
  EXPECT_EQ(match.record, nullptr);
}

TEST(DecisionApplyTest, AChangedTextMakesTheDecisionStale) {
  const DecisionLedger ledger = Ledger();
  const DecisionMatch match = MatchDecision(ledger, SmallCodebook(), "1", kOtherSha);
  EXPECT_EQ(match.state, DecisionState::kStale);
  EXPECT_TRUE(match.codes.empty());
  EXPECT_EQ(DescribeUnapplied(match),
            "stale (text changed since decided 2025-11-20T10:00:00Z): '=lib;reval.ccam'");
}

TEST(DecisionApplyTest, AnUnreadableRowNeverMatches) {
  EXPECT_EQ(MatchDecision(Ledger(), SmallCodebook(), "1", "").state, DecisionState::kStale);
}

TEST(DecisionApplyTest, ACodeTheCodebookLacksKeepsTheDecisionUnapplied) {
  const DecisionLedger ledger = Ledger();
  const DecisionMatch match = MatchDecision(ledger, SmallCodebook(), "3", kSha);
  EXPECT_EQ(match.state, DecisionState::kUnknownCode);
  EXPECT_EQ(match.unknown_codes, (std::vector<std::string>{"reval.old"}));
  EXPECT_TRUE(match.codes.empty());
  EXPECT_EQ(DescribeUnapplied(match),
            "unknown code reval.old (decided 2025-11-20T10:00:00Z with codebook t 1): '+reval.old'");
}

TEST(DecisionApplyTest, FinalCodingIsTheHumanDecisionWhenApplied) {
  CodingResult machine;
  machine.status = AnswerStatus::kDisputed;
  machine.proposed = {1};
  const DecisionLedger ledger = Ledger();
  const Codebook book = SmallCodebook();

  const FinalCoding decided = FinalCodingOf(machine, MatchDecision(ledger, book, "1", kSha));
  EXPECT_EQ(decided.status, AnswerStatus::kCoded);
  EXPECT_EQ(decided.codes, (std::vector<int>{1, 3}));

  const FinalCoding rejected = FinalCodingOf(machine, MatchDecision(ledger, book, "2", kSha));
  EXPECT_EQ(rejected.status, AnswerStatus::kUncoded);
  EXPECT_TRUE(rejected.codes.empty());

  const FinalCoding stale = FinalCodingOf(machine, MatchDecision(ledger, book, "1", kOtherSha));
  EXPECT_EQ(stale.status, AnswerStatus::kDisputed) << "the machine's coding stands";
  EXPECT_TRUE(stale.codes.empty());
}

TEST(DecisionApplyTest, RunSummarySortsMatchesAndFindsDecisionsForAbsentAnswers) {
  const DecisionLedger ledger = Ledger();
  const Codebook book = SmallCodebook();
  DecisionRunSummary summary;
  summary.Add("1", MatchDecision(ledger, book, "1", kSha));
  summary.Add("3", MatchDecision(ledger, book, "3", kSha));
  summary.Add("7", MatchDecision(ledger, book, "7", kSha));
  EXPECT_EQ(summary.applied().size(), 1u);
  EXPECT_EQ(summary.stale().size(), 0u);
  ASSERT_EQ(summary.unknown_code().size(), 1u);
  EXPECT_EQ(summary.unknown_code()[0].id, "3");
  EXPECT_EQ(summary.NotInInput(ledger), (std::vector<std::string>{"2"}));
}

}  // namespace
}  // namespace verbatim
