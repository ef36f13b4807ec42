#include "core/decided_counts.h"

#include <gtest/gtest.h>

#include "tests/testing/small_codebook.h"

namespace verbatim {
namespace {

using testing::SmallCodebook;

struct Answer {
  AnswerStatus machine_status;
  std::vector<int> machine;
  AnswerStatus final_status;
  std::vector<int> final;
};

std::vector<DecidedCountRow> Build(const Codebook& book, const std::vector<Answer>& answers) {
  Tally machine(book), final_tally(book);
  CountChanges changes(book);
  for (const Answer& a : answers) {
    machine.Add(a.machine_status, a.machine);
    final_tally.Add(a.final_status, a.final);
    changes.Add(a.machine_status, a.machine, a.final_status, a.final);
  }
  return BuildDecidedCountRows(book, machine, final_tally, changes);
}

const DecidedCountRow& Row(const std::vector<DecidedCountRow>& rows, CountLevel level,
                           const std::string& id) {
  for (const DecidedCountRow& row : rows) {
    if (row.final.level == level && row.final.id == id) return row;
  }
  ADD_FAILURE() << "no row " << id;
  return rows.front();
}

const AnswerStatus kCoded = AnswerStatus::kCoded;
const AnswerStatus kUncoded = AnswerStatus::kUncoded;
const AnswerStatus kDisputed = AnswerStatus::kDisputed;

TEST(DecidedCountsTest, FinalIsMachinePlusAddedMinusRemovedOnEveryRow) {
  const Codebook book = SmallCodebook();
  const std::vector<Answer> answers = {
      {kCoded, {1}, kCoded, {1}},            // untouched
      {kDisputed, {}, kCoded, {1, 4}},       // decided: ccam + complements
      {kDisputed, {}, kUncoded, {}},         // decided: none
      {kCoded, {1}, kCoded, {2}},            // ccam -> inflation: theme unchanged
      {kCoded, {0}, kCoded, {1}},            // theme alone -> subtheme
      {kCoded, {4}, kUncoded, {}},           // complements removed
      {kUncoded, {}, kUncoded, {}},
  };
  const std::vector<DecidedCountRow> rows = Build(book, answers);
  for (const DecidedCountRow& row : rows) {
    EXPECT_EQ(row.final.answers + row.removed, row.machine + row.added)
        << CountLevelName(row.final.level) << " " << row.final.id;
  }
  const DecidedCountRow& reval = Row(rows, CountLevel::kTheme, "reval");
  EXPECT_EQ(reval.machine, 3u);
  EXPECT_EQ(reval.added, 1u);
  EXPECT_EQ(reval.removed, 0u) << "ccam -> inflation keeps the theme";
  EXPECT_EQ(reval.final.answers, 4u);
  const DecidedCountRow& ccam = Row(rows, CountLevel::kSubtheme, "reval.ccam");
  EXPECT_EQ(ccam.added, 2u);
  EXPECT_EQ(ccam.removed, 1u);
  const DecidedCountRow& theme_only = Row(rows, CountLevel::kThemeOnly, "reval");
  EXPECT_EQ(theme_only.machine, 1u);
  EXPECT_EQ(theme_only.removed, 1u);
  EXPECT_EQ(theme_only.final.answers, 0u);
  const DecidedCountRow& lib = Row(rows, CountLevel::kTheme, "lib");
  EXPECT_EQ(lib.added, 1u);
  EXPECT_EQ(lib.removed, 1u);
}

TEST(DecidedCountsTest, StatusRowsMoveDecidedAnswersOutOfDisputed) {
  const std::vector<DecidedCountRow> rows =
      Build(SmallCodebook(), {
                                 {kDisputed, {}, kCoded, {1}},
                                 {kDisputed, {}, kUncoded, {}},
                                 {kDisputed, {}, kDisputed, {}},
                             });
  const DecidedCountRow& disputed = Row(rows, CountLevel::kStatus, "disputed");
  EXPECT_EQ(disputed.machine, 3u);
  EXPECT_EQ(disputed.removed, 2u);
  EXPECT_EQ(disputed.final.answers, 1u);
  EXPECT_EQ(Row(rows, CountLevel::kStatus, "coded").added, 1u);
  EXPECT_EQ(Row(rows, CountLevel::kStatus, "uncoded").added, 1u);
  const DecidedCountRow& total = Row(rows, CountLevel::kTotal, "total");
  EXPECT_EQ(total.machine, 3u);
  EXPECT_EQ(total.final.answers, 3u);
  EXPECT_EQ(total.added + total.removed, 0u);
}

TEST(DecidedCountsTest, WithoutDecisionsTheColumnsAgree) {
  const std::vector<DecidedCountRow> rows =
      Build(SmallCodebook(), {{kCoded, {1, 4}, kCoded, {1, 4}}, {kUncoded, {}, kUncoded, {}}});
  for (const DecidedCountRow& row : rows) {
    EXPECT_EQ(row.machine, row.final.answers) << row.final.id;
    EXPECT_EQ(row.added + row.removed, 0u) << row.final.id;
  }
}

}  // namespace
}  // namespace verbatim
