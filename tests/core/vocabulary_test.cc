#include "core/vocabulary.h"

#include <gtest/gtest.h>

#include <string>

#include "core/coder.h"
#include "core/evidence.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

using testing::CompileYaml;

PatternWord Word(std::string text, bool stem = false) { return PatternWord{std::move(text), stem, 0}; }

TEST(VocabularyTest, WordsOverlapWhenSomeWordMatchesBoth) {
  EXPECT_TRUE(WordsOverlap(Word("depassements"), Word("depassement", true)));
  EXPECT_TRUE(WordsOverlap(Word("depass", true), Word("depassement", true)));
  EXPECT_TRUE(WordsOverlap(Word("ccam"), Word("ccam")));
  EXPECT_FALSE(WordsOverlap(Word("chirurgicaux"), Word("chirurgical", true)));
  EXPECT_FALSE(WordsOverlap(Word("tarif"), Word("tarifs")));
}

constexpr char kYaml[] = R"(
codebook: {id: t, version: "1", language: fr}
aliases:
  dp: [depassement*]
  s2: ["secteur 2"]
typos:
  never: [horaires]
themes:
  - id: lib
    label: Liberte
    subthemes:
      - id: lib.dep
        label: Depassements
        patterns: ["depassements libres", "liberte des honoraires"]
      - id: lib.s2
        label: Secteur 2
        patterns:
          - near: [[garder, maintien], ["secteur 2"]]
            within: 3
  - id: reval
    label: Revalorisation
    patterns:
      - revalorisation
      - term: indexation
        typos: false
)";

std::string Codes(const CompiledCodebook& codebook, const std::string& text) {
  const CodingResult result = CodeAnswer(codebook, text);
  return JoinCodeIds(codebook.codebook(), result.proposed);
}

TEST(VocabularyTest, AnAliasStandsForItsMeaningInPhrasesAndNearGroups) {
  auto codebook = CompileYaml(kYaml);
  ASSERT_NE(codebook, nullptr);
  EXPECT_EQ(Codes(*codebook, "des DP libres !"), "lib.dep");
  EXPECT_EQ(Codes(*codebook, "depassements libres"), "lib.dep");
  EXPECT_EQ(Codes(*codebook, "garder le S2"), "lib.s2");  // a multi-word meaning
  EXPECT_EQ(Codes(*codebook, "garder le secteur 2"), "lib.s2");
  EXPECT_EQ(Codes(*codebook, "dp"), "");  // the alias alone is no pattern
}

TEST(VocabularyTest, ExpandGivesTheWordsFirstThenOneVariantPerSubstitution) {
  Codebook book;
  book.aliases.push_back(WordAlias{"dp", {"depassement*"}, {}});
  auto normalizer = testing::TestNormalizer();
  ASSERT_NE(normalizer, nullptr);
  const PatternVocabulary vocabulary(book, *normalizer);
  const auto variants =
      vocabulary.Expand({Word("depassements"), Word("libres"), Word("depassement", true)}, true);
  ASSERT_EQ(variants.size(), 4u);  // as written, dp first, dp second, both
  EXPECT_EQ(variants[0][0].text, "depassements");
  EXPECT_EQ(variants[1][0].text, "dp");
  EXPECT_EQ(variants[2][2].text, "dp");
  EXPECT_EQ(variants[3][0].text, "dp");
  EXPECT_EQ(variants[3][2].text, "dp");
}

TEST(VocabularyTest, TypoToleranceIsOffUnlessTheCodebookTurnsItOn) {
  auto codebook = CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
themes:
  - id: reval
    label: Revalorisation
    patterns: [revalorisation]
)");
  ASSERT_NE(codebook, nullptr);
  EXPECT_FALSE(codebook->has_typo_tolerance());
  EXPECT_EQ(Codes(*codebook, "la revalorisaton"), "");
}

TEST(VocabularyTest, MisspeltWordsMatchAndTheHitIsMarked) {
  auto codebook = CompileYaml(kYaml);
  ASSERT_NE(codebook, nullptr);
  EXPECT_TRUE(codebook->has_typo_tolerance());
  const std::string text = "la revalorisaton des actes";
  const CodingResult result = CodeAnswer(*codebook, text);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_TRUE(result.hits[0].fuzzy);
  EXPECT_EQ(text.substr(result.hits[0].original_begin,
                        result.hits[0].original_end - result.hits[0].original_begin),
            "revalorisaton");
  EXPECT_EQ(DescribeEvidence(*codebook, result, text, 0), "reval=\"revalorisaton\" (typo)");
  const CodingResult exact = CodeAnswer(*codebook, "la revalorisation");
  ASSERT_EQ(exact.hits.size(), 1u);
  EXPECT_FALSE(exact.hits[0].fuzzy);
}

