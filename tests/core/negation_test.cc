#include "core/negation.h"

#include <gtest/gtest.h>

#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

struct NegationCase {
  std::string text;  // Normalized answer.
  std::string hit;   // The words of the hit, found in `text`.
  std::string cue;   // Expected cue, empty for none.
};

std::ostream& operator<<(std::ostream& out, const NegationCase& c) {
  return out << "'" << c.hit << "' in '" << c.text << "'";
}

class NegationTest : public ::testing::TestWithParam<NegationCase> {
 protected:
  static void SetUpTestSuite() {
    compiled_ = verbatim::testing::CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
themes:
  - id: a
    label: A
    patterns: [revalorisation]
)").release();
  }
  static void TearDownTestSuite() { delete compiled_; }
  static CompiledCodebook* compiled_;
};
CompiledCodebook* NegationTest::compiled_ = nullptr;

TEST_P(NegationTest, FindsTheCueGoverningTheHit) {
  const NegationCase& c = GetParam();
  ASSERT_NE(compiled_, nullptr);
  const size_t begin = c.text.find(c.hit);
  ASSERT_NE(begin, std::string::npos);
  std::vector<WordToken> tokens;
  TokenizeWords(c.text, &tokens);
  EXPECT_EQ(FindNegationCue(*compiled_, c.text, tokens, begin, begin + c.hit.size(), 4), c.cue);
}

INSTANTIATE_TEST_SUITE_P(
    French, NegationTest,
    ::testing::Values(
        NegationCase{"pas de revalorisation", "revalorisation", "pas"},
        // The first cue of the window, in text order, is reported.
        NegationCase{"je ne veux pas la revalorisation", "revalorisation", "ne"},
        NegationCase{"je n'attends aucune revalorisation", "revalorisation", "n"},
        NegationCase{"sans revalorisation", "revalorisation", "sans"},
        NegationCase{"non a la revalorisation", "revalorisation", "non"},
        NegationCase{"contre la revalorisation", "revalorisation", "contre"},
        NegationCase{"ni revalorisation ni rien", "revalorisation", "ni"},
        // Out of the window: five words between the cue and the hit.
        NegationCase{"pas du tout de cette fameuse revalorisation", "revalorisation", ""},
        // A clause break ends the scope.
        NegationCase{"pas de sanctions, une revalorisation", "revalorisation", ""},
        NegationCase{"pas de sanctions mais une revalorisation", "revalorisation", ""},
        NegationCase{"pas de sanctions. revalorisation", "revalorisation", ""},
        // After the hit: judgements that deny it.
        NegationCase{"la revalorisation n'est pas une priorite", "revalorisation",
                     "n'est pas une priorite"},
        NegationCase{"la revalorisation est inutile", "revalorisation", "inutile"},
        NegationCase{"une revalorisation urgente", "revalorisation", ""},
        // Words that merely contain a cue are not cues.
        NegationCase{"passer a la revalorisation", "revalorisation", ""},
        NegationCase{"nonobstant la revalorisation", "revalorisation", ""}));

}  // namespace
}  // namespace verbatim
