#include "run/codebook_setup.h"

#include "core/atom_registry.h"
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

namespace {

bool ByPosition(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.location.line, a.location.column) <
         std::tie(b.location.line, b.location.column);
}

// Adds RE2's errors in the codebook's regexes, which compiling would report
// but is not reached on a codebook with other errors.
void AddRegexErrors(const Codebook& codebook, std::vector<Diagnostic>& diagnostics) {
  auto normalizer = SharedNormalizer();
  if (!normalizer) return;
  std::vector<Diagnostic> errors = FindRegexErrors(codebook, **normalizer);
  diagnostics.insert(diagnostics.end(), errors.begin(), errors.end());
  std::stable_sort(diagnostics.begin(), diagnostics.end(), ByPosition);
}

// Adds the checker's errors about a codebook the loader read only in part.
// Where the loader already reported an error at the same position ("missing
// required key 'id'"), the checker's ("empty theme id") says the same thing
// less precisely and is left out; warnings wait until the errors are fixed.
void AddPartialCheck(const Codebook& codebook, std::vector<Diagnostic>& diagnostics) {
  const size_t loaded = diagnostics.size();
  for (Diagnostic& checked : CheckCodebook(codebook)) {
    if (checked.severity != Severity::kError) continue;
    const bool repeated =
        std::any_of(diagnostics.begin(), diagnostics.begin() + static_cast<std::ptrdiff_t>(loaded),
                    [&](const Diagnostic& d) {
                      return d.severity == Severity::kError &&
                             d.location.line == checked.location.line &&
                             d.location.column == checked.location.column;
                    });
    if (!repeated) diagnostics.push_back(std::move(checked));
  }
  std::stable_sort(diagnostics.begin(), diagnostics.end(), ByPosition);
}

}  // namespace

CodebookSetup SetUpCodebook(const std::string& path, const CompileOptions& options) {
  return SetUpLoadedCodebook(LoadCodebookFile(path), options);
}

CodebookSetup SetUpLoadedCodebook(LoadedCodebook loaded, const CompileOptions& options) {
  CodebookSetup setup;
  setup.diagnostics = std::move(loaded.diagnostics);
  if (HasErrors(setup.diagnostics)) {
    // What the loader could read is still checked, so that one run shows
    // every problem; with no code read (a YAML syntax error, a document that
    // is not a mapping) the checker would only repeat that nothing is there.
    if (!loaded.codebook.codes.empty()) {
      AddPartialCheck(loaded.codebook, setup.diagnostics);
      AddRegexErrors(loaded.codebook, setup.diagnostics);
    }
    return setup;
  }
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
  if (HasErrors(setup.diagnostics)) {
    AddRegexErrors(loaded.codebook, setup.diagnostics);
    return setup;
  }
  auto compiled = CompiledCodebook::Compile(loaded.codebook, *normalizer, options,
                                            &setup.diagnostics);
  if (compiled) setup.compiled = std::move(*compiled);
  return setup;
}

void PrintDiagnostics(std::ostream& err, const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) err << FormatDiagnostic(diagnostic) << '\n';
}

}  // namespace verbatim
