#include "core/decision.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "tests/testing/small_codebook.h"

namespace verbatim {
namespace {

using testing::SmallCodebook;

std::vector<std::string> Ids(const std::vector<WrittenCode>& codes) {
  std::vector<std::string> ids;
  for (const WrittenCode& code : codes) ids.push_back(code.id);
  return ids;
}

struct ParseCase {
  std::string written;
  DecisionKind kind;
  std::vector<std::string> add, remove, codes;
};

TEST(DecisionTest, ParsesEveryForm) {
  const std::vector<ParseCase> cases = {
      {"ok", DecisionKind::kAccept, {}, {}, {}},
      {"  OK ", DecisionKind::kAccept, {}, {}, {}},
      {"Ok", DecisionKind::kAccept, {}, {}, {}},
      {"none", DecisionKind::kReject, {}, {}, {}},
      {"NONE\n", DecisionKind::kReject, {}, {}, {}},
      {"=reval.ccam", DecisionKind::kSet, {}, {}, {"reval.ccam"}},
      {"=reval.ccam;lib", DecisionKind::kSet, {}, {}, {"reval.ccam", "lib"}},
      {"= reval.ccam ; lib ,reval.inflation", DecisionKind::kSet, {}, {},
       {"reval.ccam", "lib", "reval.inflation"}},
      {"=Reval.CCAM", DecisionKind::kSet, {}, {}, {"reval.ccam"}},
      {"=lib;lib", DecisionKind::kSet, {}, {}, {"lib"}},
      {"+lib.complements", DecisionKind::kEdit, {"lib.complements"}, {}, {}},
      {"-reval.ccam", DecisionKind::kEdit, {}, {"reval.ccam"}, {}},
      {"+lib.complements -reval.ccam", DecisionKind::kEdit, {"lib.complements"}, {"reval.ccam"}, {}},
      {"+ lib ; - reval", DecisionKind::kEdit, {"lib"}, {"reval"}, {}},
      {"+lib,+reval.inflation", DecisionKind::kEdit, {"lib", "reval.inflation"}, {}, {}},
      {"'=lib", DecisionKind::kSet, {}, {}, {"lib"}},           // spreadsheet text marker
      {"=lib\xC2\xA0;\xC2\xA0reval", DecisionKind::kSet, {}, {}, {"lib", "reval"}},  // no-break spaces
      {"=lib\xE2\x80\xAF;reval", DecisionKind::kSet, {}, {}, {"lib", "reval"}},
  };
  for (const ParseCase& c : cases) {
    auto decision = ParseDecision(c.written);
    ASSERT_TRUE(decision.has_value()) << "'" << c.written << "': " << decision.error().message;
    EXPECT_EQ(decision->kind, c.kind) << c.written;
    EXPECT_EQ(Ids(decision->add), c.add) << c.written;
    EXPECT_EQ(Ids(decision->remove), c.remove) << c.written;
    EXPECT_EQ(Ids(decision->codes), c.codes) << c.written;
  }
}

struct ErrorCase {
  std::string written;
  int column;
  std::string message_part;
};

TEST(DecisionTest, RejectsMalformedDecisionsWithTheCharacterWhereTheyGoWrong) {
  const std::vector<ErrorCase> cases = {
      {"okay", 1, "unknown decision 'okay': write ok, none, +code -code or =code;code (did you "
                  "mean 'ok'?)"},
      {"Non", 1, "(did you mean 'none'?)"},
      {"reval", 1, "write ok, none, +code -code or =code;code"},
      {"reval.ccam", 1, "did you mean '=reval.ccam' or '+reval.ccam'?"},
      {"  yes please", 3, "write ok, none, +code -code or =code;code"},
      {"=", 1, "names no code"},
      {"= ;", 1, "names no code"},
      {"=lib +reval", 6, "unexpected '+'"},
      {"=lib é", 6, "unexpected 'é'"},
      {"+lib reval", 6, "'reval' in decision '+lib reval' needs its own '+' or '-'"},
      {"+", 1, "'+' in decision '+' must be followed by a code id"},
      {"+lib -", 6, "'-' in decision '+lib -' must be followed by a code id"},
      {"+lib -lib", 7, "both adds and removes 'lib'"},
      {"+lib ?", 6, "unexpected '?'"},
      {"#NAME?", 1, "spreadsheet formula error"},
      {"Err:508", 1, "spreadsheet formula error"},
  };
  for (const ErrorCase& c : cases) {
    auto decision = ParseDecision(c.written);
    ASSERT_FALSE(decision.has_value()) << "'" << c.written << "' parsed";
    EXPECT_NE(decision.error().message.find(c.message_part), std::string::npos)
        << "'" << c.written << "': " << decision.error().message;
    EXPECT_EQ(decision.error().location.column, c.column)
        << "'" << c.written << "': " << decision.error().message;
  }
}

TEST(DecisionTest, BlankCellsHoldNoDecision) {
  for (const char* blank : {"", " ", "\t\r\n", "\xC2\xA0"}) EXPECT_TRUE(IsBlankDecision(blank));
  for (const char* filled : {"ok", " x ", "'"}) EXPECT_FALSE(IsBlankDecision(filled));
}

TEST(DecisionTest, TrimDecisionRemovesBlanksAndTheTextMarker) {
  EXPECT_EQ(TrimDecision("  'ok "), "ok");
  EXPECT_EQ(TrimDecision("\xC2\xA0=a;b\n"), "=a;b");
  EXPECT_EQ(TrimDecision("+a -b"), "+a -b");
  EXPECT_EQ(TrimCell("  a comment \r\n"), "a comment");
}

TEST(DecisionTest, CanonicalTextMakesSpellingsOfOneDecisionEqual) {
  EXPECT_EQ(CanonicalDecisionText(" OK "), "ok");
  EXPECT_EQ(CanonicalDecisionText("None"), "none");
  EXPECT_EQ(CanonicalDecisionText("= A , b"), "=a;b");
  EXPECT_EQ(CanonicalDecisionText("=a;b"), "=a;b");
  EXPECT_EQ(CanonicalDecisionText("+b -a"), "-a +b");
  EXPECT_EQ(CanonicalDecisionText("  what? "), "what?");
}

TEST(DecisionTest, KindNamesAreUnique) {
  std::set<std::string_view> names;
  for (DecisionKind kind : kAllDecisionKinds) names.insert(DecisionKindName(kind));
  EXPECT_EQ(names.size(), std::size(kAllDecisionKinds));
}

TEST(DecisionTest, UnknownCodesAreReportedWithSuggestionsInWrittenOrder) {
  const Codebook book = SmallCodebook();
  auto decision = ParseDecision("+lib.complement -reval.cam +lib +zzz");
  ASSERT_TRUE(decision.has_value());
  const std::vector<Error> errors = CheckDecisionCodes(*decision, book);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].message, "unknown code 'lib.complement' (did you mean 'lib.complements'?)");
  EXPECT_EQ(errors[0].location.column, 2);
  EXPECT_EQ(errors[1].message, "unknown code 'reval.cam' (did you mean 'reval.ccam'?)");
  EXPECT_EQ(errors[1].location.column, 18);
  EXPECT_EQ(errors[2].message, "unknown code 'zzz'");
}

