#include "core/candidate_patterns.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

// The candidates of `texts` (already normalized), in the returned order.
CandidateSet Generate(const std::vector<std::string_view>& texts, CandidateOptions options = {}) {
  return GenerateCandidates(texts, options);
}

const CandidatePattern* Find(const CandidateSet& set, CandidateKind kind,
                             const std::string& source) {
  for (const CandidatePattern& candidate : set.candidates) {
    if (candidate.kind == kind && candidate.pattern.source == source) return &candidate;
  }
  return nullptr;
}

std::vector<std::string> SourcesOf(const CandidateSet& set, CandidateKind kind) {
  std::vector<std::string> sources;
  for (const CandidatePattern& candidate : set.candidates) {
    if (candidate.kind == kind) sources.push_back(candidate.pattern.source);
  }
  return sources;
}

TEST(CandidatePatternsTest, KindNamesAreUnique) {
  std::vector<std::string_view> names;
  for (CandidateKind kind : kAllCandidateKinds) names.push_back(CandidateKindName(kind));
  EXPECT_EQ(names, (std::vector<std::string_view>{"term", "stem", "phrase", "near"}));
}

TEST(CandidatePatternsTest, TermsLeaveOutShortWordsNumbersAndStopwords) {
  const CandidateSet set = Generate({"le g 2024 ccam est ok"});
  EXPECT_EQ(SourcesOf(set, CandidateKind::kTerm), (std::vector<std::string>{"ccam"}));
}

TEST(CandidatePatternsTest, StemsAreCutToFiveLettersOrMoreAndCountEveryWordTheyStart) {
  const CandidateSet set = Generate({"revaloriser", "revalorisation"});
  const CandidatePattern* stem = Find(set, CandidateKind::kStem, "revalo*");
  ASSERT_NE(stem, nullptr);
  EXPECT_EQ(stem->answers, 2u);
  EXPECT_EQ(stem->pattern.kind, PatternKind::kTerm);
  EXPECT_EQ(stem->stem_of, (std::vector<std::string>{"revaloriser", "revalorisation"}));
  EXPECT_NE(Find(set, CandidateKind::kStem, "reval*"), nullptr);
  EXPECT_EQ(Find(set, CandidateKind::kStem, "reva*"), nullptr);  // 4 letters.
  // Shorter than the word: "revaloriser" gives no "revaloriser*".
  EXPECT_EQ(Find(set, CandidateKind::kStem, "revaloriser*"), nullptr);
  EXPECT_EQ(Find(set, CandidateKind::kStem, "revalorise*")->answers, 1u);
}

TEST(CandidatePatternsTest, PhraseIsWrittenWithItsFunctionWordsAsFirstMet) {
  // Function words are optional in a phrase: both texts have the phrase
  // "indexation inflation", written as the first one spells it.
  const CandidateSet set = Generate({"indexation sur l'inflation", "indexation de inflation"});
  const CandidatePattern* phrase = Find(set, CandidateKind::kPhrase, "indexation sur l'inflation");
  ASSERT_NE(phrase, nullptr) << ::testing::PrintToString(SourcesOf(set, CandidateKind::kPhrase));
  EXPECT_EQ(phrase->answers, 2u);
  EXPECT_EQ(phrase->pattern.kind, PatternKind::kPhrase);
  EXPECT_EQ(SourcesOf(set, CandidateKind::kPhrase).size(), 1u);
}

TEST(CandidatePatternsTest, PhrasesHaveTwoOrThreeContentWords) {
  const CandidateSet set = Generate({"actes techniques chirurgicaux lourds"});
  EXPECT_EQ(SourcesOf(set, CandidateKind::kPhrase),
            (std::vector<std::string>{"actes techniques", "actes techniques chirurgicaux",
                                      "chirurgicaux lourds", "techniques chirurgicaux",
                                      "techniques chirurgicaux lourds"}));
}

TEST(CandidatePatternsTest, AStopwordThatIsNoFunctionWordEndsAPhrase) {
  // "pas" is a stopword a phrase does not skip.
  EXPECT_TRUE(SourcesOf(Generate({"tarifs pas revalorises"}), CandidateKind::kPhrase).empty());
}

TEST(CandidatePatternsTest, NoPhraseOrNearPairAcrossSentencePunctuation) {
  const CandidateSet set = Generate({"tarifs. ccam"});
  EXPECT_TRUE(SourcesOf(set, CandidateKind::kPhrase).empty());
  EXPECT_TRUE(SourcesOf(set, CandidateKind::kNear).empty());
}

TEST(CandidatePatternsTest, NearPairsHaveAtMostFiveWordsBetweenThem) {
  const CandidateSet five = Generate({"ccam le la les un une tarifs"});
  const CandidatePattern* near = Find(five, CandidateKind::kNear, "near([ccam], [tarifs]; 5)");
  ASSERT_NE(near, nullptr);
  EXPECT_EQ(near->pattern.groups, (std::vector<std::vector<std::string>>{{"ccam"}, {"tarifs"}}));
  EXPECT_EQ(near->pattern.within, 5);
  const CandidateSet six = Generate({"ccam le la les un une des tarifs"});
  EXPECT_EQ(Find(six, CandidateKind::kNear, "near([ccam], [tarifs]; 5)"), nullptr);
}

TEST(CandidatePatternsTest, NearPairsAreOneCandidateInEitherOrder) {
  const CandidateSet set = Generate({"ccam et tarifs", "tarifs et ccam"});
  ASSERT_EQ(SourcesOf(set, CandidateKind::kNear).size(), 1u);
  EXPECT_EQ(set.candidates.front().answers, 2u);
}

TEST(CandidatePatternsTest, MinAnswersAndTheCapKeepTheCandidatesOfMostTexts) {
  CandidateOptions options;
  options.min_answers = 2;
  options.max_candidates = 1;
  const CandidateSet set = Generate({"ccam tarifs", "ccam", "ccam tarifs"}, options);
  // ccam (3 texts); tarifs, its stem tarif*, the phrase "ccam tarifs" and
  // the near pair (2 each). "ccam" is 4 letters: no stem.
  EXPECT_EQ(set.generated, 5u);
  ASSERT_EQ(set.candidates.size(), 1u);
  EXPECT_EQ(set.candidates.front().pattern.source, "ccam");
  EXPECT_EQ(set.candidates.front().answers, 3u);
}

}  // namespace
}  // namespace verbatim
