#include "core/pattern_suggestions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/coder.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

constexpr char kYaml[] = R"(
codebook: {id: t, version: "1", language: fr}
settings: {threshold: 1.0, negation_window: 4, review_uncoded_min_words: 50}
themes:
  - id: admin
    label: Administratif
    subthemes:
      - id: admin.paperasse
        label: Paperasse
        patterns: ["formulaires", "bureaucratie kafkaienne"]
  - id: tarifs
    label: Tarifs
    patterns: [ccam]
)";

// The labeled answers, with what is expected of them for admin.paperasse,
// worked out by hand from kYaml:
// - a1..a4: the gold has admin.paperasse; no pattern of it fires: missed.
//   "temps" is in all four and "perdu" in a1, a2 and a4, but a4's "Pas de"
//   negates both (the cue stands within 4 words before them).
// - a5: gold tarifs, nothing fires: neither side has admin.paperasse, and
//   it holds "temps": a break for "temps".
// - a6: gold tarifs, "formulaires" fires: admin.paperasse is wrong there.
// - a7: gold tarifs, "ccam" fires: nothing to do with admin.paperasse.
struct Fixture {
  std::unique_ptr<CompiledCodebook> codebook;
  std::vector<LabeledAnswer> answers;
};

Fixture MakeFixture() {
  Fixture fixture;
  fixture.codebook = verbatim::testing::CompileYaml(kYaml);
  const Codebook& book = fixture.codebook->codebook();
  const int paperasse = book.FindCode("admin.paperasse");
  const int tarifs = book.FindCode("tarifs");
  fixture.answers = {
      {"a1", "Trop de temps perdu", {paperasse}},
      {"a2", "Le temps perdu chaque jour", {paperasse}},
      {"a3", "Du temps pour soigner", {paperasse}},
      {"a4", "Pas de temps perdu", {paperasse}},
      {"a5", "Le temps des mutuelles", {tarifs}},
      {"a6", "Remplir des formulaires", {tarifs}},
      {"a7", "La CCAM", {tarifs}},
  };
  return fixture;
}

const CodeSuggestions* ForCode(const Fixture& fixture, const SuggestionReport& report,
                               const std::string& id) {
  const int code = fixture.codebook->codebook().FindCode(id);
  for (const CodeSuggestions& suggestions : report.codes) {
    if (suggestions.code == code) return &suggestions;
  }
  return nullptr;
}

const SuggestedPattern* FindCandidate(const CodeSuggestions& code, const std::string& source) {
  for (const SuggestedPattern& candidate : code.candidates) {
    if (candidate.candidate.pattern.source == source) return &candidate;
  }
  return nullptr;
}

std::vector<std::string> Ids(const Fixture& fixture, const std::vector<int>& answers) {
  std::vector<std::string> ids;
  for (int answer : answers) ids.push_back(fixture.answers[static_cast<size_t>(answer)].id);
  return ids;
}

std::vector<std::string> Sources(const CodeSuggestions& code) {
  std::vector<std::string> sources;
  for (const SuggestedPattern& candidate : code.candidates) {
    sources.push_back(candidate.candidate.pattern.source);
  }
  return sources;
}

class PatternSuggestionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fixture_ = MakeFixture();
    ASSERT_NE(fixture_.codebook, nullptr);
    auto report = SuggestPatterns(*fixture_.codebook, fixture_.answers, SuggestOptions{});
    ASSERT_TRUE(report.has_value()) << report.error().message;
    report_ = std::move(*report);
    paperasse_ = ForCode(fixture_, report_, "admin.paperasse");
    ASSERT_NE(paperasse_, nullptr);
  }

  Fixture fixture_;
  SuggestionReport report_;
  const CodeSuggestions* paperasse_ = nullptr;
};

TEST_F(PatternSuggestionsTest, CountsMissedAndWrongAnswersPerCode) {
  EXPECT_EQ(report_.labeled, 7u);
  EXPECT_EQ(paperasse_->true_positives, 0u);
  EXPECT_EQ(Ids(fixture_, paperasse_->missed), (std::vector<std::string>{"a1", "a2", "a3", "a4"}));
  EXPECT_EQ(paperasse_->wrong_count, 1u);
  ASSERT_EQ(paperasse_->wrong.size(), 1u);
  EXPECT_EQ(fixture_.answers[paperasse_->wrong[0].answer].id, "a6");
  ASSERT_EQ(paperasse_->wrong[0].fired.size(), 1u);
  const Pattern& fired =
      *fixture_.codebook->patterns()[paperasse_->wrong[0].fired[0].pattern].pattern;
  EXPECT_EQ(fired.source, "formulaires");
  EXPECT_EQ(fired.location.line, 10);
}

