#include "core/atom_registry.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <re2/re2.h>

#include "core/regex_options.h"
#include "core/vocabulary.h"
#include "io/input/codebook_loader.h"
#include "tests/testing/codebook_fixture.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

constexpr char kYaml[] = R"(
codebook: {id: t, version: "1", language: fr}
domain: [tarif*, "secteur 2", "?!"]
themes:
  - id: a
    label: A
    patterns:
      - revalori*
      - near: [[hausse, "mise a jour"], [tarif*]]
        within: 3
    exclude: [baisse]
  - id: b
    label: B
    patterns:
      - regex: 'g\s?=\s?\d+'
conflicts:
  - [a, b]
  - [a, nothing]
)";

struct Registry {
  Codebook codebook;
  AtomRegistry registry;
  std::vector<Diagnostic> diagnostics;
  bool patterns_ok = false;
  bool domain_ok = false;
};

// Heap-held: the registry's patterns point into `codebook`.
std::unique_ptr<Registry> Compile(const std::string& yaml) {
  auto out = std::make_unique<Registry>();
  LoadedCodebook loaded = LoadCodebookText(yaml, "cb.yaml");
  EXPECT_FALSE(HasErrors(loaded.diagnostics));
  out->codebook = std::move(loaded.codebook);
  auto normalizer = testing::TestNormalizer();
  out->patterns_ok =
      out->registry.CompilePatterns(out->codebook, *normalizer, {}, &out->diagnostics);
  out->domain_ok = out->registry.CompileDomain(out->codebook, *normalizer, {}, &out->diagnostics);
  return out;
}

TEST(AtomRegistryTest, NumbersPatternsInCodebookOrderAndAtomsPatternByPattern) {
  const auto compiled = Compile(kYaml);
  ASSERT_TRUE(compiled->patterns_ok);
  const AtomRegistry& registry = compiled->registry;
  ASSERT_EQ(registry.patterns().size(), 4u);
  EXPECT_EQ(registry.patterns()[0].pattern->source, "revalori*");
  EXPECT_EQ(registry.patterns()[2].role, PatternRole::kExclude);  // After the code's patterns.
  EXPECT_EQ(registry.patterns()[3].code, 1);
  // The near pattern has one atom per group; atoms follow their patterns.
  EXPECT_EQ(registry.patterns()[1].atoms, (std::vector<int>{1, 2}));
  ASSERT_EQ(registry.atoms().size(), 5u);
  for (size_t p = 0; p < registry.patterns().size(); ++p) {
    for (int atom : registry.patterns()[p].atoms) {
      EXPECT_EQ(registry.atoms()[atom].pattern, static_cast<int>(p));
    }
  }
}

TEST(AtomRegistryTest, UserRegexesHaveNoWordSequences) {
  const auto compiled = Compile(kYaml);
  ASSERT_TRUE(compiled->patterns_ok);
  const AtomRegistry& registry = compiled->registry;
  for (size_t atom = 0; atom < registry.atoms().size(); ++atom) {
    SCOPED_TRACE(atom);
    EXPECT_EQ(registry.IsUserRegex(static_cast<int>(atom)), atom == 4);
    EXPECT_EQ(registry.atoms()[atom].sequences.empty(), atom == 4);
    EXPECT_EQ(registry.atoms()[atom].span_group, atom == 4 ? 0 : 1);
  }
}

TEST(AtomRegistryTest, AtomsOfOneRegexSourcePointToTheFirst) {
  const auto compiled = Compile(R"(
codebook: {id: t, version: "1", language: fr}
themes:
  - id: a
    label: A
    patterns: [{regex: 'g\s?=\s?\d+'}, tarif]
  - id: b
    label: B
    patterns: [{regex: 'cs\s?=\s?\d+'}]
    exclude: [{regex: 'g\s?=\s?\d+'}]
)");
  ASSERT_TRUE(compiled->patterns_ok);
  std::vector<int> first;
  for (const Atom& atom : compiled->registry.atoms()) first.push_back(atom.first_same_regex);
  EXPECT_EQ(first, (std::vector<int>{0, -1, 2, 0}));
}

