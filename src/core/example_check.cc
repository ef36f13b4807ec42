#include "core/example_check.h"

#include <algorithm>

namespace verbatim {
namespace {

bool Counts(const Codebook& book, const CodingResult& result, int code) {
  return std::any_of(result.counted.begin(), result.counted.end(), [&](int counted) {
    return counted == code || book.codes[counted].theme_index == code;
  });
}

// The answer is disputed only because `code`, a theme, came alone.
bool OnlyThemeAlone(const CodingResult& result, int code) {
  return !result.reasons.empty() &&
         std::all_of(result.reasons.begin(), result.reasons.end(), [&](const ReviewNote& note) {
           return note.reason == ReviewReason::kThemeAlone && note.codes.size() == 1 &&
                  note.codes[0] == code;
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
        outcome.passed = kind == ExampleKind::kExample
                             ? counted || OnlyThemeAlone(outcome.result, static_cast<int>(code))
                             : !counted;
        outcomes.push_back(std::move(outcome));
      }
    }
  }
  return outcomes;
}

}  // namespace verbatim
