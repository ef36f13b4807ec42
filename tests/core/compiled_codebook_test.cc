#include "core/compiled_codebook.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "run/codebook_setup.h"
#include "core/coder.h"
#include "core/words.h"
#include "io/input/codebook_loader.h"
#include "tests/testing/answers.h"
#include "tests/testing/codebook_fixture.h"
#include "tests/testing/result_text.h"

namespace verbatim {
namespace {

std::vector<int> Candidates(const CompiledCodebook& codebook, const std::string& normalized) {
  std::vector<WordToken> tokens;
  TokenizeWords(normalized, &tokens);
  PrefilterScratch scratch;
  std::vector<int> candidates;
  PrefilterError error = PrefilterError::kNone;
  EXPECT_TRUE(codebook.FindCandidates(normalized, tokens, &scratch, &candidates, &error));
  return candidates;
}

// The patterns whose every atom's exact regex matches: what the prefilter
// must never miss.
std::vector<int> ExactPatterns(const CompiledCodebook& codebook, const std::string& normalized) {
  std::vector<int> patterns;
  for (size_t p = 0; p < codebook.patterns().size(); ++p) {
    const std::vector<int>& atoms = codebook.patterns()[p].atoms;
    if (std::all_of(atoms.begin(), atoms.end(), [&](int atom) {
          return RE2::PartialMatch(normalized, *codebook.atoms()[atom].regex);
        })) {
      patterns.push_back(static_cast<int>(p));
    }
  }
  return patterns;
}

void ExpectCandidatesCover(const CompiledCodebook& codebook, const std::string& text) {
  const std::string normalized = codebook.normalizer().Normalize(text);
  const std::vector<int> candidates = Candidates(codebook, normalized);
  EXPECT_TRUE(std::is_sorted(candidates.begin(), candidates.end()));
  for (int pattern : ExactPatterns(codebook, normalized)) {
    EXPECT_TRUE(std::binary_search(candidates.begin(), candidates.end(), pattern))
        << "pattern '" << codebook.patterns()[pattern].pattern->source << "' matches '"
        << normalized << "' but is no candidate";
  }
}

TEST(CompiledCodebookTest, CandidatesCoverEveryMatchOfTheShippedCodebookOnRealAnswers) {
  CodebookSetup setup =
      SetUpCodebook(std::string(VERBATIM_SOURCE_DIR) + "/codebooks/optam_changes.yaml");
  ASSERT_NE(setup.compiled, nullptr);
  const std::vector<std::string> answers = testing::SampleAnswers();
  ASSERT_GT(answers.size(), 150u);
  size_t matched = 0;
  for (const std::string& answer : answers) {
    ExpectCandidatesCover(*setup.compiled, answer);
    matched += !ExactPatterns(*setup.compiled, setup.compiled->normalizer().Normalize(answer)).empty();
  }
  EXPECT_GT(matched, answers.size() / 2);  // The check is not vacuous.
}

TEST(CompiledCodebookTest, DeferredRegexesCodeExactlyAsRegexesCompiledUpFront) {
  const std::string path = std::string(VERBATIM_SOURCE_DIR) + "/codebooks/optam_changes.yaml";
  CompileOptions eager;
  eager.defer_generated_regexes = false;
  CodebookSetup deferred_setup = SetUpCodebook(path);
  CodebookSetup eager_setup = SetUpCodebook(path, eager);
  ASSERT_NE(deferred_setup.compiled, nullptr);
  ASSERT_NE(eager_setup.compiled, nullptr);
  size_t coded = 0;
  for (const std::string& answer : testing::SampleAnswers()) {
    const CodingResult deferred = CodeAnswer(*deferred_setup.compiled, answer);
    const CodingResult up_front = CodeAnswer(*eager_setup.compiled, answer);
    EXPECT_EQ(deferred.status, up_front.status) << answer;
    EXPECT_EQ(deferred.counted, up_front.counted) << answer;
    EXPECT_EQ(deferred.proposed, up_front.proposed) << answer;
    ASSERT_EQ(deferred.hits.size(), up_front.hits.size()) << answer;
    coded += deferred.status == AnswerStatus::kCoded;
  }
  EXPECT_GT(coded, 50u);
  // Every regex of the eager codebook was compiled by Compile, and valid.
  for (const Atom& atom : eager_setup.compiled->atoms()) EXPECT_TRUE(atom.regex->ok());
}

TEST(CompiledCodebookTest, ReplicaHasRegexesOfItsOwnAndCodesExactlyTheSame) {
  CodebookSetup setup =
      SetUpCodebook(std::string(VERBATIM_SOURCE_DIR) + "/codebooks/optam_changes.yaml");
  ASSERT_NE(setup.compiled, nullptr);
  auto replica = setup.compiled->Replicate();
  ASSERT_TRUE(replica.has_value()) << replica.error().message;
  const CompiledCodebook& copy = **replica;
  // Its own RE2 objects: no DFA cache (nor its lock) is shared.
  ASSERT_NE(copy.negation_before(), nullptr);
  EXPECT_NE(copy.negation_before(), setup.compiled->negation_before());
  EXPECT_NE(copy.negation_after(), setup.compiled->negation_after());
  ASSERT_EQ(copy.patterns().size(), setup.compiled->patterns().size());
  ASSERT_EQ(copy.atoms().size(), setup.compiled->atoms().size());
  for (size_t p = 0; p < copy.patterns().size(); ++p) {
    EXPECT_EQ(copy.patterns()[p].code, setup.compiled->patterns()[p].code);
    EXPECT_EQ(copy.patterns()[p].pattern->source, setup.compiled->patterns()[p].pattern->source);
  }
  size_t with_hits = 0;
  for (const std::string& answer : testing::SampleAnswers()) {
    const std::string original = testing::ResultText(CodeAnswer(*setup.compiled, answer));
    EXPECT_EQ(testing::ResultText(CodeAnswer(copy, answer)), original) << answer;
    with_hits += !CodeAnswer(copy, answer).hits.empty();
  }
  EXPECT_GT(with_hits, 100u);  // The comparison is not vacuous.
}

constexpr char kYaml[] = R"(
codebook: {id: t, version: "1", language: fr}
themes:
  - id: a
    label: A
    patterns:
      - revalori*
      - ccam
      - "indexation sur l'inflation"
      - "sous-evalu*"
      - "de la"
      - near: [[hausse, "mise a jour"], [tarif*, "actes techniques"]]
        within: 3
      - regex: 'g\s?=\s?\d+'
      - regex: 'caf[eé]'
      - term: "créer"
      - regex: 'consult\w*[^.;!?]{0,30}\b\d{2,3}\s?(€|euros?\b)'
      - regex: '\bn[o°]\s?\d{1,5}\b'
)";

struct PrefilterCase {
  std::string text;
  std::string pattern;  // Source of the pattern expected among the candidates.
  bool candidate;
};

std::ostream& operator<<(std::ostream& out, const PrefilterCase& c) {
  return out << "'" << c.pattern << "' on '" << c.text << "'";
}

class PrefilterTest : public ::testing::TestWithParam<PrefilterCase> {
 protected:
  static void SetUpTestSuite() { compiled_ = testing::CompileYaml(kYaml).release(); }
  static void TearDownTestSuite() { delete compiled_; }
  static CompiledCodebook* compiled_;
};
CompiledCodebook* PrefilterTest::compiled_ = nullptr;

TEST_P(PrefilterTest, CandidatesFollowWordsAndNeverMissAMatch) {
  const PrefilterCase& c = GetParam();
  ASSERT_NE(compiled_, nullptr);
  ExpectCandidatesCover(*compiled_, c.text);
  const std::string normalized = compiled_->normalizer().Normalize(c.text);
  bool found = false;
  for (int pattern : Candidates(*compiled_, normalized)) {
    found |= compiled_->patterns()[pattern].pattern->source == c.pattern;
  }
  EXPECT_EQ(found, c.candidate);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PrefilterTest,
    ::testing::Values(
        PrefilterCase{"Revalorisation !", "revalori*", true},
        PrefilterCase{"revalori", "revalori*", true},  // A stem is its own word too.
        PrefilterCase{"dérevalorisation", "revalori*", false},
        PrefilterCase{"la CCAM", "ccam", true},
        PrefilterCase{"la ccamx", "ccam", false},
        PrefilterCase{"optam-ccam", "ccam", true},
        PrefilterCase{"l'inflation et l’indexation", "indexation sur l'inflation", true},
        PrefilterCase{"indexation seule", "indexation sur l'inflation", false},
        PrefilterCase{"actes sous-évalués", "sous-evalu*", true},
        PrefilterCase{"ce sont de la", "de la", true},
        PrefilterCase{"une hausse des tarifs", "near([hausse|mise a jour], [tarif*|actes techniques]; 3)", true},
        PrefilterCase{"la mise à jour des actes techniques",
                      "near([hausse|mise a jour], [tarif*|actes techniques]; 3)", true},
        PrefilterCase{"la mise à jour", "near([hausse|mise a jour], [tarif*|actes techniques]; 3)",
                      false},
        PrefilterCase{"une hausse des actes", "near([hausse|mise a jour], [tarif*|actes techniques]; 3)",
                      false},
        PrefilterCase{"G = 30", "g\\s?=\\s?\\d+", true},
        PrefilterCase{"rien", "g\\s?=\\s?\\d+", false},
        PrefilterCase{"un café", "caf[eé]", true},
        PrefilterCase{"Créer", "créer", true},
        PrefilterCase{"cre", "créer", false},
        // Gated by their atoms (a counted range): "consult" and "€" or
        // "euro"; "€" is not ASCII, so it counts as always found.
        PrefilterCase{"Consultation à 30 €", "consult\\w*[^.;!?]{0,30}\\b\\d{2,3}\\s?(€|euros?\\b)",
                      true},
        PrefilterCase{"une consultation payée 25 euros",
                      "consult\\w*[^.;!?]{0,30}\\b\\d{2,3}\\s?(€|euros?\\b)", true},
        PrefilterCase{"30 euros", "consult\\w*[^.;!?]{0,30}\\b\\d{2,3}\\s?(€|euros?\\b)", false},
        // No atom of 3 bytes: a candidate on every answer.
        PrefilterCase{"n° 12", "\\bn[o°]\\s?\\d{1,5}\\b", true},
        PrefilterCase{"rien", "\\bn[o°]\\s?\\d{1,5}\\b", true}));

// One theme "a", its patterns to follow.
constexpr char kHeader[] = R"(codebook: {id: t, version: "1", language: fr}
themes:
  - id: a
    label: A
    patterns:
)";

