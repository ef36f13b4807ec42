#include "cli/codebook_setup.h"

#include "core/codebook_checker.h"
#include "io/codebook_loader.h"

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

CodebookSetup SetUpCodebook(const std::string& path) {
  CodebookSetup setup;
  LoadedCodebook loaded = LoadCodebookFile(path);
  setup.diagnostics = std::move(loaded.diagnostics);
  if (HasErrors(setup.diagnostics)) return setup;
  std::vector<Diagnostic> checked = CheckCodebook(loaded.codebook);
  setup.diagnostics.insert(setup.diagnostics.end(), checked.begin(), checked.end());
  if (HasErrors(setup.diagnostics)) return setup;
  auto normalizer = SharedNormalizer();
  if (!normalizer) {
    setup.diagnostics.push_back(Diagnostic{Severity::kError, {}, normalizer.error().message});
    return setup;
  }
  auto compiled = CompiledCodebook::Compile(loaded.codebook, *normalizer, CompileOptions{},
                                            &setup.diagnostics);
  if (compiled) setup.compiled = std::move(*compiled);
  return setup;
}

void PrintDiagnostics(std::ostream& err, const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) err << FormatDiagnostic(diagnostic) << '\n';
}

}  // namespace verbatim
