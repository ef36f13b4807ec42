#include "run/codebook_setup.h"

#include "core/codebook_checker.h"
#include "core/pattern_overlap.h"

namespace verbatim {

Result<std::shared_ptr<const Normalizer>> SharedNormalizer() {
  static Result<std::shared_ptr<const Normalizer>> normalizer =
      []() -> Result<std::shared_ptr<const Normalizer>> {
    auto created = Normalizer::Create();
    if (!created) return tl::unexpected(created.error());
    return std::shared_ptr<const Normalizer>(std::move(*created));
  }();
  return normalizer;
}

CodebookSetup SetUpCodebook(const std::string& path, const CompileOptions& options) {
  return SetUpLoadedCodebook(LoadCodebookFile(path), options);
}

CodebookSetup SetUpLoadedCodebook(LoadedCodebook loaded, const CompileOptions& options) {
  CodebookSetup setup;
  setup.diagnostics = std::move(loaded.diagnostics);
  if (HasErrors(setup.diagnostics)) return setup;
  std::vector<Diagnostic> checked = CheckCodebook(loaded.codebook);
  auto normalizer = SharedNormalizer();
  if (!normalizer) {
    setup.diagnostics.push_back(Diagnostic{Severity::kError, {}, normalizer.error().message});
    return setup;
  }
  if (!HasErrors(checked)) {
    // Both concern the same file: shown together in file order.
    std::vector<Diagnostic> overlaps = FindPatternOverlaps(loaded.codebook, **normalizer);
    checked.insert(checked.end(), overlaps.begin(), overlaps.end());
    SortByLocation(&checked);
  }
  setup.diagnostics.insert(setup.diagnostics.end(), checked.begin(), checked.end());
  if (HasErrors(setup.diagnostics)) return setup;
  auto compiled = CompiledCodebook::Compile(loaded.codebook, *normalizer, options,
                                            &setup.diagnostics);
  if (compiled) setup.compiled = std::move(*compiled);
  return setup;
}

void PrintDiagnostics(std::ostream& err, const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) err << FormatDiagnostic(diagnostic) << '\n';
}

}  // namespace verbatim
