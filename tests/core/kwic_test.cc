#include "core/kwic.h"

#include <gtest/gtest.h>

#include <algorithm>
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

std::string Key(const std::string& text, const std::string& match, KwicOrder order) {
  auto matcher = KwicMatcher::Create("secteur", KwicSyntax::kKeyword, TestNormalizer());
  EXPECT_TRUE(matcher.has_value());
  const size_t begin = text.find(match);
  return matcher->SortKey(text, KwicHit{begin, begin + match.size()}, order);
}

TEST(KwicTest, LeftKeyReadsTheLeftContextFromTheMatchOutwards) {
  EXPECT_EQ(Key("Ouvrir le Secteur 2", "Secteur", KwicOrder::kLeft), "le\x01" "ouvrir");
}

TEST(KwicTest, RightKeyReadsTheRightContextNormalized) {
  EXPECT_EQ(Key("le secteur 2, élargi", "secteur", KwicOrder::kRight), "2\x01" "elargi");
}

TEST(KwicTest, MatchKeyIsTheNormalizedMatch) {
  EXPECT_EQ(Key("le SECTEUR", "SECTEUR", KwicOrder::kMatch), "secteur");
}

TEST(KwicTest, KeysCompareWordByWord) {
  // A shorter context that is a prefix sorts first, and a word before a
  // longer word that it begins.
  EXPECT_LT(Key("x secteur le", "secteur", KwicOrder::kRight),
            Key("x secteur le 2", "secteur", KwicOrder::kRight));
  EXPECT_LT(Key("x secteur le 2", "secteur", KwicOrder::kRight),
            Key("x secteur les", "secteur", KwicOrder::kRight));
}

TEST(KwicTest, OrderNamesAreUnique) {
  const std::vector<KwicOrder> orders = {KwicOrder::kInput, KwicOrder::kLeft, KwicOrder::kRight,
                                         KwicOrder::kMatch};
  std::vector<std::string> names;
  for (KwicOrder order : orders) names.emplace_back(KwicOrderName(order));
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::unique(names.begin(), names.end()), names.end());
}

TEST(KwicTest, LookaroundRegexErrorPointsToExcludeAndNear) {
  auto matcher = KwicMatcher::Create("tarif(?! opposable)", KwicSyntax::kRegex, TestNormalizer());
  ASSERT_FALSE(matcher.has_value());
  EXPECT_NE(matcher.error().message.find("RE2 has no lookaround"), std::string::npos)
      << matcher.error().message;
}

}  // namespace
}  // namespace verbatim
