// ResolveAnswer: the one place that decides the final coding and which
// answers go to the review file.
#include "run/resolved_answer.h"

#include <gtest/gtest.h>

#include "core/coder.h"
#include "io/input/sha256.h"
#include "run/codebook_setup.h"

namespace verbatim {
namespace {

const std::string kMinimal = std::string(VERBATIM_SOURCE_DIR) + "/tests/data/codebooks/minimal.yaml";

class ResolvedAnswerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setup_ = SetUpCodebook(kMinimal);
    ASSERT_NE(setup_.compiled, nullptr);
  }
  const Codebook& book() const { return setup_.compiled->codebook(); }

  // Codes `text` and resolves it with `ledger` (may be null).
  ResolvedAnswer Resolve(const std::string& text, const DecisionLedger* ledger,
                         const std::string& error = "") {
    record_.id = "1";
    record_.row = 1;
    record_.text = text;
    record_.error = error;
    result_ = CodeAnswer(*setup_.compiled, text);
    ResolvedAnswer answer;
    ResolveAnswer(record_, &result_, ledger, book(), &answer);
    return answer;
  }

  DecisionRecord Decision(const std::string& text, std::vector<std::string> codes,
                          const std::string& written) {
    DecisionRecord decision;
    decision.id = "1";
    decision.text_sha256 = Sha256Hex(text);
    decision.codes = std::move(codes);
    decision.decision = written;
    decision.decided_at = "2025-11-20T10:00:00Z";
    return decision;
  }

  CodebookSetup setup_;
  InputRecord record_;
  CodingResult result_;
};

TEST_F(ResolvedAnswerTest, ACodedAnswerCountsItsCodesAndIsNotForReview) {
  const ResolvedAnswer answer = Resolve("Revaloriser la CCAM", nullptr);
  ASSERT_EQ(answer.machine->status, AnswerStatus::kCoded);
  EXPECT_EQ(answer.final.status, AnswerStatus::kCoded);
  EXPECT_EQ(answer.final.codes, answer.machine->counted);
  EXPECT_EQ(answer.match.state, DecisionState::kNone);
  EXPECT_FALSE(answer.to_review);
}

TEST_F(ResolvedAnswerTest, ADisputedAnswerGoesToReviewUnlessADecisionSettlesIt) {
  const std::string text = "Hausse de la CCAM et liberté des dépassements";
  ASSERT_EQ(Resolve(text, nullptr).machine->status, AnswerStatus::kDisputed);
  EXPECT_TRUE(Resolve(text, nullptr).to_review);

  DecisionLedger ledger;
  ledger.Upsert(Decision(text, {"revalorisation.ccam"}, "=revalorisation.ccam"));
  const ResolvedAnswer decided = Resolve(text, &ledger);
  EXPECT_EQ(decided.match.state, DecisionState::kApplied);
  EXPECT_EQ(decided.final.status, AnswerStatus::kCoded);
  EXPECT_EQ(decided.final.codes, std::vector<int>{book().FindCode("revalorisation.ccam")});
  EXPECT_FALSE(decided.to_review);
}

TEST_F(ResolvedAnswerTest, ADecisionThatCannotApplyGoesBackToReview) {
  DecisionLedger ledger;
  // Decided on another text: stale, even for an answer the machine coded.
  ledger.Upsert(Decision("Revaloriser la CCAM !", {}, "none"));
  const ResolvedAnswer stale = Resolve("Revaloriser la CCAM", &ledger);
  EXPECT_EQ(stale.match.state, DecisionState::kStale);
  EXPECT_EQ(stale.final.status, AnswerStatus::kCoded);  // The machine's coding stands.
  EXPECT_TRUE(stale.to_review);
}

TEST_F(ResolvedAnswerTest, AnUnreadableRowIsAnErrorAndNotForReview) {
  DecisionLedger ledger;
  ledger.Upsert(Decision("", {}, "none"));
  const ResolvedAnswer answer = Resolve("", &ledger, "answers.csv:2: invalid UTF-8");
  EXPECT_EQ(answer.machine->status, AnswerStatus::kError);
  EXPECT_EQ(answer.machine->error, "answers.csv:2: invalid UTF-8");
  EXPECT_EQ(answer.final.status, AnswerStatus::kError);
  // Its empty digest never matches: the decision is stale, but there is no
  // text for a reviewer to read.
  EXPECT_EQ(answer.match.state, DecisionState::kStale);
  EXPECT_FALSE(answer.to_review);
}

}  // namespace
}  // namespace verbatim
