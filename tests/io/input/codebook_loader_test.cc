#include "io/input/codebook_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run/codebook_setup.h"
#include "core/codebook_checker.h"
#include "tests/testing/test_name.h"

namespace verbatim {
namespace {

const std::string kMinimal = "tests/data/codebooks/minimal.yaml";
const std::string kBrokenDir = "tests/data/codebooks/broken";

std::string ReadRepoFile(const std::string& relative) {
  std::ifstream in(std::string(VERBATIM_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Loads by text so that messages show the path relative to the repository,
// whatever the test's working directory.
LoadedCodebook LoadRepoFile(const std::string& relative) {
  return LoadCodebookText(ReadRepoFile(relative), relative);
}

std::vector<std::string> Format(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(FormatDiagnostic(d));
  return lines;
}

class MinimalCodebookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    loaded_ = LoadRepoFile(kMinimal);
    ASSERT_EQ(Format(loaded_.diagnostics), std::vector<std::string>{});
  }
  const CodeDefinition& Code(const std::string& id) {
    const int index = loaded_.codebook.FindCode(id);
    EXPECT_GE(index, 0) << id;
    return loaded_.codebook.codes.at(index);
  }
  LoadedCodebook loaded_;
};

TEST_F(MinimalCodebookTest, PassesTheChecker) {
  EXPECT_EQ(Format(CheckCodebook(loaded_.codebook)), std::vector<std::string>{});
}

TEST_F(MinimalCodebookTest, KeepsThePathForMessages) {
  EXPECT_EQ(loaded_.codebook.path, kMinimal);
}

TEST_F(MinimalCodebookTest, ReadsMetadata) {
  const CodebookInfo& info = loaded_.codebook.info;
  EXPECT_EQ(info.id, "minimal");
  EXPECT_EQ(info.version, "1.0.0");
  EXPECT_EQ(info.language, "fr");
  EXPECT_EQ(info.question, "Quels changements attendez-vous ?");
  EXPECT_EQ(info.description, "Jeu d'essai pour les tests.");
}

TEST_F(MinimalCodebookTest, ReadsSettingsWithTheirLocations) {
  const CodingSettings& settings = loaded_.codebook.settings;
  EXPECT_EQ(settings.threshold, 1.0);
  EXPECT_EQ(settings.review_uncoded_min_words, 6);
  EXPECT_EQ(settings.negation_window, 3);
  EXPECT_EQ(FormatLocation(settings.threshold_location), kMinimal + ":11:14");
  EXPECT_EQ(FormatLocation(settings.negation_window_location), kMinimal + ":13:20");
}

TEST_F(MinimalCodebookTest, ReviewThemeAloneIsOffByDefault) {
  EXPECT_FALSE(loaded_.codebook.settings.review_theme_alone);
}

TEST(CodebookSettingsTest, ReadsReviewThemeAloneAndRefusesANonBoolean) {
  const LoadedCodebook on = LoadCodebookText(
      "codebook: {id: t, version: '1', language: fr}\n"
      "settings:\n  review_theme_alone: true\n"
      "themes:\n  - id: a\n    label: A\n    patterns: [x]\n",
      "on.yaml");
  EXPECT_FALSE(HasErrors(on.diagnostics));
  EXPECT_TRUE(on.codebook.settings.review_theme_alone);
  EXPECT_EQ(FormatLocation(on.codebook.settings.review_theme_alone_location), "on.yaml:3:23");

  const LoadedCodebook bad = LoadCodebookText(
      "codebook: {id: t, version: '1', language: fr}\n"
      "settings:\n  review_theme_alone: often\n"
      "themes:\n  - id: a\n    label: A\n    patterns: [x]\n",
      "bad.yaml");
  ASSERT_TRUE(HasErrors(bad.diagnostics));
  EXPECT_NE(bad.diagnostics[0].message.find("review_theme_alone"), std::string::npos)
      << bad.diagnostics[0].message;
}

TEST(CodebookSettingsTest, ReadsReviewDismissalsOffByDefaultAndRefusesANonBoolean) {
  const std::string themes = "themes:\n  - id: a\n    label: A\n    patterns: [x]\n";
  const std::string head = "codebook: {id: t, version: '1', language: fr}\n";
  const LoadedCodebook absent = LoadCodebookText(head + themes, "absent.yaml");
  EXPECT_FALSE(absent.codebook.settings.review_dismissals);

  const LoadedCodebook on =
      LoadCodebookText(head + "settings:\n  review_dismissals: true\n" + themes, "on.yaml");
  EXPECT_FALSE(HasErrors(on.diagnostics));
  EXPECT_TRUE(on.codebook.settings.review_dismissals);
  EXPECT_EQ(FormatLocation(on.codebook.settings.review_dismissals_location), "on.yaml:3:22");

  const LoadedCodebook bad =
      LoadCodebookText(head + "settings:\n  review_dismissals: sometimes\n" + themes, "bad.yaml");
  ASSERT_TRUE(HasErrors(bad.diagnostics));
  EXPECT_NE(bad.diagnostics[0].message.find("review_dismissals"), std::string::npos)
      << bad.diagnostics[0].message;
}

TEST_F(MinimalCodebookTest, ReplacesWrittenCueListsAndKeepsDefaultsForOthers) {
  const NegationSettings& negation = loaded_.codebook.negation;
  EXPECT_EQ(negation.before, (std::vector<std::string>{"pas de", "sans"}));
  EXPECT_EQ(negation.after, DefaultNegationSettings().after);
  EXPECT_EQ(negation.clause_breaks, DefaultNegationSettings().clause_breaks);
}

TEST(CodebookLoaderNegationTest, ReadsTheAfterSentenceCues) {
  const LoadedCodebook loaded = LoadCodebookText(
      "codebook: {id: t, version: '1', language: fr}\n"
      "negation:\n  after_sentence: [secondaire, \"non merci\"]\n"
      "themes:\n  - id: a\n    label: A\n    patterns: [x]\n",
      "n.yaml");
  EXPECT_FALSE(HasErrors(loaded.diagnostics));
  EXPECT_EQ(loaded.codebook.negation.after_sentence,
            (std::vector<std::string>{"secondaire", "non merci"}));
  EXPECT_TRUE(DefaultNegationSettings().after_sentence.empty()) << "no built-in dismissal";
}

TEST(CodebookLoaderUnlessTest, ReadsOneCodeOrAListWithTheLocation) {
  const LoadedCodebook loaded = LoadCodebookText(
      "codebook: {id: t, version: '1', language: fr}\n"
      "themes:\n"
      "  - id: a\n    label: A\n    patterns:\n"
      "      - {phrase: \"trop cher\", unless: b}\n"
      "      - {term: prix, unless: [b, c]}\n"
      "  - id: b\n    label: B\n    patterns: [y]\n"
      "  - id: c\n    label: C\n    patterns: [z]\n",
      "u.yaml");
  EXPECT_FALSE(HasErrors(loaded.diagnostics));
  const std::vector<Pattern>& patterns = loaded.codebook.codes[0].patterns;
  ASSERT_EQ(patterns.size(), 2u);
  EXPECT_EQ(patterns[0].unless, std::vector<std::string>{"b"});
  EXPECT_EQ(patterns[0].unless_location.line, 6);
  EXPECT_EQ(patterns[1].unless, (std::vector<std::string>{"b", "c"}));
}

TEST(CodebookLoaderUnlessTest, RefusesAMappingAsTheCodes) {
  const LoadedCodebook loaded = LoadCodebookText(
      "codebook: {id: t, version: '1', language: fr}\n"
      "themes:\n"
      "  - id: a\n    label: A\n    patterns:\n"
      "      - {term: prix, unless: {b: 1}}\n",
      "u.yaml");
  EXPECT_TRUE(HasErrors(loaded.diagnostics));
}

TEST_F(MinimalCodebookTest, ListsCodesInCodebookOrder) {
  std::vector<std::string> ids;
  for (const CodeDefinition& code : loaded_.codebook.codes) ids.push_back(code.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"revalorisation", "revalorisation.ccam",
                                           "revalorisation.consultation", "liberte_tarifaire",
                                           "liberte_tarifaire.depassements"}));
}

TEST_F(MinimalCodebookTest, LinksSubthemesToTheirTheme) {
  struct Case {
    std::string id;
    CodeLevel level;
    int theme_index;
  };
  const std::vector<Case> cases = {
      {"revalorisation", CodeLevel::kTheme, -1},
      {"revalorisation.ccam", CodeLevel::kSubtheme, 0},
      {"revalorisation.consultation", CodeLevel::kSubtheme, 0},
      {"liberte_tarifaire", CodeLevel::kTheme, -1},
      {"liberte_tarifaire.depassements", CodeLevel::kSubtheme, 3},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Code(c.id).level, c.level) << c.id;
    EXPECT_EQ(Code(c.id).theme_index, c.theme_index) << c.id;
  }
}