TEST(CompiledCodebookTest, RegexesWithACountedRangeAreGatedByTheirAtoms) {
  const std::unique_ptr<CompiledCodebook> prefilter_codebook = testing::CompileYaml(kYaml);
  ASSERT_NE(prefilter_codebook, nullptr);
  EXPECT_EQ(prefilter_codebook->gated_regex_count(), 2);
  EXPECT_GT(prefilter_codebook->gate_atom_count(), 0);

  const std::unique_ptr<CompiledCodebook> compiled =
      testing::CompileYaml(std::string(kHeader) + R"(      - regex: 'g\s?\d{2,3}'
      - regex: 'a\{0,9\}'
      - regex: 'x[{0,9}]+'
      - regex: 'ccam[^.]{0,40}sous'
      - regex: 'tarif\w*( \w+){2,}'
)");
  ASSERT_NE(compiled, nullptr);
  EXPECT_EQ(compiled->gated_regex_count(), 2);  // {0,40} and {2,}: not {2,3}, escaped or in [].
  for (const char* answer : {"la ccam est sous-évaluée", "des tarifs trop bas partout", "g 25",
                             "a{0,9}", "x{9"}) {
    SCOPED_TRACE(answer);
    EXPECT_EQ(CodeAnswer(*compiled, answer).status, AnswerStatus::kCoded);
  }
  EXPECT_EQ(CodeAnswer(*compiled, "la ccam. sous").status, AnswerStatus::kUncoded);
}

