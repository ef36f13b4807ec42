#include "core/group_tally.h"

#include <gtest/gtest.h>

#include "tests/testing/small_codebook.h"

namespace verbatim {
namespace {

using testing::SmallCodebook;

const GroupCountRow& Row(const std::vector<GroupCountRow>& rows, const std::string& group,
                         CountLevel level, const std::string& id) {
  for (const GroupCountRow& row : rows) {
    if (row.group == group && row.row.level == level && row.row.id == id) return row;
  }
  ADD_FAILURE() << "no row " << group << " " << id;
  return rows.front();
}

TEST(GroupTallyTest, ListsGroupsLargestFirstThenByName) {
  const Codebook book = SmallCodebook();
  GroupTally tally(book);
  tally.Add("b", AnswerStatus::kCoded, {0});
  tally.Add("c", AnswerStatus::kCoded, {0});
  tally.Add("a", AnswerStatus::kUncoded, {});
  tally.Add("c", AnswerStatus::kUncoded, {});
  tally.Add("", AnswerStatus::kUncoded, {});
  EXPECT_EQ(tally.Groups(), (std::vector<std::string>{"c", "", "a", "b"}));
}

TEST(GroupTallyTest, PercentagesAreOfTheGroupsAnswersWithWilsonIntervals) {
  const Codebook book = SmallCodebook();
  GroupTally tally(book);
  // Group "x": 8 answers, 2 with reval.ccam (which counts its theme reval).
  for (int i = 0; i < 2; ++i) tally.Add("x", AnswerStatus::kCoded, {1});
  for (int i = 0; i < 6; ++i) tally.Add("x", AnswerStatus::kUncoded, {});
  tally.Add("y", AnswerStatus::kCoded, {3});
  const std::vector<GroupCountRow> rows = BuildGroupCountRows(book, tally);

  const GroupCountRow& ccam = Row(rows, "x", CountLevel::kSubtheme, "reval.ccam");
  EXPECT_EQ(ccam.row.answers, 2u);
  EXPECT_DOUBLE_EQ(ccam.row.percent_of_answers, 25.0);
  EXPECT_DOUBLE_EQ(ccam.row.percent_of_coded, 100.0);
  EXPECT_NEAR(ccam.ci_low, 7.15, 0.005);
  EXPECT_NEAR(ccam.ci_high, 59.07, 0.005);
  EXPECT_EQ(Row(rows, "x", CountLevel::kTheme, "reval").row.answers, 2u);
  EXPECT_EQ(Row(rows, "x", CountLevel::kTotal, "total").row.answers, 8u);

  const GroupCountRow& lib = Row(rows, "y", CountLevel::kTheme, "lib");
  EXPECT_DOUBLE_EQ(lib.row.percent_of_answers, 100.0);
  EXPECT_EQ(lib.ci_high, 100.0);
  EXPECT_NEAR(lib.ci_low, 20.65, 0.01);  // Wilson 1/1.
}

TEST(GroupTallyTest, GroupsAddUpToTheOverallCounts) {
  const Codebook book = SmallCodebook();
  GroupTally groups(book);
  Tally overall(book);
  const std::vector<std::pair<std::string, std::vector<int>>> answers = {
      {"a", {1}}, {"a", {0, 3}}, {"b", {4}}, {"b", {}}, {"c", {2}}, {"a", {}}};
  for (const auto& [group, codes] : answers) {
    const AnswerStatus status = codes.empty() ? AnswerStatus::kUncoded : AnswerStatus::kCoded;
    groups.Add(group, status, codes);
    overall.Add(status, codes);
  }
  for (int code = 0; code < 5; ++code) {
    size_t sum = 0;
    for (const std::string& group : groups.Groups()) sum += groups.Of(group).answers(code);
    EXPECT_EQ(sum, overall.answers(code)) << "code " << code;
  }
}

}  // namespace
}  // namespace verbatim
