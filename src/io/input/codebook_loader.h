// Loads a YAML codebook into the Codebook model. With io/input/yaml_shape.h and
// the quanteda dictionary reader (dictionary_reader.h), the only yaml-cpp users.
//
// Design: loading never stops at the first problem. It returns the codebook
// as far as it could be read together with every diagnostic found, each
// with the YAML position (1-based line and column) of the offending node:
// YAML syntax errors, a document that is not a mapping, unknown keys (with a
// did-you-mean suggestion), duplicate keys, wrong types, missing required
// keys, pattern mappings with no kind or several. A document nested deeper
// than 64 levels, or whose aliases loop or expand past a million nodes, is
// refused with one error before it is walked (io/input/yaml_shape.h). Semantic
// checks that do not need YAML (duplicate ids, ids that do not belong to
// their theme, weights out of range, conflicts naming unknown codes) are in
// core/codebook_checker.h.
#ifndef VERBATIM_IO_CODEBOOK_LOADER_H_
#define VERBATIM_IO_CODEBOOK_LOADER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/codebook.h"
#include "core/status.h"

namespace verbatim {

struct LoadedCodebook {
  Codebook codebook;                     // Partial when diagnostics hold errors.
  std::vector<Diagnostic> diagnostics;   // In file order.
};

// Thread-safe: no shared state. Neither function throws (short of
// std::bad_alloc): YAML errors become diagnostics.
//
// Reads and parses the file. A file that cannot be read is one error
// diagnostic naming the file and the system's reason.
LoadedCodebook LoadCodebookFile(const std::string& path);

// Parses YAML text; `path` is used in locations and messages only.
LoadedCodebook LoadCodebookText(std::string_view yaml, const std::string& path);

}  // namespace verbatim

#endif  // VERBATIM_IO_CODEBOOK_LOADER_H_
