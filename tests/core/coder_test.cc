#include "core/coder.h"

#include <gtest/gtest.h>

#include "core/evidence.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

// A small code frame exercising every decision rule.
constexpr char kYaml[] = R"(
codebook: {id: t, version: "1", language: fr}
settings: {threshold: 1.0, negation_window: 4, review_uncoded_min_words: 6}
themes:
  - id: reval
    label: Revalorisation
    patterns: ["tarifs decents"]
    subthemes:
      - id: reval.ccam
        label: CCAM
        patterns:
          - near: [[revalori*, hausse], [ccam, "actes techniques"]]
            within: 3
          - term: ccam
            weight: 0.5
      - id: reval.inflation
        label: Inflation
        patterns: ["index* sur l'inflation"]
  - id: gouv
    label: Gouvernance
    subthemes:
      - id: gouv.sanctions
        label: Moins de sanctions
        patterns: ["pas de sanction*", "moins de sanction*"]
      - id: gouv.sortie
        label: Sortie
        patterns: ["sortir de l'optam"]
  - id: lib
    label: Liberte
    subthemes:
      - id: lib.complements
        label: Complements
        patterns: ["liberte des depassements", "depassements libres"]
        exclude: ["supprim* les depassements"]
      - id: lib.fin_optam
        label: Fin OPTAM
        patterns: ["fin de l'optam", "sortir de l'optam"]
conflicts:
  - [lib.fin_optam, gouv.sortie]
)";

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { compiled_ = verbatim::testing::CompileYaml(kYaml).release(); }
  static void TearDownTestSuite() { delete compiled_; }

  CodingResult Code(const std::string& text) {
    EXPECT_NE(compiled_, nullptr);
    return CodeAnswer(*compiled_, text);
  }
  std::string Proposed(const CodingResult& result) {
    return JoinCodeIds(compiled_->codebook(), result.proposed);
  }
  std::string Counted(const CodingResult& result) {
    return JoinCodeIds(compiled_->codebook(), result.counted);
  }

  static CompiledCodebook* compiled_;
};
CompiledCodebook* CoderTest::compiled_ = nullptr;

TEST_F(CoderTest, FirmSubthemeIsCountedAndImpliesItsTheme) {
  const CodingResult result = Code("Il faut revaloriser la CCAM.");
  EXPECT_EQ(result.status, AnswerStatus::kCoded);
  EXPECT_EQ(Counted(result), "reval.ccam");
}

TEST_F(CoderTest, ThemeLevelEvidenceAloneCodesTheTheme) {
  const CodingResult result = Code("Des tarifs décents !");
  EXPECT_EQ(result.status, AnswerStatus::kCoded);
  EXPECT_EQ(Counted(result), "reval");
}

TEST_F(CoderTest, ThemeAloneIsCountedWithoutTheSetting) {
  const CodingResult result = Code("Des tarifs décents !");
  EXPECT_TRUE(result.reasons.empty());
}

// review_theme_alone: a theme proposed on firm evidence of its own, without
// any of its subthemes, goes to review; a theme implied by its subtheme, or
// already disputed (weak), gets no theme_alone note.
TEST(CoderThemeAloneTest, SendsAThemeWithoutSubthemeToReviewWhenAsked) {
  const std::string yaml = std::string(kYaml).replace(
      std::string(kYaml).find("review_uncoded_min_words: 6}"), 28,
      "review_uncoded_min_words: 6, review_theme_alone: true}");
  const auto compiled = verbatim::testing::CompileYaml(yaml);
  ASSERT_NE(compiled, nullptr);
  ASSERT_TRUE(compiled->codebook().settings.review_theme_alone);

  const CodingResult alone = CodeAnswer(*compiled, "Des tarifs décents !");
  EXPECT_EQ(alone.status, AnswerStatus::kDisputed);
  EXPECT_EQ(JoinReasonNames(alone), "theme_alone");
  EXPECT_EQ(JoinCodeIds(compiled->codebook(), alone.proposed), "reval");
  EXPECT_TRUE(alone.counted.empty());
  ASSERT_EQ(alone.reasons.size(), 1u);
  EXPECT_EQ(alone.reasons[0].detail, "theme 'reval' without any of its subthemes");

  const CodingResult placed = CodeAnswer(*compiled, "Des tarifs décents, revaloriser la CCAM");
  EXPECT_EQ(placed.status, AnswerStatus::kCoded);
  EXPECT_EQ(JoinCodeIds(compiled->codebook(), placed.counted), "reval.ccam");

  const CodingResult weak = CodeAnswer(*compiled, "La CCAM.");
  EXPECT_EQ(JoinReasonNames(weak), "weak");
}