TEST_F(PatternSuggestionsTest, ThemeIsPresentThroughItsSubthemes) {
  const CodeSuggestions* admin = ForCode(fixture_, report_, "admin");
  ASSERT_NE(admin, nullptr);
  EXPECT_EQ(Ids(fixture_, admin->missed), (std::vector<std::string>{"a1", "a2", "a3", "a4"}));
  EXPECT_EQ(admin->wrong_count, 1u);
  const CodeSuggestions* tarifs = ForCode(fixture_, report_, "tarifs");
  ASSERT_NE(tarifs, nullptr);
  EXPECT_EQ(tarifs->true_positives, 1u);  // a7
  EXPECT_EQ(Ids(fixture_, tarifs->missed), (std::vector<std::string>{"a5", "a6"}));
}

TEST_F(PatternSuggestionsTest, AWordSharedByMissedAnswersIsACandidate) {
  // "perdu": a1 and a2 (a4's is negated); no answer without the code has it.
  const SuggestedPattern* perdu = FindCandidate(*paperasse_, "perdu");
  ASSERT_NE(perdu, nullptr) << ::testing::PrintToString(Sources(*paperasse_));
  EXPECT_EQ(perdu->candidate.kind, CandidateKind::kTerm);
  EXPECT_EQ(Ids(fixture_, perdu->fixed), (std::vector<std::string>{"a1", "a2"}));
  EXPECT_TRUE(perdu->broken.empty());
}

TEST_F(PatternSuggestionsTest, ACandidateThatHitsAnswersWithoutTheCodeShowsBreaks) {
  const SuggestedPattern* temps = FindCandidate(*paperasse_, "temps");
  ASSERT_NE(temps, nullptr) << ::testing::PrintToString(Sources(*paperasse_));
  EXPECT_EQ(Ids(fixture_, temps->fixed), (std::vector<std::string>{"a1", "a2", "a3"}));
  EXPECT_EQ(Ids(fixture_, temps->broken), (std::vector<std::string>{"a5"}));
}

TEST_F(PatternSuggestionsTest, ANegatedOccurrenceIsNoFix) {
  for (const SuggestedPattern& candidate : paperasse_->candidates) {
    EXPECT_EQ(std::count(candidate.fixed.begin(), candidate.fixed.end(), 3), 0)
        << candidate.candidate.pattern.source << " counts a4, where 'Pas de' negates it";
  }
}

TEST_F(PatternSuggestionsTest, RanksByFixesMinusTwiceBreaksAndDropsRedundantSpellings) {
  // perdu: 2 - 0 = 2; temps: 3 - 2 = 1. "temps perdu" and the near pair of
  // both fix a1 and a2 as "perdu" does, with a word in common: dropped.
  EXPECT_EQ(Sources(*paperasse_), (std::vector<std::string>{"perdu", "temps"}));
}

TEST_F(PatternSuggestionsTest, ListsPatternsThatNeverFiredAndThoseThatFiredOnlyAgainstTheGold) {
  ASSERT_EQ(paperasse_->drops.size(), 2u);
  const auto& patterns = fixture_.codebook->patterns();
  EXPECT_EQ(patterns[paperasse_->drops[0].pattern].pattern->source, "formulaires");
  EXPECT_EQ(paperasse_->drops[0].reason, DropReason::kOnlyGoldLacks);
  EXPECT_EQ(paperasse_->drops[0].answers, 1u);  // a6
  EXPECT_EQ(patterns[paperasse_->drops[1].pattern].pattern->source, "bureaucratie kafkaienne");
  EXPECT_EQ(paperasse_->drops[1].reason, DropReason::kNeverFired);
  const CodeSuggestions* tarifs = ForCode(fixture_, report_, "tarifs");
  ASSERT_NE(tarifs, nullptr);
  EXPECT_TRUE(tarifs->drops.empty());  // "ccam" fired on a7, whose gold has tarifs.
}