TEST(CompiledCodebookTest, ARegexWrittenInTwoCodesGivesEvidenceToBoth) {
  const std::unique_ptr<CompiledCodebook> compiled =
      testing::CompileYaml(std::string(kHeader) + R"(      - regex: 'tarifs? libres?'
  - id: b
    label: B
    patterns:
      - regex: 'tarifs? libres?'
      - regex: 'ccam[^.]{0,40}sous'
  - id: c
    label: C
    patterns:
      - regex: 'ccam[^.]{0,40}sous'
)");
  ASSERT_NE(compiled, nullptr);
  const int a = compiled->codebook().FindCode("a");
  const int b = compiled->codebook().FindCode("b");
  const int c = compiled->codebook().FindCode("c");
  // One regex in the Set, one gated by its atoms: each, twice.
  EXPECT_EQ(CodeAnswer(*compiled, "des tarifs libres").proposed, (std::vector<int>{a, b}));
  EXPECT_EQ(CodeAnswer(*compiled, "la ccam est sous-évaluée").proposed, (std::vector<int>{b, c}));
}

struct Compiled {
  std::unique_ptr<CompiledCodebook> codebook;  // Null on errors.
  std::vector<std::string> diagnostics;
};

Compiled CompileText(const std::string& yaml, const CompileOptions& options = {}) {
  LoadedCodebook loaded = LoadCodebookText(yaml, "cb.yaml");
  Compiled out;
  for (const Diagnostic& d : loaded.diagnostics) out.diagnostics.push_back(FormatDiagnostic(d));
  if (HasErrors(loaded.diagnostics)) return out;
  std::vector<Diagnostic> diagnostics;
  auto compiled =
      CompiledCodebook::Compile(loaded.codebook, *SharedNormalizer(), options, &diagnostics);
  for (const Diagnostic& d : diagnostics) out.diagnostics.push_back(FormatDiagnostic(d));
  if (compiled) out.codebook = std::move(*compiled);
  return out;
}

