#include "io/report/group_chart_html.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace verbatim {
namespace {

GroupChartBar Bar(BarLevel level, std::string id, std::string label, size_t answers,
                  double percent, double low, double high) {
  return GroupChartBar{ChartBar{level, 0, std::move(id), std::move(label), answers, percent}, low,
                       high};
}

std::vector<GroupChart> SampleCharts() {
  return {GroupChart{"Médecins <généralistes>",
                     40,
                     {Bar(BarLevel::kTheme, "prix", "Prix & coûts", 10, 25, 14.19, 40.24),
                      Bar(BarLevel::kSubtheme, "prix.hausse", "Hausse", 0, 0, 0, 8.76)}},
          GroupChart{"",
                     8,
                     {Bar(BarLevel::kTheme, "prix", "Prix & coûts", 2, 25, 7.15, 59.07),
                      Bar(BarLevel::kSubtheme, "prix.hausse", "Hausse", 2, 25, 7.15, 59.07)}}};
}

std::string Render() {
  std::ostringstream out;
  const std::vector<GroupChart> charts = SampleCharts();
  WriteGroupChartsHtml(out, "Spécialité", charts);
  return out.str();
}

TEST(GroupChartHtmlTest, OneFigurePerGroupWithItsAnswersAndSmallMark) {
  const std::string html = Render();
  EXPECT_NE(html.find("<section id=\"groups\" data-by=\"Spécialité\">"), std::string::npos);
  EXPECT_NE(html.find("<figure class=\"group\" data-group=\"Médecins &lt;généralistes&gt;\" "
                      "data-answers=\"40\" "),
            std::string::npos);
  EXPECT_NE(html.find("<figure class=\"group small\" data-group=\"\" data-answers=\"8\" "),
            std::string::npos);
  EXPECT_NE(html.find("(sans valeur)"), std::string::npos);
  EXPECT_NE(html.find("petit groupe"), std::string::npos);
  EXPECT_EQ(html.find("<généralistes>"), std::string::npos);  // Escaped.
}

TEST(GroupChartHtmlTest, BarsCarryTheirNumbersAsDataAndText) {
  const std::string html = Render();
  EXPECT_NE(html.find("<g class=\"group-bar theme\" data-code=\"prix\" data-answers=\"10\" "
                      "data-pct=\"25.00\" data-ci-low=\"14.19\" data-ci-high=\"40.24\">"),
            std::string::npos);
  EXPECT_NE(html.find("<g class=\"group-bar subtheme\" data-code=\"prix.hausse\" "
                      "data-answers=\"0\" data-pct=\"0.00\" data-ci-low=\"0.00\" "
                      "data-ci-high=\"8.76\">"),
            std::string::npos);
  // The numbers are written beside the bar, in French.
  EXPECT_NE(html.find(">10 (25,0\u00a0%) [14,2\u00a0% – 40,2\u00a0%]</text>"), std::string::npos);
}

TEST(GroupChartHtmlTest, EachChartIsWellFormedSvgWithAWhiskerPerBar) {
  for (const GroupChart& chart : SampleCharts()) {
    std::ostringstream out;
    WriteGroupChartSvg(out, chart);
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_string(out.str().c_str());
    ASSERT_TRUE(parsed) << parsed.description() << "\n" << out.str();
    const pugi::xml_node svg = document.child("svg");
    ASSERT_TRUE(svg);
    size_t bars = 0, whiskers = 0;
    for (const pugi::xpath_node& node : svg.select_nodes("//g")) {
      const std::string cls = node.node().attribute("class").value();
      if (cls.rfind("group-bar", 0) == 0) ++bars;
      if (cls == "whisker") ++whiskers;
    }
    EXPECT_EQ(bars, chart.bars.size());
    EXPECT_EQ(whiskers, chart.bars.size());
  }
}

TEST(GroupChartHtmlTest, SameChartsGiveTheSameBytes) { EXPECT_EQ(Render(), Render()); }

}  // namespace
}  // namespace verbatim