TEST(DecisionTest, KnownCodesGiveNoError) {
  auto decision = ParseDecision("=reval.ccam;lib");
  ASSERT_TRUE(decision.has_value());
  EXPECT_TRUE(CheckDecisionCodes(*decision, SmallCodebook()).empty());
}

struct ResolveCase {
  std::string written;
  std::vector<int> proposed;
  std::vector<int> expected;
};

TEST(DecisionTest, ResolvesAgainstTheProposalTheReviewerSaw) {
  // 0 reval, 1 reval.ccam, 2 reval.inflation, 3 lib, 4 lib.complements.
  const std::vector<ResolveCase> cases = {
      {"ok", {1, 4}, {1, 4}},
      {"ok", {}, {}},
      {"none", {1, 4}, {}},
      {"=reval.inflation", {1, 4}, {2}},
      {"=lib.complements;reval", {1}, {0, 4}},         // codebook order
      {"=reval;reval.ccam", {}, {1}},                  // the subtheme implies its theme
      {"+lib", {1}, {1, 3}},
      {"-lib.complements", {1, 4}, {1}},
      {"-reval", {1, 2, 4}, {4}},                      // a theme takes its subthemes along
      {"-reval.inflation", {1}, {1}},                  // removing what is not there: no change
      {"+reval.ccam", {0}, {1}},                       // theme alone becomes the subtheme's
      {"+reval.inflation -reval.ccam", {1}, {2}},
  };
  const Codebook book = SmallCodebook();
  for (const ResolveCase& c : cases) {
    auto decision = ParseDecision(c.written);
    ASSERT_TRUE(decision.has_value()) << c.written;
    auto codes = ResolveDecision(*decision, c.proposed, book);
    ASSERT_TRUE(codes.has_value()) << c.written << ": " << codes.error().message;
    EXPECT_EQ(*codes, c.expected) << c.written;
  }
}

TEST(DecisionTest, ResolveFailsOnAnUnknownCode) {
  auto decision = ParseDecision("+nope");
  ASSERT_TRUE(decision.has_value());
  auto codes = ResolveDecision(*decision, {}, SmallCodebook());
  ASSERT_FALSE(codes.has_value());
  EXPECT_EQ(codes.error().message, "unknown code 'nope'");
}

TEST(DecisionTest, CanonicalCodeSetSortsDeduplicatesAndDropsImpliedThemes) {
  EXPECT_EQ(CanonicalCodeSet({4, 1, 1, 0, 3}, SmallCodebook()), (std::vector<int>{1, 4}));
  EXPECT_EQ(CanonicalCodeSet({3, 0}, SmallCodebook()), (std::vector<int>{0, 3}));
}

}  // namespace
}  // namespace verbatim