TEST_F(MinimalCodebookTest, ReadsCodeTexts) {
  const CodeDefinition& ccam = Code("revalorisation.ccam");
  EXPECT_EQ(ccam.label, "Revalorisation CCAM");
  EXPECT_EQ(ccam.use_when, "Les actes techniques sont cités.");
  EXPECT_EQ(Code("liberte_tarifaire").description, "Dépassements d'honoraires.");
}

TEST_F(MinimalCodebookTest, LocatesCodesAtTheirMapping) {
  EXPECT_EQ(FormatLocation(Code("revalorisation").location), kMinimal + ":19:5");
  EXPECT_EQ(FormatLocation(Code("revalorisation.ccam").location), kMinimal + ":24:9");
  EXPECT_EQ(FormatLocation(Code("liberte_tarifaire.depassements").location), kMinimal + ":46:9");
}

TEST_F(MinimalCodebookTest, ReadsPatternKindsSourcesWeightsAndLocations) {
  struct Case {
    std::string code;
    size_t index;
    PatternKind kind;
    std::string source;
    double weight;
    std::string location;
  };
  const std::vector<Case> cases = {
      {"revalorisation", 0, PatternKind::kTerm, "revalori*", 1.0, ":22:9"},
      {"revalorisation.ccam", 0, PatternKind::kPhrase, "actes techniques", 1.0, ":28:13"},
      {"revalorisation.ccam", 1, PatternKind::kTerm, "ccam", 0.5, ":29:13"},
      {"revalorisation.ccam", 2, PatternKind::kNear, "near([revalori*|hausse], [ccam]; 6)", 1.0,
       ":32:13"},
      {"revalorisation.consultation", 0, PatternKind::kRegex, R"(g\s*=\s*\d+)", 1.0, ":41:13"},
      {"liberte_tarifaire.depassements", 0, PatternKind::kTerm, "dépassement*", 1.0, ":49:13"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.code + " pattern " + std::to_string(c.index));
    ASSERT_LT(c.index, Code(c.code).patterns.size());
    const Pattern& pattern = Code(c.code).patterns[c.index];
    EXPECT_EQ(pattern.kind, c.kind);
    EXPECT_EQ(pattern.source, c.source);
    EXPECT_EQ(pattern.weight, c.weight);
    EXPECT_EQ(FormatLocation(pattern.location), kMinimal + c.location);
  }
}