// AtomRegistry defers a generated regex whose source is under a 64th of the
// per-pattern budget, on the ground that no generated source needs more than
// 16 bytes of RE2 budget per byte. The densest shapes it can build, and every
// long source of the shipped codebook, compile within 16 bytes per byte.
TEST(AtomRegistryTest, GeneratedSourcesNeedLittleBudgetPerByte) {
  const std::string letters = "bcdfghjklmnpqrstvwxz";  // No French function word.
  std::string phrases, stems, pairs;
  for (size_t i = 0; i < 300; ++i) {
    std::string phrase;
    for (size_t j = 0; j < 8; ++j) phrase += std::string(j ? " " : "") + letters[(i + j) % 20];
    phrases += (i ? ", \"" : "\"") + phrase + "\"";
    stems += std::string(i ? ", " : "") + letters[i % 20] + letters[(i / 20) % 20] + "*";
    pairs += std::string(i ? ", " : "") + letters[i % 20] + letters[(i * 7) % 20];
  }
  std::vector<std::string> yamls = {R"(
codebook: {id: t, version: "1", language: fr}
aliases: {dp: [depassement*, "depassements d'honoraires"]}
typos: {enabled: true}
themes:
  - id: a
    label: A
    patterns:
      - near: [[)" + phrases + R"(], [zz]]
      - near: [[)" + stems + R"(], [dp]]
      - near: [[)" + pairs + R"(], ["dp libres"]]
)"};
  yamls.push_back(testing::ReadFile(std::string(VERBATIM_SOURCE_DIR) +
                                           "/codebooks/optam_changes.yaml"));
  ASSERT_FALSE(yamls.back().empty());
  size_t checked = 0;
  for (const std::string& yaml : yamls) {
    LoadedCodebook loaded = LoadCodebookText(yaml, "cb.yaml");
    ASSERT_FALSE(HasErrors(loaded.diagnostics));
    const auto normalizer = testing::TestNormalizer();
    const PatternVocabulary vocabulary(loaded.codebook, *normalizer);
    for (const CodeDefinition& code : loaded.codebook.codes) {
      for (const Pattern& pattern : code.patterns) {
        if (pattern.kind == PatternKind::kRegex) continue;
        for (const std::string& source : PatternRegexSources(pattern, *normalizer, vocabulary)) {
          if (source.size() < 1024) continue;  // RE2's fixed costs weigh on short ones.
          const RE2 regex(source, CodebookRegexOptions(int64_t{16} * source.size()));
          EXPECT_TRUE(regex.ok()) << source.size() << " bytes: " << source.substr(0, 200);
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 50u);  // Not vacuous: the shipped codebook has dozens.
}

TEST(AtomRegistryTest, ResolvesConflictsToCodeIndices) {
  const auto compiled = Compile(kYaml);
  ASSERT_TRUE(compiled->patterns_ok);
  EXPECT_EQ(compiled->registry.conflict_codes(),
            (std::vector<std::pair<int, int>>{{0, 1}, {0, -1}}));
}

TEST(AtomRegistryTest, DomainWordWithNoWordIsAnErrorOfTheDomainStep) {
  const auto compiled = Compile(kYaml);
  EXPECT_TRUE(compiled->patterns_ok);
  EXPECT_FALSE(compiled->domain_ok);
  EXPECT_EQ(compiled->registry.domain_atoms().size(), 2u);
  ASSERT_EQ(compiled->diagnostics.size(), 1u);
  EXPECT_EQ(FormatDiagnostic(compiled->diagnostics[0]),
            "cb.yaml:3:31: error: domain word '?!' has no word to match (only punctuation or "
            "function words?)");
}

}  // namespace
}  // namespace verbatim
