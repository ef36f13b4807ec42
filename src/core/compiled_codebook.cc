#include "core/compiled_codebook.h"

namespace verbatim {

Result<std::unique_ptr<CompiledCodebook>> CompiledCodebook::Compile(
    const Codebook& codebook, std::shared_ptr<const Normalizer> normalizer,
    const CompileOptions& options, std::vector<Diagnostic>* diagnostics) {
  std::unique_ptr<CompiledCodebook> compiled(new CompiledCodebook());
  compiled->codebook_ = codebook;
  compiled->normalizer_ = std::move(normalizer);
  compiled->options_ = options;
  const Codebook& book = compiled->codebook_;
  const Normalizer& norm = *compiled->normalizer_;

  // The prefilter is built from the patterns' atoms, so its diagnostic comes
  // after theirs and before the domain list's.
  bool ok = compiled->registry_.CompilePatterns(book, norm, options, diagnostics);
  if (ok) {
    std::string error;
    if (!compiled->prefilter_.Compile(compiled->registry_, options, &error)) {
      diagnostics->push_back(compiled->registry_.PatternSetError(book, options.set_max_mem, error));
      ok = false;
    }
  }
  ok = compiled->registry_.CompileDomain(book, norm, options, diagnostics) && ok;
  compiled->negation_cues_ = NegationCues(book.negation, norm);

  if (!ok) return MakeError("the codebook has errors", SourceLocation{book.path, 0, 0});
  return compiled;
}

Result<std::unique_ptr<CompiledCodebook>> CompiledCodebook::Replicate() const {
  std::vector<Diagnostic> diagnostics;  // Those of the first compile, again.
  // The first compile reported every regex's errors: the replica compiles
  // each of its RE2s when its thread first needs it.
  CompileOptions options = options_;
  options.defer_every_regex = true;
  return Compile(codebook_, normalizer_, options, &diagnostics);
}

}  // namespace verbatim