TEST_F(MinimalCodebookTest, ReadsPatternNote) {
  EXPECT_EQ(Code("revalorisation.ccam").patterns[1].note, "seul, trop vague");
}

TEST_F(MinimalCodebookTest, ReadsNearGroupsAndWithin) {
  const Pattern& near = Code("revalorisation.ccam").patterns[2];
  EXPECT_EQ(near.groups,
            (std::vector<std::vector<std::string>>{{"revalori*", "hausse"}, {"ccam"}}));
  EXPECT_EQ(near.within, 6);
}

TEST_F(MinimalCodebookTest, ReadsExclusionsApartFromPatterns) {
  const CodeDefinition& ccam = Code("revalorisation.ccam");
  ASSERT_EQ(ccam.exclusions.size(), 1u);
  EXPECT_EQ(ccam.exclusions[0].kind, PatternKind::kPhrase);
  EXPECT_EQ(ccam.exclusions[0].source, "baisse de la ccam");
  EXPECT_EQ(FormatLocation(ccam.exclusions[0].location), kMinimal + ":35:13");
}

TEST_F(MinimalCodebookTest, ReadsExamplesWithLocations) {
  const CodeDefinition& ccam = Code("revalorisation.ccam");
  ASSERT_EQ(ccam.examples.size(), 1u);
  EXPECT_EQ(ccam.examples[0].text, "revaloriser la CCAM");
  EXPECT_EQ(FormatLocation(ccam.examples[0].location), kMinimal + ":36:20");
  ASSERT_EQ(ccam.counterexamples.size(), 1u);
  EXPECT_EQ(ccam.counterexamples[0].text, "la CCAM est complexe");
}