// review_dismissals: a dismissal after the first hit, in a later sentence
// too, sends an answer that would be counted to review; not one before the
// hits, inside a hit, of one word, nor on an answer disputed already.
constexpr char kDismissalYaml[] = R"(
codebook: {id: t, version: "1", language: fr}
settings: {review_uncoded_min_words: 20, review_dismissals: true}
negation:
  after_sentence: ["pas la priorite", lol, "gardez-le"]
themes:
  - id: reval
    label: Revalorisation
    subthemes:
      - id: reval.ccam
        label: CCAM
        patterns:
          - near: [[revalori*], [ccam]]
            within: 3
          - term: ccam
            weight: 0.5
  - id: lib
    label: Liberte
    subthemes:
      - id: lib.secteur2
        label: Secteur 2
        patterns: ["gardez le secteur 2"]
)";

TEST(CoderDismissalTest, ADismissalInALaterSentenceSendsTheAnswerToReview) {
  const auto compiled = verbatim::testing::CompileYaml(kDismissalYaml);
  ASSERT_NE(compiled, nullptr);
  const Codebook& book = compiled->codebook();

  const CodingResult later = CodeAnswer(*compiled, "Revaloriser la CCAM ? Génial. Pas la priorité.");
  EXPECT_EQ(later.status, AnswerStatus::kDisputed);
  EXPECT_EQ(JoinReasonNames(later), "dismissal");
  EXPECT_EQ(JoinCodeIds(book, later.proposed), "reval.ccam");
  EXPECT_TRUE(later.counted.empty());
  ASSERT_EQ(later.reasons.size(), 1u);
  EXPECT_EQ(later.reasons[0].detail, "dismissal 'pas la priorite' in the answer");
  EXPECT_EQ(JoinCodeIds(book, later.reasons[0].codes), "reval.ccam");

  EXPECT_EQ(CodeAnswer(*compiled, "Pas la priorité, le reste. Revaloriser la CCAM.").status,
            AnswerStatus::kCoded)
      << "a dismissal before the first hit judges something else";
  EXPECT_EQ(CodeAnswer(*compiled, "Revaloriser la CCAM. lol").status, AnswerStatus::kCoded)
      << "one word this far is not looked for";
  // The second hit holds the cue's words and begins after the first hit's
  // end, where the search starts.
  EXPECT_EQ(CodeAnswer(*compiled, "Revaloriser la CCAM. Gardez le secteur 2 !").status,
            AnswerStatus::kCoded)
      << "a cue inside a hit is the demand";
  const CodingResult both =
      CodeAnswer(*compiled, "Revaloriser la CCAM. Gardez le secteur 2 ! Sinon, gardez-le.");
  EXPECT_EQ(JoinReasonNames(both), "dismissal") << "the cue outside the hits still counts";

  const CodingResult weak = CodeAnswer(*compiled, "La CCAM. Pas la priorité.");
  EXPECT_EQ(JoinReasonNames(weak), "weak") << "disputed already: no second note";
}

TEST(CoderDismissalTest, OffByDefault) {
  std::string yaml = kDismissalYaml;
  yaml.replace(yaml.find(", review_dismissals: true"), 25, "");
  const auto compiled = verbatim::testing::CompileYaml(yaml);
  ASSERT_NE(compiled, nullptr);
  EXPECT_EQ(CodeAnswer(*compiled, "Revaloriser la CCAM ? Génial. Pas la priorité.").status,
            AnswerStatus::kCoded);
}

