#include "io/output/explain_report.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

constexpr char kYaml[] = R"(
codebook: {id: t, version: "1", language: fr}
settings: {threshold: 1.0, negation_window: 4, review_uncoded_min_words: 6}
themes:
  - id: reval
    label: Revalorisation
    patterns: [revalori*]
    subthemes:
      - id: reval.ccam
        label: CCAM
        patterns: [{term: ccam, weight: 0.5}]
        exclude: ["baisse de la ccam"]
      - id: reval.cotations
        label: Cotations
        patterns: [{term: ngap, weight: 0.1}, {term: cotations, weight: 0.2}]
  - id: lib
    label: Liberte
    patterns: [depassement*]
)";

class ExplainReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { compiled_ = verbatim::testing::CompileYaml(kYaml).release(); }
  static void TearDownTestSuite() { delete compiled_; }

  std::string Explain(const std::string& text, ColorMode color, const std::string& id = "") {
    std::ostringstream out;
    WriteExplanation(out, *compiled_, ExplainSubject{id, text}, CodeAnswer(*compiled_, text),
                     color);
    return out.str();
  }

  static CompiledCodebook* compiled_;
};

CompiledCodebook* ExplainReportTest::compiled_ = nullptr;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(ExplainReportTest, PlainTextBracketsEveryHitInTheOriginal) {
  const std::string out = Explain("Revaloriser la CCAM", ColorMode::kPlain);
  EXPECT_TRUE(Contains(out, "answer      Revaloriser la CCAM\n")) << out;
  EXPECT_TRUE(Contains(out, "normalized  revaloriser la ccam\n")) << out;
  EXPECT_TRUE(Contains(out, "evidence    [Revaloriser] la [CCAM]\n")) << out;
  EXPECT_FALSE(Contains(out, "\x1b[")) << out;
}

TEST_F(ExplainReportTest, EachPatternShowsKindSourceWeightAndLocation) {
  const std::string out = Explain("Revaloriser la CCAM", ColorMode::kPlain);
  EXPECT_TRUE(Contains(out, "patterns that fired: 2\n")) << out;
  EXPECT_TRUE(Contains(out, "  reval.ccam  CCAM\n    term 'ccam'  weight 0.5  test.yaml:")) << out;
  EXPECT_TRUE(Contains(out, "      Revaloriser la [CCAM]\n")) << out;
}

TEST_F(ExplainReportTest, CodesShowStateAgainstTheThreshold) {
  const std::string out = Explain("Revaloriser la CCAM", ColorMode::kPlain);
  EXPECT_TRUE(Contains(out, "codes (threshold 1)\n")) << out;
  // A weak subtheme is proposed: its theme is implied, not listed.
  EXPECT_TRUE(Contains(out, "  reval       firm      weight 1      implied by its subtheme\n"))
      << out;
  EXPECT_TRUE(Contains(out, "  reval.ccam  weak      weight 0.5    proposed\n")) << out;
  EXPECT_TRUE(Contains(out, "  status    disputed\n")) << out;
  EXPECT_TRUE(Contains(out, "  reasons   weak: reval.ccam: weight 0.50 below threshold\n")) << out;
}

TEST_F(ExplainReportTest, WeightsAreRoundedToHundredths) {
  const std::string out = Explain("ngap et cotations", ColorMode::kPlain);
  EXPECT_TRUE(Contains(out, "  reval.cotations  weak      weight 0.3    proposed\n")) << out;
}

TEST_F(ExplainReportTest, NegationsNameTheirCue) {
  const std::string out = Explain("pas de dépassements", ColorMode::kPlain);
  EXPECT_TRUE(Contains(out, "negated by 'pas'")) << out;
  EXPECT_TRUE(Contains(out,
                       "negations: 1\n  lib  cue 'pas' governs 'dépassements' (term "
                       "'depassement*')\n"))
      << out;
  EXPECT_TRUE(Contains(out, "  lib  negated   weight 0      proposed\n")) << out;
}

TEST_F(ExplainReportTest, ExclusionsSayWhatTheyDid) {
  const std::string out = Explain("la baisse de la CCAM", ColorMode::kPlain);
  EXPECT_TRUE(Contains(out,
                       "exclusions: 1\n  reval.ccam  exclusion phrase 'baisse de la ccam' "
                       "matched 'baisse de la CCAM': the code is excluded\n"))
      << out;
  EXPECT_TRUE(Contains(out, "  reval.ccam  excluded")) << out;
}

TEST_F(ExplainReportTest, NoHitSaysSo) {
  const std::string out = Explain("rien", ColorMode::kPlain, "r8");
  EXPECT_TRUE(Contains(out, "id          r8\n")) << out;
  EXPECT_TRUE(Contains(out, "evidence    (no pattern fired)\n")) << out;
  EXPECT_TRUE(Contains(out, "  (no code has evidence)\n")) << out;
  EXPECT_TRUE(Contains(out, "  status    uncoded\n")) << out;
}

TEST_F(ExplainReportTest, AnsiColoursInsteadOfBrackets) {
  const std::string out = Explain("Revaloriser la CCAM", ColorMode::kAnsi);
  EXPECT_TRUE(Contains(out, "evidence    \x1b[1;33mRevaloriser\x1b[0m la \x1b[1;33mCCAM\x1b[0m\n"))
      << out;
  EXPECT_FALSE(Contains(out, "[Revaloriser]")) << out;
}

}  // namespace
}  // namespace verbatim