TEST_F(MinimalCodebookTest, ReadsConflicts) {
  ASSERT_EQ(loaded_.codebook.conflicts.size(), 1u);
  const CodeConflict& conflict = loaded_.codebook.conflicts[0];
  EXPECT_EQ(conflict.first, "revalorisation.ccam");
  EXPECT_EQ(conflict.second, "liberte_tarifaire.depassements");
  EXPECT_EQ(FormatLocation(conflict.location), kMinimal + ":53:5");
}

TEST(CodebookLoaderTest, LoadFileReadsTheSameModelAsLoadText) {
  const std::string absolute = std::string(VERBATIM_SOURCE_DIR) + "/" + kMinimal;
  const LoadedCodebook from_file = LoadCodebookFile(absolute);
  EXPECT_TRUE(from_file.diagnostics.empty());
  EXPECT_EQ(from_file.codebook.path, absolute);
  EXPECT_EQ(from_file.codebook.codes.size(), LoadRepoFile(kMinimal).codebook.codes.size());
}

TEST(CodebookLoaderTest, ReportsAnUnreadableFileWithTheSystemReason) {
  const LoadedCodebook loaded = LoadCodebookFile("no/such/codebook.yaml");
  EXPECT_EQ(Format(loaded.diagnostics),
            std::vector<std::string>{
                "no/such/codebook.yaml: error: cannot read the codebook: No such file or directory"});
}

TEST(CodebookLoaderTest, ReportsADirectoryAsUnreadable) {
  const LoadedCodebook loaded = LoadCodebookFile(VERBATIM_SOURCE_DIR);
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_NE(loaded.diagnostics[0].message.find("cannot read the codebook"), std::string::npos);
}

TEST(CodebookLoaderTest, ClassifiesPlainStringsBySpaces) {
  struct Case {
    std::string yaml_item;
    PatternKind kind;
  };
  const std::vector<Case> cases = {
      {"ccam", PatternKind::kTerm},
      {"revalori*", PatternKind::kTerm},
      {"\"actes techniques\"", PatternKind::kPhrase},
      {"\"secteur 2\"", PatternKind::kPhrase},
      {"\" ccam \"", PatternKind::kTerm},  // only inner spaces make a phrase
  };
  for (const Case& c : cases) {
    const LoadedCodebook loaded = LoadCodebookText(
        "codebook: {id: t, version: '1', language: fr}\n"
        "themes:\n  - id: a\n    label: A\n    patterns: [" + c.yaml_item + "]\n",
        "t.yaml");
    ASSERT_TRUE(loaded.diagnostics.empty()) << c.yaml_item;
    ASSERT_EQ(loaded.codebook.codes.at(0).patterns.size(), 1u) << c.yaml_item;
    EXPECT_EQ(loaded.codebook.codes[0].patterns[0].kind, c.kind) << c.yaml_item;
  }
}

TEST(CodebookLoaderTest, AcceptsOrdinaryAliases) {
  const LoadedCodebook loaded = LoadCodebookText(
      "codebook: {id: t, version: '1', language: fr}\n"
      "themes:\n"
      "  - id: a\n    label: A\n    patterns: &shared [ccam, \"actes techniques\"]\n"
      "  - id: b\n    label: B\n    patterns: *shared\n",
      "t.yaml");
  EXPECT_TRUE(loaded.diagnostics.empty());
  ASSERT_EQ(loaded.codebook.codes.size(), 2u);
  EXPECT_EQ(loaded.codebook.codes[1].patterns.size(), 2u);
}