// A generic reading that yields to a specific one: the insurers' price is
// their regulation only when no demand about their cover explains it.
constexpr char kUnlessYaml[] = R"(
codebook: {id: t, version: "1", language: fr}
themes:
  - id: mut
    label: Mutuelles
    subthemes:
      - id: mut.cover
        label: Cover
        patterns: ["rembourse* mieux", "prise en charge"]
      - id: mut.regulation
        label: Regulation
        patterns:
          - "frais de gestion"
          - term: publicite*
            weight: 0.5
          - phrase: "cotisations flambent"
            unless: [mut.cover]
      - id: mut.rare
        label: Weakly supported
        patterns:
          - term: prix
            weight: 0.5
          - phrase: "trop cher"
            unless: mut.regulation
)";

TEST(CoderUnlessTest, AHitYieldsToACodeFirmOnItsOwnEvidence) {
  const auto compiled = verbatim::testing::CompileYaml(kUnlessYaml);
  ASSERT_NE(compiled, nullptr);
  const Codebook& book = compiled->codebook();

  // Alone, the price complaint is the regulation demand.
  const CodingResult alone = CodeAnswer(*compiled, "Les cotisations flambent.");
  EXPECT_EQ(alone.status, AnswerStatus::kCoded);
  EXPECT_EQ(JoinCodeIds(book, alone.counted), "mut.regulation");
  ASSERT_EQ(alone.hits.size(), 1u);
  EXPECT_EQ(alone.hits[0].yielded_to, -1);

  // With a cover demand, it supports that demand: shown, not counted, not disputed.
  const CodingResult both =
      CodeAnswer(*compiled, "Les cotisations flambent, qu'elles remboursent mieux.");
  EXPECT_EQ(both.status, AnswerStatus::kCoded);
  EXPECT_EQ(JoinCodeIds(book, both.counted), "mut.cover");
  ASSERT_EQ(both.hits.size(), 2u);
  const int cover = book.FindCode("mut.cover");
  int yielded = 0;
  for (const PatternHit& hit : both.hits) yielded += hit.yielded_to == cover;
  EXPECT_EQ(yielded, 1);
  EXPECT_EQ(both.FindingFor(book.FindCode("mut.regulation")), nullptr);

  // The regulation's own firm evidence is not touched by it.
  const CodingResult firm = CodeAnswer(
      *compiled, "Les cotisations flambent et leurs frais de gestion, qu'elles remboursent mieux.");
  EXPECT_EQ(JoinCodeIds(book, firm.counted), "mut.cover;mut.regulation");
}

TEST(CoderUnlessTest, OnlyFirmEvidenceWithoutUnlessMakesAHitYield) {
  const auto compiled = verbatim::testing::CompileYaml(kUnlessYaml);
  ASSERT_NE(compiled, nullptr);
  const Codebook& book = compiled->codebook();
  // "trop cher" yields to mut.regulation, whose only hit here yields in turn:
  // regulation is not firm on the hits without `unless`, so "trop cher" counts.
  const CodingResult chain = CodeAnswer(
      *compiled, "C'est trop cher. Les cotisations flambent, qu'elles remboursent mieux.");
  EXPECT_EQ(chain.status, AnswerStatus::kCoded);
  EXPECT_EQ(JoinCodeIds(book, chain.counted), "mut.cover;mut.rare");
  // A weak code makes nothing yield: "publicité" gives mut.regulation 0.5,
  // under the threshold, so "trop cher" still counts for mut.rare (firm at
  // 1.0), and the weak regulation sends the answer to review.
  const CodingResult weak = CodeAnswer(*compiled, "Leur publicité, c'est trop cher.");
  for (const PatternHit& hit : weak.hits) EXPECT_EQ(hit.yielded_to, -1);
  const CodeFinding* rare = weak.FindingFor(book.FindCode("mut.rare"));
  ASSERT_NE(rare, nullptr);
  EXPECT_EQ(rare->state, CodeState::kFirm);
  const CodeFinding* regulation = weak.FindingFor(book.FindCode("mut.regulation"));
  ASSERT_NE(regulation, nullptr);
  EXPECT_EQ(regulation->state, CodeState::kWeak);
  EXPECT_EQ(weak.status, AnswerStatus::kDisputed);
  EXPECT_EQ(JoinCodeIds(book, weak.proposed), "mut.regulation;mut.rare");
}

