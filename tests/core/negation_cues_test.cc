#include "core/negation_cues.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <re2/re2.h>

#include "core/occurrences.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

// The first cue `cues` finds in `text`, or "" for none: the words of the
// whole match, as core/negation.h reads them.
std::string Cue(const RE2* cues, const std::string& text) {
  re2::StringPiece whole;
  if (cues == nullptr || !cues->Match(text, 0, text.size(), RE2::UNANCHORED, &whole, 1)) return "";
  const size_t begin = static_cast<size_t>(whole.data() - text.data());
  const TextSpan cue = BoundedMatchWords(text, TextSpan{begin, begin + whole.size()});
  return text.substr(cue.begin, cue.end - cue.begin);
}

TEST(NegationCuesTest, WithoutSettingsHasNoCueAndNoClauseBreak) {
  const NegationCues cues;
  EXPECT_EQ(cues.before(), nullptr);
  EXPECT_EQ(cues.after(), nullptr);
  EXPECT_FALSE(cues.IsClauseBreakWord("mais"));
  EXPECT_TRUE(cues.clause_break_phrases().empty());
}

TEST(NegationCuesTest, EmptyListsTakeTheDefaults) {
  const NegationCues cues(NegationSettings{}, *testing::TestNormalizer());
  EXPECT_EQ(Cue(cues.before(), "je ne veux pas de hausse"), "ne");
  EXPECT_EQ(Cue(cues.after(), "la hausse n'est pas une priorite"), "n'est pas une priorite");
  EXPECT_TRUE(cues.IsClauseBreakWord("mais"));
}

TEST(NegationCuesTest, ListsOfTheCodebookReplaceTheDefaultsAndAreNormalized) {
  NegationSettings settings;
  settings.before = {"Hors de"};
  settings.clause_breaks = {"Cependant", "par contre"};
  const NegationCues cues(settings, *testing::TestNormalizer());
  EXPECT_EQ(Cue(cues.before(), "hors de question"), "hors de");
  EXPECT_EQ(Cue(cues.before(), "pas de hausse"), "");
  EXPECT_EQ(Cue(cues.before(), "dehors de"), "");     // Whole words only.
  EXPECT_NE(Cue(cues.after(), "c'est inutile"), "");  // Still the default list.
  EXPECT_TRUE(cues.IsClauseBreakWord("cependant"));
  EXPECT_FALSE(cues.IsClauseBreakWord("mais"));
  EXPECT_EQ(cues.clause_break_phrases(), std::vector<std::string>{"par contre"});
}

TEST(NegationCuesTest, AListWithNoWordHasNoRegex) {
  NegationSettings settings;
  settings.before = {"!!"};
  const NegationCues cues(settings, *testing::TestNormalizer());
  EXPECT_EQ(cues.before(), nullptr);
  EXPECT_NE(cues.after(), nullptr);
}

TEST(NegationCuesTest, FixedPhrasesAreNormalizedWordsWithStemsMarked) {
  NegationSettings settings;
  settings.fixed_phrases = {"Lutt* contre", "!!"};
  const NegationCues cues(settings, *testing::TestNormalizer());
  ASSERT_EQ(cues.fixed_phrases().size(), 1u);  // "!!" holds no word.
  const FixedPhrase& phrase = cues.fixed_phrases()[0];
  ASSERT_EQ(phrase.size(), 2u);
  EXPECT_EQ(phrase[0].text, "lutt");
  EXPECT_TRUE(phrase[0].stem);
  EXPECT_EQ(phrase[1].text, "contre");
  EXPECT_FALSE(phrase[1].stem);
}

TEST(NegationCuesTest, NoFixedPhraseListTakesTheDefaults) {
  const NegationCues cues(NegationSettings{}, *testing::TestNormalizer());
  EXPECT_EQ(cues.fixed_phrases().size(), DefaultNegationSettings().fixed_phrases.size());
}

}  // namespace
}  // namespace verbatim
