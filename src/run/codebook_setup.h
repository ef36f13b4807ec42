// Loading, checking and compiling a codebook for any subcommand, with every
// diagnostic printed compiler-style.
#ifndef VERBATIM_RUN_CODEBOOK_SETUP_H_
#define VERBATIM_RUN_CODEBOOK_SETUP_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/compiled_codebook.h"
#include "core/status.h"
#include "io/input/codebook_loader.h"

namespace verbatim {

struct CodebookSetup {
  std::unique_ptr<CompiledCodebook> compiled;  // Null when there are errors.
  std::vector<Diagnostic> diagnostics;         // Loader, checker and overlaps, compiler.
};

// Loads, checks and compiles. Prints nothing.
CodebookSetup SetUpCodebook(const std::string& path, const CompileOptions& options = {});

// The same after loading: the checker's problems and pattern overlaps
// (core/pattern_overlap.h, looked for only when the checker found no error)
// in file order, then the compiler's. When the loader reported errors, the
// codebook it read in part is still checked (errors only, none repeating a
// loader error at the same position) and nothing is compiled. This is
// exactly what `verbatim check` reports; the broken-codebook tests call it.
CodebookSetup SetUpLoadedCodebook(LoadedCodebook loaded, const CompileOptions& options = {});

// Prints each diagnostic on its own line.
void PrintDiagnostics(std::ostream& err, const std::vector<Diagnostic>& diagnostics);

// The normalizer every command shares (built once per process).
Result<std::shared_ptr<const Normalizer>> SharedNormalizer();

}  // namespace verbatim

#endif  // VERBATIM_RUN_CODEBOOK_SETUP_H_