TEST_F(CoderTest, ThemeIsNotListedNextToItsSubtheme) {
  const CodingResult result = Code("Des tarifs décents, revaloriser la CCAM");
  EXPECT_EQ(Counted(result), "reval.ccam");
}

TEST_F(CoderTest, SeveralThemesInCodebookOrder) {
  const CodingResult result = Code("Pas de sanctions. Indexer sur l'inflation.");
  EXPECT_EQ(result.status, AnswerStatus::kCoded);
  EXPECT_EQ(Counted(result), "reval.inflation;gouv.sanctions");
}

TEST_F(CoderTest, NegationBeforeHitSendsToReviewWithTheCodeProposed) {
  const CodingResult result = Code("Je ne demande pas de revaloriser la CCAM");
  EXPECT_EQ(result.status, AnswerStatus::kDisputed);
  EXPECT_EQ(Proposed(result), "reval.ccam");
  EXPECT_TRUE(result.counted.empty());
  ASSERT_FALSE(result.reasons.empty());
  EXPECT_EQ(result.reasons[0].reason, ReviewReason::kNegated);
}

// Regression (#19): the reason quoted the code's first hit, here the
// unnegated term 'ccam', and its empty cue: "'' governs 'ccam'".
TEST(CoderNegationReasonTest, QuotesTheNegatedHitAndItsCue) {
  const auto compiled = verbatim::testing::CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
settings: {threshold: 1.0, negation_window: 4}
themes:
  - id: reval
    label: Revalorisation
    subthemes:
      - id: reval.ccam
        label: CCAM
        patterns:
          - term: ccam
            weight: 0.5
          - near: [[revalori*], [ccam]]
            within: 3
)");
  ASSERT_NE(compiled, nullptr);
  const CodingResult result = CodeAnswer(*compiled, "pas de revalorisation de la ccam");
  EXPECT_EQ(result.status, AnswerStatus::kDisputed);
  EXPECT_EQ(JoinReasonDetails(result),
            "negated: reval.ccam: 'pas' governs 'revalorisation de la ccam'");
}

TEST(CoderSharedRegexTest, ARegexOfSeveralCodesGivesEachTheSameEvidence) {
  // The regex is searched once per answer for both codes; one scratch codes
  // answers in turn, as a coding thread does.
  const auto compiled = verbatim::testing::CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
settings: {threshold: 1.0, negation_window: 4}
themes:
  - id: a
    label: A
    patterns: [{regex: 'g ?= ?\d+'}]
  - id: b
    label: B
    patterns: [{regex: 'g ?= ?\d+'}, tarif]
    exclude: [{regex: 'g ?= ?\d+ euros'}]
)");
  ASSERT_NE(compiled, nullptr);
  CodingScratch scratch;
  CodingResult result;
  CodeAnswer(*compiled, "pas de g=25 mais g = 30", &scratch, &result);
  ASSERT_EQ(result.hits.size(), 2u);
  for (const PatternHit& hit : result.hits) {
    EXPECT_EQ(result.normalized.text.substr(hit.begin, hit.end - hit.begin), "g = 30");
    EXPECT_EQ(hit.negation_cue, "");
  }
  CodeAnswer(*compiled, "tarif g=25 euros", &scratch, &result);
  ASSERT_EQ(result.hits.size(), 4u);
  EXPECT_EQ(result.normalized.text.substr(result.hits[0].begin, result.hits[0].end - result.hits[0].begin),
            "g=25");
  EXPECT_EQ(JoinReasonNames(result), "excluded");
  CodeAnswer(*compiled, "pas de g=25", &scratch, &result);
  ASSERT_EQ(result.hits.size(), 2u);
  EXPECT_EQ(result.hits[0].negation_cue, "pas");
  EXPECT_EQ(result.hits[1].negation_cue, "pas");
  EXPECT_EQ(result.status, AnswerStatus::kDisputed);
}

