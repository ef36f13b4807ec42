#include "core/kwic.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run/codebook_setup.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

using testing::TestNormalizer;

// The matched original words, in order.
std::vector<std::string> Matches(const std::string& pattern, KwicSyntax syntax,
                                 const std::string& text) {
  auto matcher = KwicMatcher::Create(pattern, syntax, TestNormalizer());
  EXPECT_TRUE(matcher.has_value()) << (matcher ? "" : matcher.error().message);
  if (!matcher) return {};
  std::vector<std::string> out;
  for (const KwicHit& hit : matcher->Find(text))
    out.push_back(text.substr(hit.begin, hit.end - hit.begin));
  return out;
}

TEST(KwicTest, KeywordCompilesAsTheCodebookCompilesIt) {
  for (const char* written : {"revalori*", "CCAM", "indexation sur l'inflation"}) {
    auto matcher = KwicMatcher::Create(written, KwicSyntax::kKeyword, TestNormalizer());
    ASSERT_TRUE(matcher.has_value());
    Pattern pattern;
    pattern.kind = std::string(written).find(' ') == std::string::npos ? PatternKind::kTerm
                                                                       : PatternKind::kPhrase;
    pattern.source = written;
    EXPECT_EQ(matcher->pattern().kind, pattern.kind) << written;
    EXPECT_EQ(matcher->regex_source(), PatternRegexSources(pattern, *TestNormalizer()).front())
        << written;
  }
}

TEST(KwicTest, StemFindsEveryOccurrenceInOriginalSpelling) {
  EXPECT_EQ(Matches("revalori*", KwicSyntax::kKeyword,
                    "Revalorisation ! On veut REVALORISER, pas dévaloriser."),
            (std::vector<std::string>{"Revalorisation", "REVALORISER"}));
}

TEST(KwicTest, TermMatchesWholeWordsWithAccentsAndApostrophes) {
  EXPECT_EQ(Matches("depassements", KwicSyntax::kKeyword,
                    "Les dépassements, l’dépassements et dépassementsX"),
            (std::vector<std::string>{"dépassements", "dépassements"}));
}

TEST(KwicTest, PhraseToleratesFunctionWords) {
  EXPECT_EQ(Matches("indexation sur l'inflation", KwicSyntax::kKeyword,
                    "Une indexation de l’inflation, ou indexation inflation"),
            (std::vector<std::string>{"indexation de l’inflation", "indexation inflation"}));
}

TEST(KwicTest, RegexRunsOnNormalizedText) {
  EXPECT_EQ(Matches("g\\s*=\\s*\\d+", KwicSyntax::kRegex, "Le G = 30, le G=25"),
            (std::vector<std::string>{"G = 30", "G=25"}));
}

TEST(KwicTest, EmptyRegexMatchesAreNotHits) {
  EXPECT_EQ(Matches("x*", KwicSyntax::kRegex, "abc"), std::vector<std::string>{});
}

TEST(KwicTest, KeywordWithoutWordIsAnError) {
  auto matcher = KwicMatcher::Create(" -'* ", KwicSyntax::kKeyword, TestNormalizer());
  ASSERT_FALSE(matcher.has_value());
  EXPECT_EQ(matcher.error().message, "pattern ' -'* ' has no word to match (only punctuation?)");
}

TEST(KwicTest, RegexRe2RejectsIsAnErrorWithRe2sMessage) {
  auto matcher = KwicMatcher::Create("(ccam", KwicSyntax::kRegex, TestNormalizer());
  ASSERT_FALSE(matcher.has_value());
  EXPECT_EQ(matcher.error().message, "regex '(ccam' does not compile: missing ): (ccam");
}

}  // namespace
}  // namespace verbatim
