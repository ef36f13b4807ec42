#include "core/prefilter.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "io/input/codebook_loader.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

// Candidates are exercised through CompiledCodebook in
// compiled_codebook_test.cc; these tests are about the unit on its own.

constexpr char kYaml[] = R"(
codebook: {id: t, version: "1", language: fr}
themes:
  - id: a
    label: A
    patterns:
      - revalori*
      - near: [[hausse], [tarif*]]
        within: 3
      - regex: 'g\s?=\s?\d+'
      - regex: 'ccam[^.]{0,40}sous'
)";

std::vector<int> Candidates(const Prefilter& prefilter, const Normalizer& normalizer,
                            const std::string& text) {
  const std::string normalized = normalizer.Normalize(text);
  std::vector<WordToken> tokens;
  TokenizeWords(normalized, &tokens);
  PrefilterScratch scratch;
  std::vector<int> candidates;
  PrefilterError error = PrefilterError::kOutOfMemory;
  EXPECT_TRUE(prefilter.FindCandidates(normalized, tokens, &scratch, &candidates, &error));
  EXPECT_EQ(error, PrefilterError::kNone);
  return candidates;
}

TEST(PrefilterTest, AnEmptyPrefilterFindsNoCandidateAndKnowsNoWord) {
  const Prefilter prefilter;
  EXPECT_TRUE(Candidates(prefilter, *testing::TestNormalizer(), "une revalorisation").empty());
  EXPECT_EQ(prefilter.TypoSharedBytes("revalorisation"), 1u);  // any word's first byte
  EXPECT_EQ(prefilter.key_count(), 0);
  EXPECT_EQ(prefilter.gated_regex_count(), 0);
  EXPECT_EQ(prefilter.gate_atom_count(), 0);
}

TEST(PrefilterTest, OutlivesTheRegistryItWasCompiledFrom) {
  const Codebook codebook = LoadCodebookText(kYaml, "cb.yaml").codebook;
  const auto normalizer = testing::TestNormalizer();
  Prefilter prefilter;
  {
    auto registry = std::make_unique<AtomRegistry>();
    std::vector<Diagnostic> diagnostics;
    ASSERT_TRUE(registry->CompilePatterns(codebook, *normalizer, {}, &diagnostics));
    std::string error;
    ASSERT_TRUE(prefilter.Compile(*registry, {}, &error)) << error;
  }
  EXPECT_EQ(Candidates(prefilter, *normalizer, "Revalorisation et hausse des tarifs"),
            (std::vector<int>{0, 1}));
  EXPECT_EQ(Candidates(prefilter, *normalizer, "G = 30, ccam trop sous-évaluée"),
            (std::vector<int>{2, 3}));
  EXPECT_EQ(prefilter.TypoSharedBytes("revalorisations"), 8u);  // Under the stem "revalori".
  EXPECT_EQ(prefilter.TypoSharedBytes("hausses"), 1u);           // Unknown.
  EXPECT_EQ(prefilter.TypoSharedBytes("hausse"), 0u);            // A whole word.
  EXPECT_EQ(prefilter.gated_regex_count(), 1);
}

TEST(PrefilterTest, SetOverItsBudgetIsOutOfMemory) {
  std::string yaml = R"(
codebook: {id: t, version: "1", language: fr}
themes:
  - id: a
    label: A
    patterns:
)";
  for (int i = 0; i < 7; ++i) yaml += "      - regex: 'x" + std::to_string(i) + "[a-z]{300}'\n";
  const Codebook codebook = LoadCodebookText(yaml, "cb.yaml").codebook;
  AtomRegistry registry;
  std::vector<Diagnostic> diagnostics;
  ASSERT_TRUE(registry.CompilePatterns(codebook, *testing::TestNormalizer(), {}, &diagnostics));
  CompileOptions options;
  options.set_max_mem = 64 << 10;
  Prefilter prefilter;
  std::string error;
  EXPECT_FALSE(prefilter.Compile(registry, options, &error));
  EXPECT_EQ(error, "out of memory");
}

}  // namespace
}  // namespace verbatim