TEST(CoderTypoTest, AMisspeltWordIsFoundWhereverItStands) {
  // Tokens are passed over by their first byte; a misspelt word keeps its
  // first letter, and is found first, last or alone.
  const auto compiled = verbatim::testing::CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
typos: true
themes:
  - id: a
    label: A
    patterns: [revalorisation, "mutuelle*"]
)");
  ASSERT_NE(compiled, nullptr);
  for (const std::string text :
       {"revalorisaton", "la revalorisaton", "les mutuelels et la revalorisaton"}) {
    const CodingResult result = CodeAnswer(*compiled, text);
    ASSERT_FALSE(result.hits.empty()) << text;
    EXPECT_TRUE(result.hits.front().fuzzy) << text;  // Patterns in codebook order.
    EXPECT_EQ(result.normalized.text.substr(result.hits.front().begin,
                                            result.hits.front().end - result.hits.front().begin),
              "revalorisaton") << text;
  }
}

TEST_F(CoderTest, NegationAfterHitSendsToReview) {
  const CodingResult result = Code("l'indexation sur l'inflation n'est pas une priorité");
  EXPECT_EQ(result.status, AnswerStatus::kDisputed);
  EXPECT_EQ(JoinReasonNames(result), "negated");
}

TEST_F(CoderTest, CueInsideThePatternIsNotANegation) {
  const CodingResult result = Code("pas de sanctions");
  EXPECT_EQ(result.status, AnswerStatus::kCoded);
  EXPECT_EQ(Counted(result), "gouv.sanctions");
}

TEST_F(CoderTest, ClausePunctuationEndsNegationScope) {
  const CodingResult result = Code("Pas de blabla, revaloriser la CCAM");
  EXPECT_EQ(result.status, AnswerStatus::kCoded);
}

TEST_F(CoderTest, ClauseBreakWordEndsNegationScope) {
  const CodingResult result = Code("rien de neuf mais revaloriser la CCAM");
  EXPECT_EQ(result.status, AnswerStatus::kCoded);
}

TEST_F(CoderTest, NonNegatedOccurrenceWinsOverNegatedOne) {
  const CodingResult result = Code("pas hausse ccam. Hausse de la CCAM !");
  EXPECT_EQ(result.status, AnswerStatus::kCoded);
}

TEST_F(CoderTest, PatternInsideALongerWordIsNotAHit) {
  // The pattern set is a prefilter without word boundaries: "ccam" inside
  // "ccamx" passes it, and the bounded pattern must still reject it.
  const CodingResult result = Code("la ccamx et la surccam");
  EXPECT_EQ(result.status, AnswerStatus::kUncoded);
  EXPECT_TRUE(result.hits.empty());
}

TEST_F(CoderTest, ExclusionWithIncludeGoesToReview) {
  const CodingResult result = Code("liberté des dépassements ou alors supprimer les dépassements");
  EXPECT_EQ(result.status, AnswerStatus::kDisputed);
  EXPECT_EQ(JoinReasonNames(result), "excluded");
  EXPECT_EQ(Proposed(result), "lib.complements");
}

TEST_F(CoderTest, NegatedExclusionContradictsNothing) {
  const CodingResult result = Code("liberté des dépassements, ne pas supprimer les dépassements");
  EXPECT_EQ(result.status, AnswerStatus::kCoded);
  EXPECT_EQ(Counted(result), "lib.complements");
}

