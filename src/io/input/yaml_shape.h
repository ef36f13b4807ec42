// A pre-flight pass over YAML text that refuses documents too deep or too
// large to walk safely, before any node tree is built.
//
// Design: yaml-cpp builds nodes recursively (its own guard only trips at 2000
// levels) and keeps aliases as shared nodes, so a self-referencing alias makes
// a cycle and a "billion laughs" document makes a small tree that expands
// enormously when walked. This pass listens to the parser's events, keeps a
// running count of what the document would expand to, and stops the parser at
// the first problem, so the loader only ever walks a document that is finite
// and shallow.
#ifndef VERBATIM_IO_YAML_SHAPE_H_
#define VERBATIM_IO_YAML_SHAPE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace verbatim {

// Collections (mappings and sequences) nested deeper than this are refused.
// A codebook needs 9: themes, subthemes, patterns, near groups.
inline constexpr int kMaxYamlDepth = 64;

// Documents whose aliases expand to more nodes than this are refused.
inline constexpr std::uint64_t kMaxYamlExpandedNodes = 1'000'000;

// Documents whose aliases add more scalar text than this (bytes of the
// aliased scalars, counted once per alias) are refused: a small file can
// otherwise repeat one long string a thousand times and make the compiler
// build gigabytes of patterns. The shipped codebook's aliases add about
// 12 KB; a codebook written without aliases adds nothing.
inline constexpr std::uint64_t kMaxYamlAliasBytes = 1 << 20;

// Parses the first document of `yaml` without building nodes. Returns the
// first problem as an error Diagnostic located in `path` (1-based line and
// column): a YAML syntax error (with yaml-cpp's message), nesting deeper than
// kMaxYamlDepth, an alias to a node that contains it, or aliases expanding
// the document past kMaxYamlExpandedNodes or adding more than
// kMaxYamlAliasBytes of text (located at the alias that crosses the budget,
// the message stating the budget). Returns nullopt when the document
// is safe to load. Thread-safe: no shared state.
std::optional<Diagnostic> CheckYamlShape(std::string_view yaml, const std::string& path);

}  // namespace verbatim

#endif  // VERBATIM_IO_YAML_SHAPE_H_
