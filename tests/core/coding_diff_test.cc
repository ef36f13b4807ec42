#include "core/coding_diff.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

constexpr char kOld[] = R"(
codebook: {id: t, version: "1", language: fr}
settings: {review_uncoded_min_words: 5}
themes:
  - id: reval
    label: Revalorisation
    patterns: [revalori*]
    subthemes:
      - id: reval.ccam
        label: CCAM
        patterns: [{term: ccam, weight: 0.5}]
      - id: reval.g
        label: G
        patterns: [consultation]
  - id: lib
    label: Liberte
    patterns: [depassement*]
)";

// ccam made firm, reval.g renamed reval.consultation, a new theme admin.
constexpr char kNew[] = R"(
codebook: {id: t, version: "2", language: fr}
settings: {review_uncoded_min_words: 5}
themes:
  - id: reval
    label: Revalorisation
    patterns: [revalori*]
    subthemes:
      - id: reval.ccam
        label: CCAM
        patterns: [ccam]
      - id: reval.consultation
        label: Consultation
        patterns: [consultation]
  - id: lib
    label: Liberte
    patterns: [depassement*]
  - id: admin
    label: Administratif
    patterns: [paperasse]
)";

class CodingDiffTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    old_ = verbatim::testing::CompileYaml(kOld).release();
    new_ = verbatim::testing::CompileYaml(kNew).release();
  }
  static void TearDownTestSuite() {
    delete old_;
    delete new_;
  }

  AnswerChange Compare(const std::string& text) {
    return CompareCodings(old_->codebook(), CodeAnswer(*old_, text), new_->codebook(),
                          CodeAnswer(*new_, text));
  }

  static CompiledCodebook* old_;
  static CompiledCodebook* new_;
};

CompiledCodebook* CodingDiffTest::old_ = nullptr;
CompiledCodebook* CodingDiffTest::new_ = nullptr;

using Ids = std::vector<std::string>;

TEST_F(CodingDiffTest, SameCodingIsNoChange) {
  const AnswerChange change = Compare("les depassements");
  EXPECT_FALSE(change.changed());
  EXPECT_EQ(change.old_status, AnswerStatus::kCoded);
  EXPECT_EQ(change.new_status, AnswerStatus::kCoded);
}

TEST_F(CodingDiffTest, WeakCodeMadeFirmIsCountedAndNoLongerDisputed) {
  const AnswerChange change = Compare("la ccam");
  EXPECT_TRUE(change.changed());
  EXPECT_EQ(change.counted_added, Ids{"reval.ccam"});
  EXPECT_TRUE(change.counted_removed.empty());
  EXPECT_TRUE(change.proposed_added.empty());  // Proposed on both sides.
  EXPECT_TRUE(change.no_longer_disputed());
  EXPECT_FALSE(change.newly_disputed());
}

TEST_F(CodingDiffTest, RenamedCodeIsOneRemovedAndOneAdded) {
  const AnswerChange change = Compare("la consultation");
  EXPECT_EQ(change.counted_added, Ids{"reval.consultation"});
  EXPECT_EQ(change.counted_removed, Ids{"reval.g"});
  EXPECT_EQ(change.proposed_added, Ids{"reval.consultation"});
  EXPECT_EQ(change.proposed_removed, Ids{"reval.g"});
  EXPECT_EQ(change.old_status, change.new_status);
}

TEST_F(CodingDiffTest, NewCodeOfALongAnswerEndsItsDispute) {
  // Five words and no code: disputed for no_code before.
  const AnswerChange change = Compare("trop de paperasse chaque jour");
  EXPECT_EQ(change.old_status, AnswerStatus::kDisputed);
  EXPECT_EQ(change.new_status, AnswerStatus::kCoded);
  EXPECT_EQ(change.counted_added, Ids{"admin"});
}

TEST_F(CodingDiffTest, NewlyDisputedWhenTheNewSideDisputes) {
  AnswerChange change;
  change.old_status = AnswerStatus::kCoded;
  change.new_status = AnswerStatus::kDisputed;
  EXPECT_TRUE(change.newly_disputed());
  EXPECT_FALSE(change.no_longer_disputed());
  EXPECT_TRUE(change.changed());
}

TEST_F(CodingDiffTest, TallyCountsThemesWithTheirSubthemesOnEachSide) {
  CodingDiffTally tally(old_->codebook(), new_->codebook());
  for (const char* text : {"la ccam", "revaloriser la consultation", "paperasse", "rien"}) {
    tally.Add(CodeAnswer(*old_, text), CodeAnswer(*new_, text));
  }
  EXPECT_EQ(tally.answers(), 4u);
  EXPECT_EQ(tally.changed_answers(), 3u);  // "rien" is uncoded on both sides.
  EXPECT_EQ(tally.old_status_count(AnswerStatus::kDisputed), 1u);
  EXPECT_EQ(tally.new_status_count(AnswerStatus::kCoded), 3u);

  const std::vector<CodeCountChange> rows = tally.Codes();
  std::vector<std::string> shown;
  for (const CodeCountChange& row : rows) {
    shown.push_back(row.id + " " + std::to_string(row.old_counted) + "->" +
                    std::to_string(row.new_counted) + " proposed " +
                    std::to_string(row.old_proposed) + "->" + std::to_string(row.new_proposed) +
                    (row.in_old ? "" : " new") + (row.in_new ? "" : " removed"));
  }
  EXPECT_EQ(shown, (Ids{"reval 1->2 proposed 2->2", "reval.ccam 0->1 proposed 1->1",
                        "reval.consultation 0->1 proposed 0->1 new", "lib 0->0 proposed 0->0",
                        "admin 0->1 proposed 0->1 new", "reval.g 1->0 proposed 1->0 removed"}));
  EXPECT_TRUE(rows[0].changed());
  EXPECT_FALSE(rows[3].changed());
}

}  // namespace
}  // namespace verbatim