// Only what precedes an exclusion inverts it; a judgement after it is not
// looked for (negation.h: look_after).
TEST_F(CoderTest, JudgementAfterAnExclusionDoesNotCancelIt) {
  const CodingResult result =
      Code("liberté des dépassements ou alors supprimer les dépassements est inutile");
  EXPECT_EQ(result.status, AnswerStatus::kDisputed);
  EXPECT_EQ(JoinReasonNames(result), "excluded");
}

TEST_F(CoderTest, WeakEvidenceAloneGoesToReview) {
  const CodingResult result = Code("la CCAM");
  EXPECT_EQ(result.status, AnswerStatus::kDisputed);
  EXPECT_EQ(JoinReasonNames(result), "weak");
  EXPECT_EQ(Proposed(result), "reval.ccam");
}

TEST_F(CoderTest, WeakEvidenceNextToAFirmCodeStillGoesToReview) {
  const CodingResult result = Code("la CCAM ; et pas de sanctions");
  EXPECT_EQ(result.status, AnswerStatus::kDisputed);
  EXPECT_EQ(JoinReasonNames(result), "weak");
  EXPECT_EQ(Proposed(result), "reval.ccam;gouv.sanctions");
}

TEST_F(CoderTest, NearWindowDoesNotCrossASentence) {
  const CodingResult result = Code("Une hausse. La ccam !");
  EXPECT_EQ(JoinReasonNames(result), "weak");
}

TEST_F(CoderTest, DeclaredConflictGoesToReview) {
  const CodingResult result = Code("pouvoir sortir de l'OPTAM");
  EXPECT_EQ(result.status, AnswerStatus::kDisputed);
  EXPECT_EQ(JoinReasonNames(result), "conflict");
  EXPECT_EQ(Proposed(result), "gouv.sortie;lib.fin_optam");
}

TEST_F(CoderTest, LongAnswerWithoutCodeGoesToReview) {
  const CodingResult result = Code("je voudrais que les choses changent vraiment pour nous tous");
  EXPECT_EQ(result.status, AnswerStatus::kDisputed);
  EXPECT_EQ(JoinReasonNames(result), "no_code");
}

TEST_F(CoderTest, ShortAnswerWithoutCodeIsUncoded) {
  EXPECT_EQ(Code("rien").status, AnswerStatus::kUncoded);
  EXPECT_EQ(Code("").status, AnswerStatus::kUncoded);
}

TEST_F(CoderTest, NearNeedsItsGroupsWithinTheWindow) {
  EXPECT_EQ(Code("hausse de la CCAM").status, AnswerStatus::kCoded);
  // Six words between the groups: only the weak "ccam" term remains.
  const CodingResult far = Code("hausse des charges pour tous les cabinets depuis la ccam");
  EXPECT_EQ(JoinReasonNames(far), "weak");
}

TEST_F(CoderTest, EvidenceIsQuotedFromTheOriginalText) {
  const std::string text = "Révaloriser   la CCAM !";
  const CodingResult result = Code(text);
  ASSERT_EQ(result.status, AnswerStatus::kCoded);
  EXPECT_EQ(DescribeEvidence(*compiled_, result, text, 0), "reval.ccam=\"Révaloriser la CCAM\"");
}

TEST_F(CoderTest, SameAnswerSameResult) {
  const std::string text = "Pas de sanctions, indexer sur l'inflation et revaloriser la CCAM";
  const CodingResult first = Code(text);
  const CodingResult second = Code(text);
  EXPECT_EQ(Proposed(first), Proposed(second));
  EXPECT_EQ(first.hits.size(), second.hits.size());
}

TEST(CoderNamesTest, EveryStatusAndReasonHasAUniqueStableName) {
  std::set<std::string_view> names;
  for (AnswerStatus status : kAllAnswerStatuses) EXPECT_TRUE(names.insert(AnswerStatusName(status)).second);
  names.clear();
  for (ReviewReason reason : kAllReviewReasons) EXPECT_TRUE(names.insert(ReviewReasonName(reason)).second);
}

}  // namespace
}  // namespace verbatim
