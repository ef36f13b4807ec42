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
        // "ne" whose "pas" is inside the hit is the hit's own negation: the
        // pattern "pas de sanctions" (a demand) keeps it.
        NegationCase{"je ne veux pas de sanctions", "pas de sanctions", ""},
        NegationCase{"je ne veux surtout pas de refonte", "surtout pas de refonte", ""},
        NegationCase{"je n'en veux plus de sanctions", "plus de sanctions", ""},
        // ... but not when the "pas" comes before the hit, or is missing.
        NegationCase{"je ne veux pas de sanctions", "sanctions", "ne"},
        NegationCase{"je ne veux que la revalorisation", "revalorisation", "ne"},
        NegationCase{"je ne veux surtout pas de refonte", "refonte", "surtout pas"},
        // Out of the window: five words between the cue and the hit.
        NegationCase{"pas du tout de cette fameuse revalorisation", "revalorisation", ""},
        // A clause break ends the scope.
        NegationCase{"pas de sanctions, une revalorisation", "revalorisation", ""},
        NegationCase{"pas de sanctions mais une revalorisation", "revalorisation", ""},
        NegationCase{"pas de sanctions. revalorisation", "revalorisation", ""},
        // ... but quotation marks do not: "pas de « revalorisation » en carton".
        NegationCase{"pas de \"revalorisation\"", "revalorisation", "pas"},
        // After the hit: judgements that deny it.
        NegationCase{"la revalorisation n'est pas une priorite", "revalorisation",
                     "n'est pas une priorite"},
        NegationCase{"la revalorisation est inutile", "revalorisation", "inutile"},
        NegationCase{"une revalorisation urgente", "revalorisation", ""},
        // ... in the same clause only: past a comma they often judge
        // something else (after_sentence cues reach further: below).
        NegationCase{"la revalorisation, tel quel, ne sert a rien", "revalorisation", ""},
        // Words that merely contain a cue are not cues.
        NegationCase{"passer a la revalorisation", "revalorisation", ""},
        NegationCase{"nonobstant la revalorisation", "revalorisation", ""},
        // A cue inside a fixed phrase negates nothing.
        NegationCase{"contre la fraude", "fraude", "contre"},
        NegationCase{"la lutte contre la fraude", "fraude", ""},
        NegationCase{"luttons contre la fraude", "fraude", ""},
        NegationCase{"contre-indication a la revalorisation", "revalorisation", ""},
        NegationCase{"contre indication a la revalorisation", "revalorisation", ""},
        NegationCase{"pour ou contre la revalorisation", "revalorisation", ""},
        NegationCase{"c'est sans doute la revalorisation", "revalorisation", ""},
        // ... but another cue of the window still negates.
        NegationCase{"sans lutte contre la fraude", "fraude", "sans"},
        // Clause punctuation inside the phrase breaks it.
        NegationCase{"la lutte. contre la fraude", "fraude", "contre"}));

std::string CueIn(const CompiledCodebook& codebook, const std::string& text,
                  const std::string& hit) {
  const size_t begin = text.find(hit);
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  return FindNegationCue(codebook, text, tokens, begin, begin + hit.size(), 4);
}

constexpr const char* kThemes = R"(
themes:
  - id: a
    label: A
    patterns: [revalorisation]
)";

// An exclusion is inverted by what precedes it only (coder.cc passes
// look_after = false for exclusions).
TEST(NegationLookAfterTest, WithoutLookAfterOnlyTheCuesBeforeCount) {
  const auto compiled = verbatim::testing::CompileYaml(
      std::string(R"(codebook: {id: t, version: "1", language: fr})") + kThemes);
  ASSERT_NE(compiled, nullptr);
  const std::string text = "supprimer les depassements est inutile";
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  const size_t end = text.find(" est");
  EXPECT_EQ(FindNegationCue(*compiled, text, tokens, 0, end, 4), "inutile");
  EXPECT_EQ(FindNegationCue(*compiled, text, tokens, 0, end, 4, /*look_after=*/false), "");
  const std::string before = "ne pas supprimer les depassements";
  TokenizeWords(before, &tokens);
  const size_t begin = before.find("supprimer");
  EXPECT_EQ(FindNegationCue(*compiled, before, tokens, begin, before.size(), 4, false), "ne");
}

