#include "core/compiled_codebook.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cli/codebook_setup.h"
#include "core/words.h"
#include "tests/testing/answers.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

std::vector<int> Candidates(const CompiledCodebook& codebook, const std::string& normalized) {
  std::vector<WordToken> tokens;
  TokenizeWords(normalized, &tokens);
  PrefilterScratch scratch;
  std::vector<int> candidates;
  RE2::Set::ErrorInfo error;
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

TEST(CompiledCodebookTest, AtomSetAgreesWithEachAtomRegex) {
  CodebookSetup setup =
      SetUpCodebook(std::string(VERBATIM_SOURCE_DIR) + "/codebooks/optam_changes.yaml");
  ASSERT_NE(setup.compiled, nullptr);
  const CompiledCodebook& codebook = *setup.compiled;
  for (const std::string& answer : testing::SampleAnswers()) {
    const std::string normalized = codebook.normalizer().Normalize(answer);
    std::vector<int> from_set;
    RE2::Set::ErrorInfo error;
    codebook.set().Match(normalized, &from_set, &error);
    EXPECT_EQ(error.kind, RE2::Set::kNoError);
    std::sort(from_set.begin(), from_set.end());
    std::vector<int> from_atoms;
    for (size_t atom = 0; atom < codebook.atoms().size(); ++atom) {
      if (RE2::PartialMatch(normalized, *codebook.atoms()[atom].regex)) {
        from_atoms.push_back(static_cast<int>(atom));
      }
    }
    EXPECT_EQ(from_set, from_atoms) << normalized;
  }
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
        PrefilterCase{"cre", "créer", false}));

}  // namespace
}  // namespace verbatim
