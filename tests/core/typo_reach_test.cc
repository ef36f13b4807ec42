#include "core/typo_reach.h"

#include <gtest/gtest.h>

#include "core/codebook_checker.h"
#include "io/input/codebook_loader.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

using testing::CompileYaml;

TEST(TypoReachTest, WarnsWhenAWordReachesAnotherCodesWordInItsOtherNumber) {
  auto codebook = CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
typos: true
themes:
  - id: a
    label: A
    patterns: [charges]
  - id: b
    label: B
    patterns: [change]
)");
  ASSERT_NE(codebook, nullptr);
  const std::vector<Diagnostic> warnings = FindTypoReach(*codebook, {});
  ASSERT_EQ(warnings.size(), 2u);  // each word reaches the other's other number
  EXPECT_EQ(warnings[0].severity, Severity::kWarning);
  EXPECT_NE(warnings[0].message.find("word 'charges' of 'a' reaches 1 other word(s)"), std::string::npos)
      << warnings[0].message;
  EXPECT_NE(warnings[0].message.find("'changes' (another form of 'change' of 'b')"), std::string::npos)
      << warnings[0].message;
  EXPECT_NE(warnings[1].message.find("word 'change' of 'b' reaches 1 other word(s)"), std::string::npos)
      << warnings[1].message;
  EXPECT_NE(warnings[1].message.find("'charge' (another form of 'charges' of 'a')"), std::string::npos)
      << warnings[1].message;
}

TEST(TypoReachTest, ListedWordsKnownWordsAndFormsOfTheWordItselfAreNotReported) {
  auto codebook = CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
typos: {never: [horaires]}
themes:
  - id: a
    label: A
    patterns: [honoraires, rattrapage]
)");
  ASSERT_NE(codebook, nullptr);
  const TypoReachWords dictionary{{"horaires", "honoraire", "rattrapa", "rattrapages", "rattrobage"},
                                  "a dictionary word"};
  const std::vector<Diagnostic> warnings = FindTypoReach(*codebook, {dictionary});
  ASSERT_EQ(warnings.size(), 1u);  // only "rattrobage", 2 edits from "rattrapage"
  EXPECT_NE(warnings[0].message.find("'rattrobage' (a dictionary word)"), std::string::npos)
      << warnings[0].message;
}

TEST(TypoReachTest, NothingWithoutTypoTolerance) {
  auto codebook = CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
themes:
  - id: a
    label: A
    patterns: [charges]
  - id: b
    label: B
    patterns: [change]
)");
  ASSERT_NE(codebook, nullptr);
  EXPECT_TRUE(FindTypoReach(*codebook, {}).empty());
}

TEST(TypoReachTest, TheCheckerRefusesBadAliasesAndTypoSettings) {
  LoadedCodebook loaded = LoadCodebookText(R"(
codebook: {id: t, version: "1", language: fr}
aliases: {de: [depassement*], "d p": [depassement*], x: []}
typos: {one_edit_from: 2, two_edits_from: 2}
domain: [{regex: 'a+'}]
themes:
  - id: a
    label: A
    patterns: [ccam]
)", "t.yaml");
  ASSERT_TRUE(loaded.diagnostics.empty()) << FormatDiagnostic(loaded.diagnostics[0]);
  std::string all;
  for (const Diagnostic& d : CheckCodebook(loaded.codebook)) all += FormatDiagnostic(d) + "\n";
  EXPECT_NE(all.find("alias 'de' is a function word"), std::string::npos) << all;
  EXPECT_NE(all.find("alias 'd p' must be one word"), std::string::npos) << all;
  EXPECT_NE(all.find("alias 'x' has no meaning"), std::string::npos) << all;
  EXPECT_NE(all.find("typos: one_edit_from 2 is outside [4, 48]"), std::string::npos) << all;
  EXPECT_NE(all.find("typos: two_edits_from 2 must be above one_edit_from"), std::string::npos) << all;
  EXPECT_NE(all.find("the domain list takes terms and phrases only"), std::string::npos) << all;
}

TEST(TypoReachTest, TheLoaderReadsTyposAsASwitchOrAMapping) {
  LoadedCodebook on = LoadCodebookText(R"(
codebook: {id: t, version: "1", language: fr}
typos: true
themes: [{id: a, label: A, patterns: [{term: ccam, typos: false}]}]
)", "t.yaml");
  ASSERT_TRUE(on.diagnostics.empty());
  EXPECT_TRUE(on.codebook.typos.enabled);
  EXPECT_FALSE(on.codebook.codes[0].patterns[0].typos);
  LoadedCodebook bad = LoadCodebookText(R"(
codebook: {id: t, version: "1", language: fr}
typos: {enabeld: true}
themes: [{id: a, label: A, patterns: [{term: ccam, typos: maybe}]}]
)", "t.yaml");
  std::string all;
  for (const Diagnostic& d : bad.diagnostics) all += FormatDiagnostic(d) + "\n";
  EXPECT_NE(all.find("unknown key 'enabeld' in 'typos'; did you mean 'enabled'?"), std::string::npos) << all;
  EXPECT_NE(all.find("'typos' must be true or false"), std::string::npos) << all;
}

}  // namespace
}  // namespace verbatim
