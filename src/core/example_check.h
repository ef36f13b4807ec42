// Runs a codebook's embedded examples as tests.
//
// An example of a code passes when coding it counts the code (for a theme:
// the theme or any of its subthemes is counted), or, for a theme of a
// codebook with review_theme_alone, when the theme is proposed alone and
// that is the answer's only reason for review: the setting sends every such
// answer to a human, so a theme's own example can show no more. A counterexample passes
// when the code is not counted (it may still be proposed in review: that is
// what exclusions and negations are for).
#ifndef VERBATIM_CORE_EXAMPLE_CHECK_H_
#define VERBATIM_CORE_EXAMPLE_CHECK_H_

#include <string>
#include <vector>

#include "core/coder.h"
#include "core/compiled_codebook.h"

namespace verbatim {

enum class ExampleKind { kExample, kCounterexample };

struct ExampleOutcome {
  int code = -1;
  ExampleKind kind = ExampleKind::kExample;
  const TextExample* example = nullptr;  // Points into the compiled codebook.
  bool passed = false;
  CodingResult result;
};

// Every example and counterexample of every code, in codebook order.
std::vector<ExampleOutcome> RunExamples(const CompiledCodebook& codebook);

}  // namespace verbatim

#endif  // VERBATIM_CORE_EXAMPLE_CHECK_H_