TEST(CompiledCodebookTest, RegexOverItsMemoryBudgetIsNamedWithItsLine) {
  const Compiled compiled = CompileText(std::string(kHeader) +
                                        "      - ccam\n"
                                        "      - regex: '\\pL{1000}'\n");
  EXPECT_EQ(compiled.codebook, nullptr);
  EXPECT_EQ(compiled.diagnostics,
            std::vector<std::string>{
                "cb.yaml:7:9: error: pattern '\\pL{1000}' of 'a' is too large for RE2's memory "
                "budget (16 MiB per pattern): make it smaller (fewer or shorter repetitions, "
                "narrower character classes) or split it into several patterns"});
}

TEST(CompiledCodebookTest, LongGeneratedRegexOverItsBudgetIsReportedAtLoad) {
  // Generated regexes under a 64th of the budget wait for their first use
  // (which `code` never makes); a longer one is compiled at load, so that
  // one over the budget is still an error located at its pattern.
  std::string group;
  for (char a = 'b'; a <= 'z'; ++a) {
    for (char b = 'b'; b <= 'z'; ++b) group += std::string(group.empty() ? "" : ", ") + a + b;
  }
  CompileOptions small;
  small.pattern_max_mem = int64_t{64} << 10;
  const Compiled compiled =
      CompileText(std::string(kHeader) + "      - ccam\n      - near: [[" + group + "], [zz]]\n",
                  small);
  EXPECT_EQ(compiled.codebook, nullptr);
  ASSERT_EQ(compiled.diagnostics.size(), 1u);
  EXPECT_EQ(compiled.diagnostics[0].rfind("cb.yaml:7:9: error: pattern 'near([bb|bc|", 0), 0u)
      << compiled.diagnostics[0];
  EXPECT_NE(compiled.diagnostics[0].find("is too large for RE2's memory budget (64 KiB per "
                                         "pattern)"),
            std::string::npos)
      << compiled.diagnostics[0];
  // With the default budget the same pattern is far from it, and deferred.
  EXPECT_NE(CompileText(std::string(kHeader) + "      - near: [[" + group + "], [zz]]\n").codebook,
            nullptr);
}

TEST(CompiledCodebookTest, LongPatternsAreCutInMessages) {
  const std::string source = "(" + std::string(100, 'a') + "";
  const Compiled compiled = CompileText(std::string(kHeader) + "      - regex: '" + source + "'\n");
  ASSERT_EQ(compiled.diagnostics.size(), 1u);
  EXPECT_NE(compiled.diagnostics[0].find("pattern '(" + std::string(79, 'a') + "…' of 'a'"),
            std::string::npos)
      << compiled.diagnostics[0];
}

TEST(CompiledCodebookTest, PatternSetOverItsBudgetNamesTheLargestRegex) {
  CompileOptions options;
  options.set_max_mem = 64 << 10;  // Each regex fits alone; together they do not.
  std::string yaml = kHeader;
  for (int i = 0; i < 40; ++i) yaml += "      - mot" + std::to_string(i) + "\n";  // Not in the Set.
  for (int i = 0; i < 6; ++i) yaml += "      - regex: 'x" + std::to_string(i) + "[a-z]{300}'\n";
  yaml += "      - regex: '[a-z]{400}'\n";
  const Compiled compiled = CompileText(yaml, options);
  EXPECT_EQ(compiled.codebook, nullptr);
  ASSERT_EQ(compiled.diagnostics.size(), 1u);
  EXPECT_EQ(compiled.diagnostics[0],
            "cb.yaml:52:9: error: the codebook's 7 regexes together exceed RE2's memory budget "
            "for the pattern set (64 KiB); the largest, located here, is '[a-z]{400}' of 'a': "
            "simplify it, or split the codebook");
}

TEST(CompiledCodebookTest, RegexMatchingEverythingIsAWarningAndHitsEveryAnswer) {
  const Compiled compiled = CompileText(std::string(kHeader) + "      - regex: '.*'\n");
  ASSERT_NE(compiled.codebook, nullptr);
  EXPECT_EQ(compiled.diagnostics,
            std::vector<std::string>{"cb.yaml:6:9: warning: regex '.*' of 'a' can match the "
                                     "empty string: it hits every answer"});
  for (const char* answer : {"", "rien", "\xFF"}) {
    SCOPED_TRACE(answer);
    EXPECT_EQ(CodeAnswer(*compiled.codebook, answer).status, AnswerStatus::kCoded);
  }
}

}  // namespace
}  // namespace verbatim
