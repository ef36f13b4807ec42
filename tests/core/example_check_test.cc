#include "core/example_check.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

// A theme with evidence of its own and one subtheme; `settings` is spliced in.
std::string Yaml(const std::string& settings) {
  return "codebook: {id: t, version: '1', language: fr}\n"
         "settings: {" + settings + "}\n"
         "themes:\n"
         "  - id: reval\n"
         "    label: Revalorisation\n"
         "    patterns: [\"tarifs decents\"]\n"
         "    examples: [\"Des tarifs décents.\"]\n"
         "    counterexamples: [\"Des tarifs décents, revaloriser la CCAM.\"]\n"
         "    subthemes:\n"
         "      - id: reval.ccam\n"
         "        label: CCAM\n"
         "        patterns: [\"revaloriser la ccam\", {term: ccam, weight: 0.5}]\n"
         "        examples: [\"Revaloriser la CCAM.\", \"La CCAM.\"]\n";
}

// passed, in codebook order: reval's example and counterexample, then reval.ccam's two examples.
std::string Passed(const std::string& settings) {
  const auto compiled = testing::CompileYaml(Yaml(settings));
  if (compiled == nullptr) return "not compiled";
  std::string out;
  for (const ExampleOutcome& outcome : RunExamples(*compiled)) out += outcome.passed ? '1' : '0';
  return out;
}

TEST(ExampleCheckTest, AnExampleMustBeCountedACounterexampleNot) {
  // "La CCAM." is weak evidence: in review, not counted, so that example fails;
  // the counterexample holds the subtheme, which counts its theme: it fails too.
  EXPECT_EQ(Passed("threshold: 1.0"), "1010");
}

TEST(ExampleCheckTest, WithReviewThemeAloneAThemesExampleMayOnlyBeProposed) {
  // The theme's example goes to review as theme_alone, its only reason: it
  // passes; the weak subtheme example still fails.
  EXPECT_EQ(Passed("threshold: 1.0, review_theme_alone: true"), "1010");
}

}  // namespace
}  // namespace verbatim