// "Billion laughs": ten levels of ten aliases each expand to 10^10 nodes.
TEST(CodebookLoaderTest, RefusesAnAliasBombWithoutExpandingIt) {
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level <= 10; ++level) {
    const std::string previous = "*a" + std::to_string(level - 1);
    yaml += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) yaml += (i > 0 ? ", " : "") + previous;
    yaml += "]\n";
  }
  const LoadedCodebook loaded = LoadCodebookText(yaml, "bomb.yaml");
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.diagnostics[0].message,
            "aliases expand the document to more than 1000000 nodes");
}

// Issue 19: a short file repeating one long string through aliases made the
// compiler build gigabytes of patterns; few nodes, but too much text.
TEST(CodebookLoaderTest, RefusesAliasesRepeatingTooMuchText) {
  const std::string words(100'000, 'w');  // Eleven aliases pass 1 MiB.
  std::string yaml = "description: &s \"" + words + "\"\npatterns: [";
  for (int i = 0; i < 20; ++i) yaml += i > 0 ? ", *s" : "*s";
  yaml += "]\n";
  const LoadedCodebook loaded = LoadCodebookText(yaml, "text.yaml");
  // The eleventh alias, at column 12 + 4 * 10 = 52, crosses the budget.
  EXPECT_EQ(Format(loaded.diagnostics),
            std::vector<std::string>{
                "text.yaml:2:52: error: aliases expand the document by more than 1048576 bytes "
                "of text (the limit on what aliases may repeat)"});
}

// Text inside an aliased collection counts too, however deep.
TEST(CodebookLoaderTest, CountsTheTextOfAliasedCollections) {
  const std::string word(300'000, 'w');
  const std::string yaml = "a: &list [{b: [" + word + "]}, " + word + "]\nc: [*list, *list]\n";
  const LoadedCodebook loaded = LoadCodebookText(yaml, "nested.yaml");
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.diagnostics[0].location.line, 2);
  EXPECT_EQ(loaded.diagnostics[0].location.column, 12);
}

TEST(CodebookLoaderTest, AliasesUnderTheTextBudgetAreLoaded) {
  const std::string words(100'000, 'w');
  std::string yaml =
      "codebook: {id: t, version: \"1\", language: fr}\n"
      "themes:\n  - id: a\n    label: A\n    description: &s \"" +
      words + "\"\n    patterns: [";
  for (int i = 0; i < 10; ++i) yaml += i > 0 ? ", *s" : "*s";
  yaml += "]\n";
  const LoadedCodebook loaded = LoadCodebookText(yaml, "t.yaml");
  EXPECT_EQ(Format(loaded.diagnostics), std::vector<std::string>{});
}

TEST(CodebookLoaderTest, RefusesAnAliasInsideItsOwnAnchor) {
  const LoadedCodebook loaded = LoadCodebookText("themes: &loop [*loop]\n", "loop.yaml");
  EXPECT_EQ(Format(loaded.diagnostics),
            std::vector<std::string>{
                "loop.yaml:1:16: error: alias '*loop' refers to a node that contains it"});
}

TEST(CodebookLoaderTest, RefusesVeryDeepNestingWithoutRecursing) {
  const std::string yaml = "themes: " + std::string(100000, '[') + std::string(100000, ']');
  const LoadedCodebook loaded = LoadCodebookText(yaml, "deep.yaml");
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.diagnostics[0].message,
            "nesting is deeper than 64 levels (a codebook needs 9 at most)");
}

TEST(CodebookLoaderTest, NegationListEditsTheBuiltInOne) {
  const LoadedCodebook loaded = LoadCodebookText(R"(
codebook: {id: t, version: "1", language: fr}
negation:
  before: {add: ["hors de question"], remove: [contre, "Surtout pas"]}
themes: [{id: a, label: A, patterns: [x]}]
)",
                                                 "n.yaml");
  ASSERT_EQ(Format(loaded.diagnostics), std::vector<std::string>{});
  std::vector<std::string> expected = DefaultNegationSettings().before;
  expected.erase(std::find(expected.begin(), expected.end(), "contre"));
  expected.erase(std::find(expected.begin(), expected.end(), "surtout pas"));
  expected.push_back("hors de question");
  EXPECT_EQ(loaded.codebook.negation.before, expected);
  EXPECT_EQ(loaded.codebook.negation.after, DefaultNegationSettings().after);
}

