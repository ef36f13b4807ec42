#include "io/report/report_chart.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace verbatim {
namespace {

ChartBar Bar(BarLevel level, std::string id, std::string label, size_t answers, double percent) {
  return ChartBar{level, 0, std::move(id), std::move(label), answers, percent};
}

std::vector<ChartBar> SampleBars() {
  return {Bar(BarLevel::kTheme, "prix", "Prix & coûts", 8, 80),
          Bar(BarLevel::kSubtheme, "prix.hausse", "Hausse", 6, 60),
          Bar(BarLevel::kThemeOnly, "prix", "Prix & coûts", 2, 20),
          Bar(BarLevel::kTheme, "qualite", "Qualité <du> service", 0, 0)};
}

std::string Render(const std::vector<ChartBar>& bars, SvgDocument document,
                   std::string title = "Quels changements ?") {
  std::ostringstream out;
  WriteChartSvg(out, bars, 10, title, document);
  return out.str();
}

size_t Occurrences(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

TEST(ReportChartTest, StandaloneIsAnSvgFileWithoutLinks) {
  const std::string svg = Render(SampleBars(), SvgDocument::kStandalone);
  EXPECT_EQ(
      svg.rfind(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"",
          0),
      0u);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  EXPECT_EQ(svg.find("<a "), std::string::npos);
}

TEST(ReportChartTest, InlineLinksEachBarToItsAnswers) {
  const std::string svg = Render(SampleBars(), SvgDocument::kInline);
  EXPECT_EQ(svg.find("<?xml"), std::string::npos);
  EXPECT_NE(svg.find("<a href=\"#code-prix\">"), std::string::npos);
  EXPECT_NE(svg.find("<a href=\"#code-prix.hausse\">"), std::string::npos);
  EXPECT_NE(svg.find("<a href=\"#only-prix\">"), std::string::npos);
  EXPECT_EQ(Occurrences(svg, "<a href="), 4u);
}

TEST(ReportChartTest, EveryBarCarriesItsCountAndPercentAsText) {
  const std::string svg = Render(SampleBars(), SvgDocument::kStandalone);
  EXPECT_NE(svg.find(">8 (80,0\u00a0%)</text>"), std::string::npos);
  EXPECT_NE(svg.find(">6 (60,0\u00a0%)</text>"), std::string::npos);
  EXPECT_NE(svg.find(">2 (20,0\u00a0%)</text>"), std::string::npos);
  EXPECT_NE(svg.find(">0 (0,0\u00a0%)</text>"), std::string::npos);
  EXPECT_NE(svg.find("des 10 réponses lues"), std::string::npos);
}

TEST(ReportChartTest, DistinguishesLevelsByPatternNotColourAlone) {
  const std::string svg = Render(SampleBars(), SvgDocument::kStandalone);
  EXPECT_NE(svg.find("<pattern id=\"vb-hatch\""), std::string::npos);
  EXPECT_NE(svg.find("<pattern id=\"vb-dots\""), std::string::npos);
  // Bars plus the legend's swatches.
  EXPECT_EQ(Occurrences(svg, "fill=\"url(#vb-hatch)\""), 2u);
  EXPECT_EQ(Occurrences(svg, "fill=\"url(#vb-dots)\""), 2u);
  EXPECT_NE(svg.find("(sans sous-thème précis)"), std::string::npos);
}

TEST(ReportChartTest, DrawsNoRectForAnEmptyBarAndNoNumberIsNaN) {
  const std::string svg = Render(SampleBars(), SvgDocument::kStandalone);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  std::vector<ChartBar> empty = {Bar(BarLevel::kTheme, "a", "A", 0, 0)};
  const std::string zero = Render(empty, SvgDocument::kStandalone);
  EXPECT_EQ(zero.find("nan"), std::string::npos);
  EXPECT_EQ(Occurrences(zero, "<rect x="), 3u);  // The legend's three swatches only.
  EXPECT_EQ(Occurrences(svg, "<rect x="), 6u);   // Three non-empty bars and the legend.
}

TEST(ReportChartTest, EscapesLabelsAndTitle) {
  const std::string svg = Render(SampleBars(), SvgDocument::kStandalone, "<Question> & co");
  EXPECT_NE(svg.find("Qualité &lt;du&gt; service"), std::string::npos);
  EXPECT_NE(svg.find("Prix &amp; coûts"), std::string::npos);
  EXPECT_NE(svg.find("&lt;Question&gt; &amp; co"), std::string::npos);
  EXPECT_EQ(svg.find("<du>"), std::string::npos);
  EXPECT_EQ(svg.find("<Question>"), std::string::npos);
}

TEST(ReportChartTest, WrapsALongLabelOnTwoLinesAndKeepsItWholeInTheTooltip) {
  const std::string long_label =
      "Possibilité de dépasser plus sur certains actes techniques et cliniques / rééquilibrage "
      "des plafonds de dépassement autorisés dans toutes les spécialités";
  const std::string svg =
      Render({Bar(BarLevel::kSubtheme, "a.b", long_label, 1, 10)}, SvgDocument::kStandalone);
  EXPECT_NE(svg.find("<title>" + long_label + " — 1 réponse ("), std::string::npos);
  EXPECT_EQ(Occurrences(svg, "class=\"label\""), 2u);
  EXPECT_NE(svg.find("…</text>"), std::string::npos);
}

TEST(ReportChartTest, SameBarsGiveTheSameBytes) {
  EXPECT_EQ(Render(SampleBars(), SvgDocument::kInline), Render(SampleBars(), SvgDocument::kInline));
}

}  // namespace
}  // namespace verbatim
