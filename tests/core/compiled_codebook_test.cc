#include "core/compiled_codebook.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/codebook_setup.h"
#include "core/coder.h"
#include "io/codebook_loader.h"

namespace verbatim {
namespace {

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

constexpr char kHeader[] = R"(codebook: {id: t, version: "1", language: fr}
themes:
  - id: a
    label: A
    patterns:
)";

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

TEST(CompiledCodebookTest, LongPatternsAreCutInMessages) {
  const std::string source = "(" + std::string(100, 'a') + "";
  const Compiled compiled = CompileText(std::string(kHeader) + "      - regex: '" + source + "'\n");
  ASSERT_EQ(compiled.diagnostics.size(), 1u);
  EXPECT_NE(compiled.diagnostics[0].find("pattern '(" + std::string(79, 'a') + "…' of 'a'"),
            std::string::npos)
      << compiled.diagnostics[0];
}

TEST(CompiledCodebookTest, PatternSetOverItsBudgetNamesTheLargestPattern) {
  CompileOptions options;
  options.set_max_mem = 64 << 10;  // Each pattern fits alone; together they do not.
  std::string yaml = kHeader;
  for (int i = 0; i < 40; ++i) yaml += "      - mot" + std::to_string(i) + "\n";
  yaml += "      - regex: '[a-z]{900}'\n";
  const Compiled compiled = CompileText(yaml, options);
  EXPECT_EQ(compiled.codebook, nullptr);
  ASSERT_EQ(compiled.diagnostics.size(), 1u);
  EXPECT_EQ(compiled.diagnostics[0],
            "cb.yaml:46:9: error: the codebook's 41 patterns together exceed RE2's memory budget "
            "for the pattern set (64 KiB); the largest, located here, is '[a-z]{900}' of 'a': "
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