TEST(CodebookLoaderTest, RemovingAnUnknownCueIsAnErrorAtItsPosition) {
  const LoadedCodebook loaded = LoadCodebookText(R"(codebook: {id: t, version: "1", language: fr}
negation:
  after:
    remove: [inutille]
themes: [{id: a, label: A, patterns: [x]}]
)",
                                                 "n.yaml");
  EXPECT_EQ(Format(loaded.diagnostics),
            std::vector<std::string>{
                "n.yaml:4:14: error: cannot remove 'inutille' from 'negation: after': it is not a "
                "built-in cue; did you mean 'inutile'?"});
}

TEST(CodebookLoaderTest, MisspeltKeyIsReadAsTheKeyItMeans) {
  const LoadedCodebook loaded = LoadCodebookText(R"(codebook: {id: t, version: "1", language: fr}
themes:
  - id: a
    label: A
    sub_themes:
      - id: a.b
        label: B
        patterns: [{term: x, weight: 3}]
)",
                                                 "k.yaml");
  EXPECT_EQ(Format(loaded.diagnostics),
            std::vector<std::string>{
                "k.yaml:5:5: error: unknown key 'sub_themes' in theme 'a'; did you mean "
                "'subthemes'?"});
  ASSERT_EQ(loaded.codebook.codes.size(), 2u);
  EXPECT_EQ(loaded.codebook.codes[1].id, "a.b");
  // And what is under it is checked in the same run.
  const std::vector<std::string> all = Format(SetUpLoadedCodebook(loaded).diagnostics);
  EXPECT_EQ(all, (std::vector<std::string>{
                     "k.yaml:5:5: error: unknown key 'sub_themes' in theme 'a'; did you mean "
                     "'subthemes'?",
                     "k.yaml:8:20: error: weight 3 of term 'x' is outside (0, 1]"}));
}

TEST(CodebookLoaderTest, MisspeltKeyBesideTheRightOneIsNotReadTwice) {
  const LoadedCodebook loaded = LoadCodebookText(R"(codebook: {id: t, version: "1", language: fr}
themes:
  - id: a
    label: A
    patterns: [x]
    patern: [y]
)",
                                                 "k.yaml");
  ASSERT_EQ(loaded.codebook.codes.size(), 1u);
  EXPECT_EQ(loaded.codebook.codes[0].patterns.size(), 1u);
}

// Every tests/data/codebooks/broken/<name>.yaml goes through what `verbatim
// check` runs (load, check and overlaps, compile: SetUpLoadedCodebook); the
// diagnostics must equal <name>.expected line for line. Adding a case is
// adding those two files.
std::vector<std::string> BrokenCaseNames() {
  std::vector<std::string> names;
  const std::filesystem::path dir = std::filesystem::path(VERBATIM_SOURCE_DIR) / kBrokenDir;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class BrokenCodebookTest : public ::testing::TestWithParam<std::string> {};

TEST_P(BrokenCodebookTest, ReportsTheExpectedDiagnostics) {
  const std::string yaml = kBrokenDir + "/" + GetParam() + ".yaml";
  const std::string expected_path = kBrokenDir + "/" + GetParam() + ".expected";
  ASSERT_TRUE(std::filesystem::exists(std::string(VERBATIM_SOURCE_DIR) + "/" + expected_path))
      << expected_path << " is missing";
  const std::vector<Diagnostic> diagnostics = SetUpLoadedCodebook(LoadRepoFile(yaml)).diagnostics;
  const std::vector<std::string> actual = Format(diagnostics);
  const std::vector<std::string> expected = SplitLines(ReadRepoFile(expected_path));
  for (size_t i = 0; i < std::max(actual.size(), expected.size()); ++i) {
    EXPECT_EQ(i < actual.size() ? actual[i] : "<none>", i < expected.size() ? expected[i] : "<none>")
        << "line " << i + 1 << " of " << expected_path;
  }
}

TEST(BrokenCodebookCasesTest, FolderHoldsCases) { EXPECT_GE(BrokenCaseNames().size(), 14u); }

INSTANTIATE_TEST_SUITE_P(Cases, BrokenCodebookTest, ::testing::ValuesIn(BrokenCaseNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return testing::TestNameOf(info.param);
                         });

}  // namespace
}  // namespace verbatim
