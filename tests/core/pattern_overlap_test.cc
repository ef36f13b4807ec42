#include "core/pattern_overlap.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run/codebook_setup.h"
#include "io/input/codebook_loader.h"

namespace verbatim {
namespace {

// The themes below start on line 3 of the YAML.
constexpr char kHeader[] =
    "codebook: {id: t, version: '1', language: fr}\n"
    "themes:\n";

struct Case {
  std::string name;
  std::string themes;
  std::vector<std::string> expected;
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.name; }

std::vector<std::string> Overlaps(const std::string& themes) {
  const LoadedCodebook loaded = LoadCodebookText(kHeader + themes, "t.yaml");
  for (const Diagnostic& d : loaded.diagnostics) ADD_FAILURE() << FormatDiagnostic(d);
  auto normalizer = SharedNormalizer();
  EXPECT_TRUE(normalizer.has_value());
  std::vector<std::string> lines;
  for (const Diagnostic& d : FindPatternOverlaps(loaded.codebook, **normalizer)) {
    lines.push_back(FormatDiagnostic(d));
  }
  return lines;
}

class PatternOverlapTest : public ::testing::TestWithParam<Case> {};

TEST_P(PatternOverlapTest, ReportsExpectedWarnings) {
  EXPECT_EQ(Overlaps(GetParam().themes), GetParam().expected);
}

const Case kCases[] = {
    {"TermUnderStemOfSameCode",
     "  - id: a\n    label: A\n    patterns: [revalori*, revalorisation]\n",
     {"t.yaml:5:27: warning: term 'revalorisation' of 'a' is shadowed by term 'revalori*' at "
      "t.yaml:5:16: that pattern hits every answer it hits, and its weight 1 reaches the "
      "threshold"}},
    {"LongerStemUnderShorterStem",
     "  - id: a\n    label: A\n    patterns: [revalorisa*, revalori*]\n",
     {"t.yaml:5:16: warning: term 'revalorisa*' of 'a' is shadowed by term 'revalori*' at "
      "t.yaml:5:29: that pattern hits every answer it hits, and its weight 1 reaches the "
      "threshold"}},
    {"PlainWordDoesNotCoverAStem",
     "  - id: a\n    label: A\n    patterns: [revalorisation, revalorisation*]\n",
     {"t.yaml:5:16: warning: term 'revalorisation' of 'a' is shadowed by term "
      "'revalorisation*' at t.yaml:5:32: that pattern hits every answer it hits, and its "
      "weight 1 reaches the threshold"}},
    {"DuplicateOnceNormalized",
     "  - id: a\n    label: A\n    patterns: [Rémunération, remuneration]\n",
     {"t.yaml:5:32: warning: term 'remuneration' of 'a' duplicates term 'Rémunération' at "
      "t.yaml:5:16: they compile to the same regex; remove one"}},
    {"PhrasesWithTheSameCompiledRegex",
     "  - id: a\n    label: A\n"
     "    patterns: [\"indexation de l'inflation\", \"indexation sur l inflation\"]\n",
     {"t.yaml:5:45: warning: phrase 'indexation sur l inflation' of 'a' duplicates phrase "
      "'indexation de l'inflation' at t.yaml:5:16: they compile to the same regex; remove "
      "one"}},
    {"DuplicateAcrossCodesNamesBoth",
     "  - id: a\n    label: A\n    patterns: [ccam]\n"
     "  - id: b\n    label: B\n    patterns: [CCAM]\n",
     {"t.yaml:8:16: warning: term 'CCAM' of 'b' duplicates term 'ccam' of 'a' at t.yaml:5:16: "
      "every answer it hits gets evidence for both codes"}},
    {"ShadowAcrossCodesIsNotReported",
     "  - id: a\n    label: A\n    patterns: [revalori*]\n"
     "  - id: b\n    label: B\n    patterns: [revalorisation]\n",
     {}},
    {"WeakBroadPatternDoesNotShadow",
     "  - id: a\n    label: A\n    patterns: [{term: tarif*, weight: 0.5}, tarifs]\n",
     {}},
    {"CueInsideThePhraseKeepsItUseful",
     "  - id: a\n    label: A\n    patterns: [revalori*, \"pas de revalorisation\"]\n",
     {}},
    {"PhraseStartingWithACoveredWordIsShadowed",
     "  - id: a\n    label: A\n    patterns: [revalori*, \"revalorisation des actes\"]\n",
     {"t.yaml:5:27: warning: phrase 'revalorisation des actes' of 'a' is shadowed by term "
      "'revalori*' at t.yaml:5:16: that pattern hits every answer it hits, and its weight 1 "
      "reaches the threshold"}},
    {"StrictTermUnderPhraseOfTheSameWords",
     "  - id: a\n    label: A\n    patterns: [\"actes techniques\", actes-techniques]\n",
     {"t.yaml:5:36: warning: term 'actes-techniques' of 'a' is shadowed by phrase 'actes "
      "techniques' at t.yaml:5:16: that pattern hits every answer it hits, and its weight 1 "
      "reaches the threshold"}},
    {"PhraseIsNotShadowedByStrictTerm",
     "  - id: a\n    label: A\n    patterns: [actes-techniques, \"actes techniques\"]\n",
     {"t.yaml:5:16: warning: term 'actes-techniques' of 'a' is shadowed by phrase 'actes "
      "techniques' at t.yaml:5:34: that pattern hits every answer it hits, and its weight 1 "
      "reaches the threshold"}},
    {"IncludeThatIsAlsoAnExclusion",
     "  - id: a\n    label: A\n    patterns: [ccam]\n    exclude: [CCAM]\n",
     {"t.yaml:6:15: warning: exclusion term 'CCAM' of 'a' duplicates term 'ccam' at "
      "t.yaml:5:16: the code is excluded whenever it hits"}},
    {"IncludeUnderAnExclusionCanNeverCount",
     "  - id: a\n    label: A\n    patterns: [\"baisse de la ccam\"]\n    exclude: [baisse*]\n",
     {"t.yaml:5:16: warning: phrase 'baisse de la ccam' of 'a' can never count: exclusion term "
      "'baisse*' at t.yaml:6:15 hits every answer it hits"}},
    {"ExclusionNarrowerThanAnIncludeIsTheUsualDesign",
     "  - id: a\n    label: A\n    patterns: [depassement*]\n"
     "    exclude: [\"depassements interdits\"]\n",
     {}},
    {"ExclusionShadowedByAnotherExclusion",
     "  - id: a\n    label: A\n    patterns: [depassement*]\n"
     "    exclude: [interdi*, \"interdire les depassements\"]\n",
     {"t.yaml:6:25: warning: exclusion phrase 'interdire les depassements' of 'a' is shadowed "
      "by exclusion term 'interdi*' at t.yaml:6:15: that exclusion hits every answer it hits"}},
    {"SameExclusionInTwoCodesIsNotReported",
     "  - id: a\n    label: A\n    patterns: [ccam]\n    exclude: [baisse]\n"
     "  - id: b\n    label: B\n    patterns: [ngap]\n    exclude: [baisse]\n",
     {}},
    {"IncludeOfOneCodeAsExclusionOfAnother",
     "  - id: a\n    label: A\n    patterns: [ccam]\n"
     "  - id: b\n    label: B\n    patterns: [ngap]\n    exclude: [ccam]\n",
     {}},
    {"DuplicateRegex",
     "  - id: a\n    label: A\n    patterns: [{regex: 'g\\s*=\\s*\\d+'}, {regex: "
     "'g\\s*=\\s*\\d+'}]\n",
     {"t.yaml:5:40: warning: regex 'g\\s*=\\s*\\d+' of 'a' duplicates regex 'g\\s*=\\s*\\d+' at "
      "t.yaml:5:16: they compile to the same regex; remove one"}},
    {"RegexesAreNotComparedForShadowing",
     "  - id: a\n    label: A\n    patterns: [{regex: 'revalori'}, revalorisation]\n",
     {}},
    {"DuplicateNear",
     "  - id: a\n    label: A\n    patterns:\n"
     "      - near: [[hausse], [ccam]]\n"
     "      - near: [[Hausse], [CCAM]]\n",
     {"t.yaml:7:9: warning: near([Hausse], [CCAM]; 8) of 'a' duplicates near([hausse], [ccam]; 8) "
      "at t.yaml:6:9: they compile to the same regex; remove one"}},
    {"NearWithAnotherWindowIsNotADuplicate",
     "  - id: a\n    label: A\n    patterns:\n"
     "      - near: [[hausse], [ccam]]\n"
     "      - near: [[hausse], [ccam]]\n        within: 3\n",
     {}},
    {"OneWarningPerPatternDuplicateFirst",
     "  - id: a\n    label: A\n    patterns: [revalori*, revalorisation, revalorisation]\n",
     {"t.yaml:5:27: warning: term 'revalorisation' of 'a' is shadowed by term 'revalori*' at "
      "t.yaml:5:16: that pattern hits every answer it hits, and its weight 1 reaches the "
      "threshold",
      "t.yaml:5:43: warning: term 'revalorisation' of 'a' duplicates term 'revalorisation' at "
      "t.yaml:5:27: they compile to the same regex; remove one"}},
};

INSTANTIATE_TEST_SUITE_P(Cases, PatternOverlapTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

TEST(PatternOverlapTest, MinimalCodebookHasNone) {
  const LoadedCodebook loaded =
      LoadCodebookFile(std::string(VERBATIM_SOURCE_DIR) + "/tests/data/codebooks/minimal.yaml");
  ASSERT_FALSE(HasErrors(loaded.diagnostics));
  auto normalizer = SharedNormalizer();
  ASSERT_TRUE(normalizer.has_value());
  EXPECT_TRUE(FindPatternOverlaps(loaded.codebook, **normalizer).empty());
}

}  // namespace
}  // namespace verbatim
