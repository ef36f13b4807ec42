#include "core/group_chart.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/testing/small_codebook.h"

namespace verbatim {
namespace {

using testing::SmallCodebook;

std::vector<std::string> Ids(const GroupChart& chart) {
  std::vector<std::string> ids;
  for (const GroupChartBar& bar : chart.bars) ids.push_back(bar.bar.id);
  return ids;
}

TEST(GroupChartTest, EveryGroupHasTheSameBarsInCodebookOrderWithoutThemeOnly) {
  const Codebook book = SmallCodebook();
  GroupTally tally(book);
  tally.Add("a", AnswerStatus::kCoded, {0});  // Theme reval without subtheme.
  tally.Add("a", AnswerStatus::kCoded, {3, 4});
  tally.Add("b", AnswerStatus::kUncoded, {});
  const std::vector<GroupChart> charts = BuildGroupCharts(book, tally);
  ASSERT_EQ(charts.size(), 2u);
  const std::vector<std::string> expected = {"reval", "reval.ccam", "reval.inflation", "lib",
                                             "lib.complements"};
  EXPECT_EQ(charts[0].group, "a");
  EXPECT_EQ(Ids(charts[0]), expected);
  EXPECT_EQ(charts[1].group, "b");
  EXPECT_EQ(Ids(charts[1]), expected);
  EXPECT_EQ(charts[0].bars[0].bar.level, BarLevel::kTheme);
  EXPECT_EQ(charts[0].bars[1].bar.level, BarLevel::kSubtheme);
}

TEST(GroupChartTest, SharesAreOfTheGroupsAnswersWithWilsonIntervals) {
  const Codebook book = SmallCodebook();
  GroupTally tally(book);
  // Group "x": 8 answers, 2 with reval.ccam (which counts its theme reval).
  for (int i = 0; i < 2; ++i) tally.Add("x", AnswerStatus::kCoded, {1});
  for (int i = 0; i < 6; ++i) tally.Add("x", AnswerStatus::kUncoded, {});
  tally.Add("y", AnswerStatus::kCoded, {3});
  const std::vector<GroupChart> charts = BuildGroupCharts(book, tally);
  ASSERT_EQ(charts.size(), 2u);
  const GroupChart& x = charts[0];
  EXPECT_EQ(x.answers, 8u);
  // Wilson 2/8 (Newcombe 1998 gives the same method): [7.15 %, 59.07 %].
  const GroupChartBar& ccam = x.bars[1];
  EXPECT_EQ(ccam.bar.id, "reval.ccam");
  EXPECT_EQ(ccam.bar.answers, 2u);
  EXPECT_DOUBLE_EQ(ccam.bar.percent, 25.0);
  EXPECT_NEAR(ccam.ci_low, 7.15, 0.005);
  EXPECT_NEAR(ccam.ci_high, 59.07, 0.005);
  EXPECT_EQ(x.bars[0].bar.answers, 2u);  // The theme counts its subtheme's answers.
  // 0 of 8: the interval starts at 0 and reaches z²/(n+z²) = 32.44 %.
  const GroupChartBar& inflation = x.bars[2];
  EXPECT_EQ(inflation.bar.answers, 0u);
  EXPECT_EQ(inflation.ci_low, 0.0);
  EXPECT_NEAR(inflation.ci_high, 32.44, 0.005);
  const GroupChart& y = charts[1];
  EXPECT_EQ(y.answers, 1u);
  EXPECT_DOUBLE_EQ(y.bars[3].bar.percent, 100.0);
  EXPECT_NEAR(y.bars[3].ci_low, 20.65, 0.01);  // Wilson 1/1.
}

}  // namespace
}  // namespace verbatim
