#include "core/pattern_compiler.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

namespace verbatim {
namespace {

TEST(PatternCompilerTest, SplitsWordsAndMarksStems) {
  const std::vector<PatternWord> words = SplitPatternWords("index* sur l'inflation");
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(words[0].text, "index");
  EXPECT_TRUE(words[0].stem);
  EXPECT_EQ(words[1].text, "sur");
  EXPECT_EQ(words[2].text, "l");
  EXPECT_EQ(words[3].text, "inflation");
  EXPECT_FALSE(words[3].stem);
}

TEST(PatternCompilerTest, NoWordGivesEmpty) { EXPECT_TRUE(SplitPatternWords(" ' - ").empty()); }

struct MatchCase {
  std::string pattern;  // Normalized pattern text.
  WordJoin join;
  std::string text;  // Normalized answer.
  bool matches;
  std::string evidence;  // Group 1, trailing boundary trimmed, when it matches.
};

std::ostream& operator<<(std::ostream& out, const MatchCase& c) {
  return out << "'" << c.pattern << "' on '" << c.text << "'";
}

class PatternMatchTest : public ::testing::TestWithParam<MatchCase> {};

TEST_P(PatternMatchTest, MatchesAsFrenchWords) {
  const MatchCase& c = GetParam();
  RE2 regex(WordSequenceRegex(SplitPatternWords(c.pattern), c.join));
  ASSERT_TRUE(regex.ok()) << regex.error();
  re2::StringPiece group;
  const bool matched = RE2::PartialMatch(c.text, regex, &group);
  EXPECT_EQ(matched, c.matches);
  if (matched && c.matches) {
    std::string evidence(group.data(), group.size());
    while (!evidence.empty() && (evidence.back() == ' ' || evidence.back() == '\'')) evidence.pop_back();
    EXPECT_EQ(evidence, c.evidence);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PatternMatchTest,
    ::testing::Values(
        MatchCase{"ccam", WordJoin::kStrict, "revaloriser la ccam !", true, "ccam"},
        MatchCase{"ccam", WordJoin::kStrict, "la ccamx", false, ""},
        MatchCase{"ccam", WordJoin::kStrict, "optam-ccam", true, "ccam"},
        MatchCase{"revalori*", WordJoin::kStrict, "une revalorisation", true, "revalorisation"},
        MatchCase{"revalori*", WordJoin::kStrict, "derevalorisation", false, ""},
        // Elisions split words: "l'inflation" holds the word "inflation".
        MatchCase{"inflation", WordJoin::kStrict, "suivre l'inflation", true, "inflation"},
        // Accented letters are letters: "é" inside a word is no boundary.
        MatchCase{"cre", WordJoin::kStrict, "créer", false, ""},
        MatchCase{"indexation sur l'inflation", WordJoin::kPhrase,
                  "indexation de l'inflation svp", true, "indexation de l'inflation"},
        MatchCase{"index* sur l'inflation", WordJoin::kPhrase, "indexer sur inflation", true,
                  "indexer sur inflation"},
        MatchCase{"indexation sur l'inflation", WordJoin::kPhrase, "indexation inflation", true,
                  "indexation inflation"},
        MatchCase{"indexation sur l'inflation", WordJoin::kPhrase,
                  "indexation des tarifs sur l'inflation", false, ""},
        MatchCase{"pas de sanction*", WordJoin::kPhrase, "pas de sanctions", true,
                  "pas de sanctions"},
        MatchCase{"secteur 2", WordJoin::kPhrase, "le secteur 2 !", true, "secteur 2"},
        MatchCase{"secteur 2", WordJoin::kPhrase, "secteur 25", false, ""},
        MatchCase{"de la", WordJoin::kPhrase, "ce sont de la", true, "de la"}));

TEST(PatternCompilerTest, AlternationKeepsEachCoreBounded) {
  RE2 regex(BoundedAlternation({"hausse", "augment" + WordCharClass() + "*"}, {false, true}));
  ASSERT_TRUE(regex.ok());
  EXPECT_TRUE(RE2::PartialMatch("une augmentation", regex));
  EXPECT_TRUE(RE2::PartialMatch("la hausse", regex));
  EXPECT_FALSE(RE2::PartialMatch("les haussements", regex));
}

}  // namespace
}  // namespace verbatim