// after_sentence: dismissals found past commas, colons and quotation
// marks, up to the end of the sentence or a clause-break word, within three
// times the window.
TEST(NegationSettingsTest, AfterSentenceCuesReachPastCommasAndColons) {
  const auto compiled = verbatim::testing::CompileYaml(
      std::string(R"(codebook: {id: t, version: "1", language: fr}
negation:
  after_sentence: [secondaire, "non merci", "pas la priorite"]
)") + kThemes);
  ASSERT_NE(compiled, nullptr);
  EXPECT_EQ(CueIn(*compiled, "la revalorisation, franchement, c'est secondaire", "revalorisation"),
            "secondaire");
  EXPECT_EQ(CueIn(*compiled, "la revalorisation : non merci", "revalorisation"), "non merci");
  EXPECT_EQ(CueIn(*compiled, "la revalorisation est secondaire", "revalorisation"), "secondaire");
  EXPECT_EQ(CueIn(*compiled, "la revalorisation. secondaire", "revalorisation"), "");
  EXPECT_EQ(CueIn(*compiled, "la revalorisation, et le reste, c'est secondaire", "revalorisation"),
            "");
  EXPECT_EQ(CueIn(*compiled, "la revalorisation \"promise\", on connait : secondaire",
                  "revalorisation"),
            "secondaire");
  EXPECT_EQ(CueIn(*compiled, "la revalorisation, un, deux, trois, quatre, cinq, six, sept, huit, "
                             "neuf, dix, onze, douze secondaire",
                  "revalorisation"),
            "")
      << "twelve words at most";
  // A question answered at once by a dismissal that begins within its first
  // four words.
  EXPECT_EQ(CueIn(*compiled, "la revalorisation ? secondaire", "revalorisation"), "secondaire");
  EXPECT_EQ(CueIn(*compiled, "la revalorisation ? ce n'est pas la priorite", "revalorisation"),
            "pas la priorite");
  EXPECT_EQ(CueIn(*compiled, "la revalorisation ? ce n'est vraiment pas la priorite",
                  "revalorisation"),
            "")
      << "begins at the fifth word";
  EXPECT_EQ(CueIn(*compiled, "la revalorisation ? franchement, non merci", "revalorisation"),
            "non merci");
  EXPECT_EQ(CueIn(*compiled, "la revalorisation ? elle viendra un jour, secondaire",
                  "revalorisation"),
            "")
      << "past the answer's first words";
  EXPECT_EQ(CueIn(*compiled, "la revalorisation ? oui. secondaire", "revalorisation"), "");
  // The built-in `after` cues still stop at the comma.
  EXPECT_EQ(CueIn(*compiled, "la revalorisation, tel quel, ne sert a rien", "revalorisation"), "");
}

TEST(NegationSettingsTest, RemovedCueNoLongerNegates) {
  auto compiled = verbatim::testing::CompileYaml(std::string(R"(
codebook: {id: t, version: "1", language: fr}
negation:
  before: {remove: [Contre]}
)") + kThemes);
  ASSERT_NE(compiled, nullptr);
  EXPECT_EQ(CueIn(*compiled, "contre la revalorisation", "revalorisation"), "");
  EXPECT_EQ(CueIn(*compiled, "pas de revalorisation", "revalorisation"), "pas");
}

TEST(NegationSettingsTest, AddedCueNegatesAlongsideTheBuiltInOnes) {
  auto compiled = verbatim::testing::CompileYaml(std::string(R"(
codebook: {id: t, version: "1", language: fr}
negation:
  before: {add: ["hors de question"]}
  after: {add: ["pas urgent"]}
)") + kThemes);
  ASSERT_NE(compiled, nullptr);
  EXPECT_EQ(CueIn(*compiled, "hors de question la revalorisation", "revalorisation"),
            "hors de question");
  EXPECT_EQ(CueIn(*compiled, "la revalorisation pas urgent", "revalorisation"), "pas urgent");
  EXPECT_EQ(CueIn(*compiled, "sans revalorisation", "revalorisation"), "sans");
}

TEST(NegationSettingsTest, AddedFixedPhraseSilencesItsCue) {
  auto compiled = verbatim::testing::CompileYaml(std::string(R"(
codebook: {id: t, version: "1", language: fr}
negation:
  fixed_phrases: {add: ["contre-visite*"]}
)") + kThemes);
  ASSERT_NE(compiled, nullptr);
  EXPECT_EQ(CueIn(*compiled, "contre-visites et revalorisation", "revalorisation"), "");
  EXPECT_EQ(CueIn(*compiled, "contre-visites de revalorisation", "revalorisation"), "");
  EXPECT_EQ(CueIn(*compiled, "la lutte contre la revalorisation", "revalorisation"), "");
}

TEST(NegationSettingsTest, ReplacedFixedPhrasesDropTheBuiltInOnes) {
  auto compiled = verbatim::testing::CompileYaml(std::string(R"(
codebook: {id: t, version: "1", language: fr}
negation:
  fixed_phrases: ["sans doute"]
)") + kThemes);
  ASSERT_NE(compiled, nullptr);
  EXPECT_EQ(CueIn(*compiled, "la lutte contre la revalorisation", "revalorisation"), "contre");
}

}  // namespace
}  // namespace verbatim
