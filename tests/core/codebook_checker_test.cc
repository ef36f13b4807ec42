#include "core/codebook_checker.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace verbatim {
namespace {

SourceLocation At(int line, int column = 1) { return SourceLocation{"cb.yaml", line, column}; }

Pattern Term(std::string text, int line) {
  Pattern pattern;
  pattern.kind = PatternKind::kTerm;
  pattern.source = std::move(text);
  pattern.location = At(line);
  return pattern;
}

Pattern Near(std::vector<std::vector<std::string>> groups, int line) {
  Pattern pattern;
  pattern.kind = PatternKind::kNear;
  pattern.groups = std::move(groups);
  pattern.source = "near(...)";
  pattern.location = At(line);
  return pattern;
}

CodeDefinition Code(std::string id, CodeLevel level, int theme_index,
                    std::vector<Pattern> patterns, int line) {
  CodeDefinition code;
  code.id = id;
  code.label = "Label of " + id;
  code.level = level;
  code.theme_index = theme_index;
  code.patterns = std::move(patterns);
  code.location = At(line);
  return code;
}

// A valid codebook: theme "a" (line 10) with subthemes "a.b" (line 20) and
// "a.c" (line 30), theme "d" (line 40) with patterns of its own, and a
// conflict (line 50).
Codebook ValidCodebook() {
  Codebook codebook;
  codebook.path = "cb.yaml";
  codebook.codes = {
      Code("a", CodeLevel::kTheme, -1, {}, 10),
      Code("a.b", CodeLevel::kSubtheme, 0, {Term("ccam", 21), Near({{"hausse"}, {"ccam"}}, 22)},
           20),
      Code("a.c", CodeLevel::kSubtheme, 0, {Term("consultation", 31)}, 30),
      Code("d", CodeLevel::kTheme, -1, {Term("gouvernance", 41)}, 40),
  };
  codebook.conflicts = {CodeConflict{"a.b", "d", At(50)}};
  return codebook;
}

std::vector<std::string> Format(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(FormatDiagnostic(d));
  return lines;
}

TEST(CodebookCheckerTest, RefusesEveryFixedColumnOfTheCodedTableAsAThemeId) {
  for (const std::string id : {"row", "id", "status", "codes", "proposed", "reasons", "error",
                               "evidence", "decided", "decision", "machine_status",
                               "machine_codes"}) {
    Codebook codebook = ValidCodebook();
    codebook.codes[3].id = id;
    codebook.conflicts.clear();
    const auto lines = Format(CheckCodebook(codebook));
    ASSERT_EQ(lines.size(), 1u) << id;
    EXPECT_NE(lines[0].find("theme id '" + id + "' is the name of one of coded.csv's own columns"),
              std::string::npos)
        << lines[0];
  }
}

TEST(CodebookCheckerTest, AcceptsDottedCodebookIds) {
  Codebook codebook = ValidCodebook();
  codebook.info.id = "optam_changes.v2";
  EXPECT_EQ(Format(CheckCodebook(codebook)), std::vector<std::string>{});
}

TEST(CodebookCheckerTest, WarnsWhenAPhraseIsOneWordOnceItsFunctionWordsAreOptional) {
  Codebook codebook = ValidCodebook();
  Pattern phrase = Term("sa part", 23);
  phrase.kind = PatternKind::kPhrase;
  codebook.codes[1].patterns.push_back(phrase);
  codebook.codes[1].patterns.push_back(Near({{"juste part", "pour tous"}, {"ccam"}}, 24));
  Pattern two_words = Term("part de chacun", 25);
  two_words.kind = PatternKind::kPhrase;
  codebook.codes[1].patterns.push_back(two_words);
  Pattern only_function_words = Term("les de", 26);
  only_function_words.kind = PatternKind::kPhrase;
  codebook.codes[1].patterns.push_back(only_function_words);
  // Not at every load: for `check` alone.
  EXPECT_EQ(Format(CheckCodebook(codebook)), std::vector<std::string>{});
  const std::vector<std::string> lines = Format(FindLoosePhrases(codebook));
  ASSERT_EQ(lines.size(), 2u) << ::testing::PrintToString(lines);
  EXPECT_NE(lines[0].find("cb.yaml:23:1: warning: phrase 'sa part' finds 'part' alone"),
            std::string::npos)
      << lines[0];
  EXPECT_NE(lines[1].find("cb.yaml:24:1: warning: phrase 'pour tous' in near(...) finds 'tous' "
                          "alone"),
            std::string::npos)
      << lines[1];
}

TEST(CodebookCheckerTest, AcceptsAValidCodebook) {
  EXPECT_EQ(Format(CheckCodebook(ValidCodebook())), std::vector<std::string>{});
}

TEST(CodebookCheckerTest, AcceptsUnlessNamingCodesBesideThePattern) {
  Codebook codebook = ValidCodebook();
  codebook.codes[2].patterns[0].unless = {"a.b", "d"};
  EXPECT_EQ(Format(CheckCodebook(codebook)), std::vector<std::string>{});
}

// One broken value per case, and the exact diagnostics it must produce.
struct Case {
  std::string name;
  std::function<void(Codebook&)> breaks;
  std::vector<std::string> expected;
};

// Failure messages name the case rather than dumping its bytes.
void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

class CodebookCheckerCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(CodebookCheckerCaseTest, ReportsTheProblem) {
  Codebook codebook = ValidCodebook();
  GetParam().breaks(codebook);
  EXPECT_EQ(Format(CheckCodebook(codebook)), GetParam().expected);
}

const Case kCases[] = {
    {"NoCodes", [](Codebook& c) { c.codes.clear(), c.conflicts.clear(); },
     {"cb.yaml: error: the codebook has no themes"}},
    {"DuplicateIdNamesFirstLocation", [](Codebook& c) { c.codes[2].id = "a.b"; },
     {"cb.yaml:30:1: error: duplicate code id 'a.b' (first defined at cb.yaml:20:1)"}},
    {"EmptyId", [](Codebook& c) { c.codes[3].id = ""; },
     {"cb.yaml:40:1: error: empty theme id", "cb.yaml:50:1: error: conflict names unknown code 'd'"}},
    {"ThemeIdWithCapitals", [](Codebook& c) { c.codes[3].id = "Gouv"; c.conflicts.clear(); },
     {"cb.yaml:40:1: error: invalid theme id 'Gouv': use lower-case letters, digits and '_'"}},
    {"ThemeIdWithDot", [](Codebook& c) { c.codes[3].id = "d.x"; c.conflicts.clear(); },
     {"cb.yaml:40:1: error: invalid theme id 'd.x': use lower-case letters, digits and '_'"}},
    {"CodebookIdWithAFormulaAndANewline",
     [](Codebook& c) {
       c.info.id = "=cmd|' /C calc'!A0,\n<x>";
       c.info.id_location = At(2);
     },
     {"cb.yaml:2:1: error: invalid codebook id '=cmd|' /C calc'!A0,\n<x>': use lower-case "
      "letters, digits and '_' (parts may be joined by '.'), as in code ids"}},
    {"CodebookIdWithCapitals", [](Codebook& c) { c.info.id = "Optam"; c.info.id_location = At(2); },
     {"cb.yaml:2:1: error: invalid codebook id 'Optam': use lower-case letters, digits and '_' "
      "(parts may be joined by '.'), as in code ids"}},
    {"CodebookIdWithAnEmptyPart", [](Codebook& c) { c.info.id = "optam."; c.info.id_location = At(2); },
     {"cb.yaml:2:1: error: invalid codebook id 'optam.': use lower-case letters, digits and '_' "
      "(parts may be joined by '.'), as in code ids"}},
    {"ThemeIdThatIsACodedColumn", [](Codebook& c) { c.codes[3].id = "status"; c.conflicts.clear(); },
     {"cb.yaml:40:1: error: theme id 'status' is the name of one of coded.csv's own columns; the "
      "reserved names are row, id, status, codes, proposed, reasons, error, evidence, decided, "
      "decision, machine_status, machine_codes"}},
    {"SubthemeOfAnotherTheme", [](Codebook& c) { c.codes[2].id = "d.c"; },
     {"cb.yaml:30:1: error: subtheme id 'd.c' must start with its theme's id: 'a.'"}},
    {"SubthemeWithInvalidName", [](Codebook& c) { c.codes[2].id = "a.c-d"; },
     {"cb.yaml:30:1: error: invalid subtheme id 'a.c-d': after 'a.' use lower-case letters, "
      "digits and '_'"}},
    {"SubthemeWithTwoDots", [](Codebook& c) { c.codes[2].id = "a.c.e"; },
     {"cb.yaml:30:1: error: invalid subtheme id 'a.c.e': after 'a.' use lower-case letters, "
      "digits and '_'"}},
    {"BlankLabel", [](Codebook& c) { c.codes[1].label = "  "; },
     {"cb.yaml:20:1: error: subtheme 'a.b' has no label"}},
    {"WeightAboveOne", [](Codebook& c) { c.codes[1].patterns[0].weight = 1.5; },
     {"cb.yaml:21:1: error: weight 1.5 of term 'ccam' is outside (0, 1]"}},
    {"NegativeWeight", [](Codebook& c) { c.codes[1].patterns[0].weight = -0.25; },
     {"cb.yaml:21:1: error: weight -0.25 of term 'ccam' is outside (0, 1]"}},
    {"NanWeight", [](Codebook& c) { c.codes[1].patterns[0].weight = std::nan(""); },
     {"cb.yaml:21:1: error: weight nan of term 'ccam' is outside (0, 1]"}},
    {"WeightOfExclusion", [](Codebook& c) { c.codes[1].exclusions = {Term("baisse", 25)};
                                            c.codes[1].exclusions[0].weight = 0; },
     {"cb.yaml:25:1: error: weight 0 of term 'baisse' is outside (0, 1]"}},
    {"EmptyPattern", [](Codebook& c) { c.codes[1].patterns[0].source = " "; },
     {"cb.yaml:21:1: error: empty pattern"}},
    {"WithinZero", [](Codebook& c) { c.codes[1].patterns[1].within = 0; },
     {"cb.yaml:22:1: error: within 0 of near(...) is outside [1, 50]"}},
    {"WithinAboveFifty", [](Codebook& c) { c.codes[1].patterns[1].within = 51; },
     {"cb.yaml:22:1: error: within 51 of near(...) is outside [1, 50]"}},
    {"NearWithOneGroup", [](Codebook& c) { c.codes[1].patterns[1].groups.pop_back(); },
     {"cb.yaml:22:1: error: near(...) needs at least 2 groups, has 1"}},
    {"NearWithEmptyGroup", [](Codebook& c) { c.codes[1].patterns[1].groups[0].clear(); },
     {"cb.yaml:22:1: error: near(...) has an empty group (group 1)"}},
    {"NearWithEmptyTerm", [](Codebook& c) { c.codes[1].patterns[1].groups[1].push_back(""); },
     {"cb.yaml:22:1: error: near(...) has an empty term in group 2"}},
    {"ThresholdZero",
     [](Codebook& c) { c.settings.threshold = 0; c.settings.threshold_location = At(3, 14); },
     {"cb.yaml:3:14: error: threshold 0 is outside (0, 10]"}},
    {"ThresholdAboveTen", [](Codebook& c) { c.settings.threshold = 10.5; },
     {"cb.yaml: error: threshold 10.5 is outside (0, 10]"}},
    {"ReviewMinWordsZero", [](Codebook& c) { c.settings.review_uncoded_min_words = 0; },
     {"cb.yaml: error: review_uncoded_min_words 0 must be at least 1"}},
    {"NegationWindowNegative", [](Codebook& c) { c.settings.negation_window = -1; },
     {"cb.yaml: error: negation_window -1 is outside [0, 20]"}},
    {"NegationWindowAboveTwenty", [](Codebook& c) { c.settings.negation_window = 21; },
     {"cb.yaml: error: negation_window 21 is outside [0, 20]"}},
    {"ReviewDismissalsWithNoDismissal",
     [](Codebook& c) {
       c.settings.review_dismissals = true;
       c.settings.review_dismissals_location = At(5);
     },
     {"cb.yaml:5:1: warning: review_dismissals is on but negation.after_sentence lists no "
      "dismissal, so no answer goes to review as dismissal"}},
    {"ReviewDismissalsWithDismissals",
     [](Codebook& c) {
       c.settings.review_dismissals = true;
       c.negation.after_sentence = {"pas la priorite"};
     },
     {}},
    {"UnlessWithUnknownCodeSuggests",
     [](Codebook& c) { c.codes[2].patterns[0].unless = {"a.bb"}, c.codes[2].patterns[0].unless_location = At(31, 20); },
     {"cb.yaml:31:20: error: unless names unknown code 'a.bb'; did you mean 'a.b'?"}},
    {"UnlessNamingItsOwnCode",
     [](Codebook& c) { c.codes[2].patterns[0].unless = {"a.c"}, c.codes[2].patterns[0].unless_location = At(31, 20); },
     {"cb.yaml:31:20: error: unless names 'a.c', which is this pattern's own code: yield to a code beside it"}},
    {"UnlessNamingItsTheme",
     [](Codebook& c) { c.codes[2].patterns[0].unless = {"a"}, c.codes[2].patterns[0].unless_location = At(31, 20); },
     {"cb.yaml:31:20: error: unless names 'a', which is this code's theme or subtheme: yield to a code beside it"}},
    {"UnlessOnAnExclusion",
     [](Codebook& c) {
       Pattern exclusion = Term("supprimer", 32);
       exclusion.unless = {"d"};
       exclusion.unless_location = At(32, 20);
       c.codes[2].exclusions.push_back(exclusion);
     },
     {"cb.yaml:32:20: error: 'unless' applies to include patterns only: an exclusion disputes the code whatever else the answer holds"}},
    {"ConflictWithUnknownCodeSuggests", [](Codebook& c) { c.conflicts[0].first = "a.bb"; },
     {"cb.yaml:50:1: error: conflict names unknown code 'a.bb'; did you mean 'a.b'?"}},
    {"ConflictWithUnknownFarCode", [](Codebook& c) { c.conflicts[0].second = "tarifs"; },
     {"cb.yaml:50:1: error: conflict names unknown code 'tarifs'"}},
    {"ConflictWithSameCodeTwice", [](Codebook& c) { c.conflicts[0].second = "a.b"; },
     {"cb.yaml:50:1: error: conflict names 'a.b' twice"}},
    {"SubthemeWithoutPatternWarns", [](Codebook& c) { c.codes[2].patterns.clear(); },
     {"cb.yaml:30:1: warning: subtheme 'a.c' has no pattern, so no answer can get it"}},
    {"SubthemeWithOnlyExclusionsWarns",
     [](Codebook& c) { c.codes[2].exclusions = c.codes[2].patterns; c.codes[2].patterns.clear(); },
     {"cb.yaml:30:1: warning: subtheme 'a.c' has no pattern, so no answer can get it"}},
    {"ThemeWithoutPatternOrSubthemeWarns", [](Codebook& c) { c.codes[3].patterns.clear(); },
     {"cb.yaml:40:1: warning: theme 'd' has no pattern and no subtheme, so no answer can get it"}},
    {"ProblemsComeInFileOrder",
     [](Codebook& c) {
       c.conflicts[0].first = "zz";
       c.codes[1].patterns[0].weight = 2;
       c.codes[0].label = "";
     },
     {"cb.yaml:10:1: error: theme 'a' has no label",
      "cb.yaml:21:1: error: weight 2 of term 'ccam' is outside (0, 1]",
      "cb.yaml:50:1: error: conflict names unknown code 'zz'"}},
};

INSTANTIATE_TEST_SUITE_P(Cases, CodebookCheckerCaseTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

}  // namespace
}  // namespace verbatim
