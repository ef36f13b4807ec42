#include "core/chart_rows.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace verbatim {
namespace {

CodeDefinition Theme(std::string id) {
  CodeDefinition code;
  code.id = id;
  code.label = "Label " + id;
  code.level = CodeLevel::kTheme;
  return code;
}

CodeDefinition Subtheme(std::string id, int theme_index) {
  CodeDefinition code = Theme(std::move(id));
  code.level = CodeLevel::kSubtheme;
  code.theme_index = theme_index;
  return code;
}

// 0 prix, 1 prix.hausse, 2 prix.baisse, 3 qualite (no subthemes),
// 4 delais, 5 delais.attente.
Codebook TestCodebook() {
  Codebook codebook;
  codebook.codes = {
      Theme("prix"),   Subtheme("prix.hausse", 0),   Subtheme("prix.baisse", 0), Theme("qualite"),
      Theme("delais"), Subtheme("delais.attente", 4)};
  return codebook;
}

std::vector<std::string> Ids(const std::vector<ChartBar>& bars) {
  std::vector<std::string> ids;
  for (const ChartBar& bar : bars) {
    ids.push_back((bar.level == BarLevel::kThemeOnly ? "only:" : "") + bar.id);
  }
  return ids;
}

TEST(ChartRowsTest, ListsEachThemeThenItsSubthemesInCodebookOrder) {
  const Codebook codebook = TestCodebook();
  Tally tally(codebook);
  tally.Add(AnswerStatus::kCoded, {2});
  const auto bars = BuildChartBars(codebook, tally, ChartOrder::kCodebook);
  EXPECT_EQ(Ids(bars), (std::vector<std::string>{"prix", "prix.hausse", "prix.baisse", "qualite",
                                                 "delais", "delais.attente"}));
  EXPECT_EQ(bars[0].level, BarLevel::kTheme);
  EXPECT_EQ(bars[1].level, BarLevel::kSubtheme);
  EXPECT_EQ(bars[0].label, "Label prix");
}

TEST(ChartRowsTest, CountsAnswersAsTheTallyDoes) {
  const Codebook codebook = TestCodebook();
  Tally tally(codebook);
  tally.Add(AnswerStatus::kCoded, {1, 2});  // Two subthemes of prix: prix counts once.
  tally.Add(AnswerStatus::kCoded, {3});
  tally.Add(AnswerStatus::kDisputed, {});
  tally.Add(AnswerStatus::kUncoded, {});
  const auto bars = BuildChartBars(codebook, tally, ChartOrder::kCodebook);
  ASSERT_EQ(bars.size(), 6u);
  EXPECT_EQ(bars[0].answers, 1u);
  EXPECT_DOUBLE_EQ(bars[0].percent, 25.0);
  EXPECT_EQ(bars[1].answers, 1u);
  EXPECT_EQ(bars[2].answers, 1u);
  EXPECT_EQ(bars[3].answers, 1u);
  EXPECT_EQ(bars[4].answers, 0u);
  EXPECT_DOUBLE_EQ(bars[4].percent, 0.0);
}

TEST(ChartRowsTest, AddsThemeOnlyBarUnderItsSubthemesWhenNotEmpty) {
  const Codebook codebook = TestCodebook();
  Tally tally(codebook);
  tally.Add(AnswerStatus::kCoded, {0});  // prix without a subtheme.
  tally.Add(AnswerStatus::kCoded, {3});  // qualite has no subthemes: no extra bar.
  const auto bars = BuildChartBars(codebook, tally, ChartOrder::kCodebook);
  EXPECT_EQ(Ids(bars), (std::vector<std::string>{"prix", "prix.hausse", "prix.baisse", "only:prix",
                                                 "qualite", "delais", "delais.attente"}));
  EXPECT_EQ(bars[3].answers, 1u);
  EXPECT_EQ(bars[3].code, 0);
  EXPECT_EQ(bars[3].label, "Label prix");
}

TEST(ChartRowsTest, SortsByCountWithinLevelsKeepingTiesInCodebookOrder) {
  const Codebook codebook = TestCodebook();
  Tally tally(codebook);
  tally.Add(AnswerStatus::kCoded, {2});
  tally.Add(AnswerStatus::kCoded, {5});
  tally.Add(AnswerStatus::kCoded, {5});
  tally.Add(AnswerStatus::kCoded, {3});
  tally.Add(AnswerStatus::kCoded, {0});
  // delais 2, prix 2 (1 baisse + 1 theme only), qualite 1.
  const auto bars = BuildChartBars(codebook, tally, ChartOrder::kCount);
  EXPECT_EQ(Ids(bars), (std::vector<std::string>{"prix", "prix.baisse", "prix.hausse", "only:prix",
                                                 "delais", "delais.attente", "qualite"}));
}

TEST(ChartRowsTest, ReadsNoRowsAsZeroPercent) {
  const Codebook codebook = TestCodebook();
  const Tally tally(codebook);
  for (const ChartBar& bar : BuildChartBars(codebook, tally, ChartOrder::kCount)) {
    EXPECT_EQ(bar.answers, 0u) << bar.id;
    EXPECT_DOUBLE_EQ(bar.percent, 0.0) << bar.id;
  }
}

TEST(ChartRowsTest, OrderNamesAreUniqueAndParseBack) {
  std::set<std::string_view> names;
  for (ChartOrder order : kAllChartOrders) {
    EXPECT_TRUE(names.insert(ChartOrderName(order)).second) << ChartOrderName(order);
    EXPECT_EQ(ParseChartOrder(ChartOrderName(order)), order);
  }
  EXPECT_EQ(ParseChartOrder("Count"), std::nullopt);
  EXPECT_EQ(ParseChartOrder(""), std::nullopt);
}

}  // namespace
}  // namespace verbatim