TEST(VocabularyTest, TypoToleranceSparesShortWordsListedWordsAndOptedOutPatterns) {
  auto codebook = CompileYaml(kYaml);
  ASSERT_NE(codebook, nullptr);
  EXPECT_EQ(Codes(*codebook, "liberte des honnoraires"), "lib.dep");  // 10 letters: 2 edits
  EXPECT_EQ(Codes(*codebook, "liberte des horaires"), "");            // listed in `never`
  EXPECT_EQ(Codes(*codebook, "une indexaton"), "");                   // typos: false
  EXPECT_EQ(Codes(*codebook, "depasements libre"), "lib.dep");        // 12 and 6 letters
  EXPECT_EQ(Codes(*codebook, "depassements libes"), "lib.dep");
}

TEST(VocabularyTest, AWordTheCodebookKnowsIsNeverReadAsAnotherWordsTypo) {
  auto codebook = CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
typos: true
themes:
  - id: a
    label: A
    patterns: [tarifaire]
  - id: b
    label: B
    patterns: [tarifaires]
)");
  ASSERT_NE(codebook, nullptr);
  EXPECT_EQ(Codes(*codebook, "tarifaires"), "b");
  EXPECT_EQ(Codes(*codebook, "tarifaire"), "a");
  EXPECT_EQ(Codes(*codebook, "tarifaiire"), "a;b");  // a typo of both
}

TEST(VocabularyTest, AWordUnderAStemIsNeverReadAsATypoOfAWordOutsideTheStem) {
  auto codebook = CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
typos: true
themes:
  - id: a
    label: A
    patterns: ["contrat*"]
  - id: b
    label: B
    patterns: ["contrainte*"]
)");
  ASSERT_NE(codebook, nullptr);
  // "contraintes" is one edit from a beginning of "contrat*" ("contrai"),
  // but "contrainte*" knows it as written.
  EXPECT_EQ(Codes(*codebook, "moins de contraintes"), "b");
  EXPECT_EQ(codebook->TypoSharedBytes("contraintes"), 10u);  // "contrainte"
  EXPECT_EQ(codebook->TypoSharedBytes("contrainet"), 1u);    // under no stem
  EXPECT_EQ(Codes(*codebook, "un contrta"), "a");  // a real typo still matches
}

TEST(VocabularyTest, AWordUnderAStemMayBeATypoOfALongerWordOfTheStem) {
  auto codebook = CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
typos: true
themes:
  - id: a
    label: A
    patterns: ["tarif*", "horaire*"]
  - id: b
    label: B
    patterns: ["liberte tarifaire", "honoraires libres"]
)");
  ASSERT_NE(codebook, nullptr);
  // "tarifiare" is under "tarif*", which says nothing against "tarifaire":
  // both begin with the stem. Two letters swapped are one edit.
  EXPECT_EQ(codebook->TypoSharedBytes("tarifiare"), 5u);
  EXPECT_EQ(Codes(*codebook, "la liberte tarifiare"), "a;b");
  const CodingResult result = CodeAnswer(*codebook, "la liberte tarifiare");
  bool fuzzy = false;
  for (const PatternHit& hit : result.hits) fuzzy |= hit.fuzzy;
  EXPECT_TRUE(fuzzy);
  // "horaires" is under "horaire*": never a misspelling of "honoraires",
  // which does not begin with that stem.
  EXPECT_EQ(Codes(*codebook, "des horaires libres"), "a");
  // A whole word of the codebook is never a typo.
  EXPECT_EQ(codebook->TypoSharedBytes("tarifaire"), 0u);
  EXPECT_EQ(Codes(*codebook, "liberte tarifaire"), "a;b");
}

TEST(VocabularyTest, WithADomainListAnOffTopicAnswerIsUncodedNotDisputed) {
  auto codebook = CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
settings: {review_uncoded_min_words: 4}
aliases: {mut: [mutuelle*]}
domain: [mutuelle*, "secteur 2"]
themes:
  - id: a
    label: A
    patterns: [ccam]
)");
  ASSERT_NE(codebook, nullptr);
  const CodingResult off_topic = CodeAnswer(*codebook, "il faut plus de trains dans nos campagnes");
  EXPECT_EQ(off_topic.status, AnswerStatus::kUncoded);
  const CodingResult on_topic = CodeAnswer(*codebook, "il faut que les mut fassent quelque chose");
  EXPECT_EQ(on_topic.status, AnswerStatus::kDisputed);
  ASSERT_EQ(on_topic.reasons.size(), 1u);
  EXPECT_EQ(on_topic.reasons[0].detail, "8 words and no code; domain word 'mut'");
}

}  // namespace
}  // namespace verbatim
