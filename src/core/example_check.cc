#include "core/example_check.h"

#include <algorithm>

namespace verbatim {
namespace {

bool Counts(const Codebook& book, const CodingResult& result, int code) {
  return std::any_of(result.counted.begin(), result.counted.end(), [&](int counted) {
    return counted == code || book.codes[counted].theme_index == code;
  });
}

}  // namespace

std::vector<ExampleOutcome> RunExamples(const CompiledCodebook& codebook) {
  const Codebook& book = codebook.codebook();
  std::vector<ExampleOutcome> outcomes;
  CodingScratch scratch;
  for (size_t code = 0; code < book.codes.size(); ++code) {
    for (ExampleKind kind : {ExampleKind::kExample, ExampleKind::kCounterexample}) {
      const auto& list = kind == ExampleKind::kExample ? book.codes[code].examples
                                                       : book.codes[code].counterexamples;
      for (const TextExample& example : list) {
        ExampleOutcome outcome;
        outcome.code = static_cast<int>(code);
        outcome.kind = kind;
        outcome.example = &example;
        CodeAnswer(codebook, example.text, &scratch, &outcome.result);
        const bool counted = Counts(book, outcome.result, static_cast<int>(code));
        outcome.passed = kind == ExampleKind::kExample ? counted : !counted;
        outcomes.push_back(std::move(outcome));
      }
    }
  }
  return outcomes;
}

}  // namespace verbatim
