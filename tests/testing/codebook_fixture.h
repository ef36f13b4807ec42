// Builds a compiled codebook from YAML text for unit tests.
#ifndef VERBATIM_TESTS_TESTING_CODEBOOK_FIXTURE_H_
#define VERBATIM_TESTS_TESTING_CODEBOOK_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "run/codebook_setup.h"
#include "core/compiled_codebook.h"
#include "io/input/codebook_loader.h"

namespace verbatim::testing {

// The process's shared normalizer; fails the test when ICU's data cannot
// be loaded.
inline std::shared_ptr<const Normalizer> TestNormalizer() {
  auto normalizer = SharedNormalizer();
  EXPECT_TRUE(normalizer.has_value());
  return normalizer ? *normalizer : nullptr;
}

// Loads, checks nothing beyond the loader, compiles; fails the test on any
// error diagnostic.
inline std::unique_ptr<CompiledCodebook> CompileYaml(const std::string& yaml) {
  LoadedCodebook loaded = LoadCodebookText(yaml, "test.yaml");
  for (const Diagnostic& d : loaded.diagnostics) {
    EXPECT_NE(d.severity, Severity::kError) << FormatDiagnostic(d);
  }
  auto normalizer = SharedNormalizer();
  EXPECT_TRUE(normalizer.has_value());
  std::vector<Diagnostic> diagnostics;
  auto compiled = CompiledCodebook::Compile(loaded.codebook, *normalizer, CompileOptions{}, &diagnostics);
  for (const Diagnostic& d : diagnostics) ADD_FAILURE() << FormatDiagnostic(d);
  if (!compiled) return nullptr;
  return std::move(*compiled);
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_CODEBOOK_FIXTURE_H_
