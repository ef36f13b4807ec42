#include "io/report/agreement_html.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace verbatim {
namespace {

CodeDefinition Code(std::string id, std::string label, CodeLevel level, int theme_index) {
  CodeDefinition code;
  code.id = std::move(id);
  code.label = std::move(label);
  code.level = level;
  code.theme_index = theme_index;
  return code;
}

// 0 prix, 1 prix.hausse, 2 qualite.
Codebook TestCodebook() {
  Codebook codebook;
  codebook.codes = {Code("prix", "Prix", CodeLevel::kTheme, -1),
                    Code("prix.hausse", "Hausse <forte>", CodeLevel::kSubtheme, 0),
                    Code("qualite", "Qualité", CodeLevel::kTheme, -1)};
  return codebook;
}

std::string Render(const std::vector<AnswerCodes>& answers, ReviewFlags flags) {
  auto report = ComputeAgreement(TestCodebook(), answers, flags);
  EXPECT_TRUE(report.has_value());
  std::ostringstream out;
  WriteAgreementHtml(*report, "gold<1>.csv", out);
  return out.str();
}

const std::vector<AnswerCodes> kAnswers = {
    {"r1", {"prix.hausse"}, {"prix.hausse"}, false, ""},
    {"r2", {"prix"}, {}, true, "prix=\"<cher>\""},
    {"r3", {}, {}, false, ""},
};

TEST(AgreementHtmlTest, ShowsPerCodeCountsAndRatiosWithDecimalComma) {
  const std::string html = Render(kAnswers, ReviewFlags::kAbsent);
  // prix: gold 2, machine 1, TP 1, FP 0, FN 1, TN 1; precision 1, recall 0.5.
  EXPECT_NE(
      html.find("<tr class=\"level-theme\" data-code=\"prix\"><td>Prix<br><code>prix</code></td>"
                "<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td>"
                "<td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">1</td>"
                "<td class=\"num\">1,000</td><td class=\"num\">0,500</td>"),
      std::string::npos)
      << html;
}

TEST(AgreementHtmlTest, ShowsUndefinedRatiosAsNotDefined) {
  const std::string html = Render(kAnswers, ReviewFlags::kAbsent);
  // qualite: no positives on either side, every ratio undefined.
  const size_t row = html.find("data-code=\"qualite\"");
  ASSERT_NE(row, std::string::npos);
  const std::string line = html.substr(row, html.find("</tr>", row) - row);
  EXPECT_NE(line.find(">n/d</abbr>"), std::string::npos) << line;
  EXPECT_EQ(line.find("0,000"), std::string::npos) << line;
}

TEST(AgreementHtmlTest, EscapesLabelsIdsEvidenceAndTheGoldPath) {
  const std::string html = Render(kAnswers, ReviewFlags::kAbsent);
  EXPECT_NE(html.find("Hausse &lt;forte&gt;"), std::string::npos);
  EXPECT_NE(html.find("gold&lt;1&gt;.csv"), std::string::npos);
  EXPECT_NE(html.find("prix=&quot;&lt;cher&gt;&quot;"), std::string::npos);
  EXPECT_EQ(html.find("<forte>"), std::string::npos);
  EXPECT_EQ(html.find("<cher>"), std::string::npos);
}

TEST(AgreementHtmlTest, ListsDisagreementsInInputOrder) {
  const std::string html = Render(kAnswers, ReviewFlags::kPresent);
  EXPECT_NE(html.find("Désaccords avec le codage humain <span class=\"count\">1</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<tr data-id=\"r2\"><td>r2</td><td>prix</td><td>—</td><td>prix</td><td>—</td>"
                      "<td>oui</td>"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("data-id=\"r1\""), std::string::npos);
}

TEST(AgreementHtmlTest, ShowsReviewFiguresOnlyWhenTheReviewFlagsArePresent) {
  const std::string without = Render(kAnswers, ReviewFlags::kAbsent);
  EXPECT_EQ(without.find("Charge de relecture"), std::string::npos);
  EXPECT_EQ(without.find("Après relecture"), std::string::npos);
  const std::string with = Render(kAnswers, ReviewFlags::kPresent);
  EXPECT_NE(with.find("Charge de relecture : réponses litigieuses <strong>1</strong> sur 3 "
                      "(33,3\u00a0%). Erreurs repérées : désaccords avec le codage humain parmi "
                      "les réponses litigieuses <strong>1</strong> sur 1 (100,0\u00a0%)."),
            std::string::npos)
      << with;
  EXPECT_NE(with.find("Après relecture — sous-thèmes"), std::string::npos);
}

TEST(AgreementHtmlTest, IsOneSection) {
  const std::string html = Render(kAnswers, ReviewFlags::kPresent);
  EXPECT_EQ(html.rfind("<section id=\"agreement\">", 0), 0u);
  EXPECT_EQ(html.substr(html.size() - 11), "</section>\n");
}

}  // namespace
}  // namespace verbatim