TEST_F(PatternSuggestionsTest, CountsEqualThoseOfEachCandidateCompiledAlone) {
  const Codebook& original = fixture_.codebook->codebook();
  const int code = original.FindCode("admin.paperasse");
  for (const SuggestedPattern& suggested : paperasse_->candidates) {
    Codebook book;
    book.info = original.info;
    book.settings = original.settings;
    book.negation = original.negation;
    CodeDefinition definition;
    definition.id = "one";
    definition.label = "one";
    definition.patterns.push_back(suggested.candidate.pattern);
    book.codes.push_back(definition);
    std::vector<Diagnostic> diagnostics;
    auto alone = CompiledCodebook::Compile(book, verbatim::testing::TestNormalizer(),
                                           CompileOptions{}, &diagnostics);
    ASSERT_TRUE(alone.has_value());
    std::vector<int> fixed, broken;
    for (size_t i = 0; i < fixture_.answers.size(); ++i) {
      const CodingResult result = CodeAnswer(**alone, fixture_.answers[i].text);
      const bool hit = !result.hits.empty() && result.hits[0].negation_cue.empty();
      const CodingResult machine = CodeAnswer(*fixture_.codebook, fixture_.answers[i].text);
      const bool proposed = std::count(machine.proposed.begin(), machine.proposed.end(), code) > 0;
      const bool gold = fixture_.answers[i].gold == std::vector<int>{code};
      if (hit && gold && !proposed) fixed.push_back(static_cast<int>(i));
      if (hit && !gold && !proposed) broken.push_back(static_cast<int>(i));
    }
    EXPECT_EQ(suggested.fixed, fixed) << suggested.candidate.pattern.source;
    EXPECT_EQ(suggested.broken, broken) << suggested.candidate.pattern.source;
  }
}

TEST_F(PatternSuggestionsTest, MinFixesAndTopLimitTheCandidates) {
  SuggestOptions options;
  options.code = fixture_.codebook->codebook().FindCode("admin.paperasse");
  options.min_fixes = 3;
  auto report = SuggestPatterns(*fixture_.codebook, fixture_.answers, options);
  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->codes.size(), 1u);
  EXPECT_EQ(Sources(report->codes[0]), (std::vector<std::string>{"temps"}));
  options.min_fixes = 2;
  options.top = 1;
  report = SuggestPatterns(*fixture_.codebook, fixture_.answers, options);
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(Sources(report->codes[0]), (std::vector<std::string>{"perdu"}));
}

TEST(PatternSuggestionsStemTest, StemIsTheShortestPrefixThatAddsNoBreak) {
  auto codebook = verbatim::testing::CompileYaml(R"(
codebook: {id: t, version: "1", language: fr}
themes:
  - id: reval
    label: Revalorisation
    patterns: [ccam]
  - id: autre
    label: Autre
    patterns: [zzz]
)");
  ASSERT_NE(codebook, nullptr);
  const int reval = codebook->codebook().FindCode("reval");
  const int autre = codebook->codebook().FindCode("autre");
  // Stems of both missed words with 2 fixes: reval* … revaloris*. Only
  // "reval*" also hits b1's "revalue" (a break), so the shortest without a
  // break is "revalo*".
  const std::vector<LabeledAnswer> answers = {
      {"m1", "Revaloriser les honoraires", {reval}},
      {"m2", "Une revalorisation urgente", {reval}},
      {"b1", "La monnaie revalue", {autre}},
  };
  SuggestOptions options;
  options.code = reval;
  auto report = SuggestPatterns(*codebook, answers, options);
  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->codes.size(), 1u);
  std::vector<std::string> stems;
  for (const SuggestedPattern& candidate : report->codes[0].candidates) {
    if (candidate.candidate.kind == CandidateKind::kStem) {
      stems.push_back(candidate.candidate.pattern.source);
      EXPECT_EQ(candidate.fixed, (std::vector<int>{0, 1}));
      EXPECT_TRUE(candidate.broken.empty());
    }
  }
  EXPECT_EQ(stems, (std::vector<std::string>{"revalo*"}));
}

}  // namespace
}  // namespace verbatim
