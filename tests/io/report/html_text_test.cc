#include "io/report/html_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

struct EscapeCase {
  std::string input;
  std::string expected;
};

TEST(HtmlTextTest, EscapesMarkupQuotesAndBadBytes) {
  const std::vector<EscapeCase> cases = {
      {"plain", "plain"},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"a & b", "a &amp; b"},
      {"\"quoted\" and 'single'", "&quot;quoted&quot; and &#39;single&#39;"},
      {"Liberté tarifaire — «\u00a0oui\u00a0»", "Liberté tarifaire — «\u00a0oui\u00a0»"},
      {"emoji 😀 ok", "emoji 😀 ok"},
      {"line\nbreak\ttab\r", "line\nbreak\ttab\r"},
      {std::string("nul\0byte", 8),
       "nul\xEF\xBF\xBD"
       "byte"},
      {"bell\x07", "bell\xEF\xBF\xBD"},
      {"del\x7F", "del\xEF\xBF\xBD"},
      {"latin1 \xE9t\xE9", "latin1 \xEF\xBF\xBDt\xEF\xBF\xBD"},
      {"cut \xC3", "cut \xEF\xBF\xBD"},
      {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"too big \xF4\x90\x80\x80", "too big \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
  };
  for (const EscapeCase& c : cases)
    EXPECT_EQ(EscapeHtml(c.input), c.expected) << "input: " << c.input;
}

TEST(HtmlTextTest, HighlightWrapsSpansInMarksAndEscapesAround) {
  Codebook codebook;
  codebook.codes.resize(2);
  codebook.codes[0].id = "prix";
  codebook.codes[1].id = "prix.<b>";
  const std::string original = "<i> pas de hausse & baisse";
  const std::vector<MarkSpan> spans = {{11, 17, MarkKind::kNegated, {0, 1}},
                                       {20, 26, MarkKind::kEvidence, {0}}};
  EXPECT_EQ(HighlightHtml(original, spans, codebook),
            "&lt;i&gt; pas de <mark class=\"negated\" title=\"prix, prix.&lt;b&gt;\">hausse</mark> "
            "&amp; <mark class=\"evidence\" title=\"prix\">baisse</mark>");
}

TEST(HtmlTextTest, HighlightWithoutSpansIsTheEscapedText) {
  EXPECT_EQ(HighlightHtml("a<b", {}, Codebook{}), "a&lt;b");
}

TEST(HtmlTextTest, FormatsFrenchNumbers) {
  EXPECT_EQ(FrenchPercent(31.26), "31,3\u00a0%");
  EXPECT_EQ(FrenchPercent(0), "0,0\u00a0%");
  EXPECT_EQ(FrenchPercent(100), "100,0\u00a0%");
  EXPECT_EQ(FrenchDecimal(0.83333, 3), "0,833");
  EXPECT_EQ(FrenchDecimal(1, 3), "1,000");
}

TEST(HtmlTextTest, CountsAnswersWithFrenchPlural) {
  EXPECT_EQ(FrenchAnswerCount(0), "0 réponse");
  EXPECT_EQ(FrenchAnswerCount(1), "1 réponse");
  EXPECT_EQ(FrenchAnswerCount(2), "2 réponses");
}

TEST(HtmlTextTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("Régulation"), 10u);
  EXPECT_EQ(CountCodePoints("œuvre…"), 6u);
}

TEST(HtmlTextTest, EllipsizeNeverCutsACharacter) {
  EXPECT_EQ(Ellipsize("Régulation", 20), "Régulation");
  EXPECT_EQ(Ellipsize("Régulation", 10), "Régulation");
  EXPECT_EQ(Ellipsize("Régulation", 2), "Ré…");
  EXPECT_EQ(Ellipsize("éé", 1), "é…");
  EXPECT_EQ(Ellipsize("abc", 0), "…");
}

}  // namespace
}  // namespace verbatim
