// Writes a Codebook as the YAML that io/input/codebook_loader.h reads, for
// codebooks made by a program (`import dictionary`).
//
// Design: every string is written double-quoted with YAML's escapes, so no
// word of a dictionary ("yes", "null", "#1", ": ") can change meaning, and
// the output is the same bytes for the same codebook. Written: the header
// comment lines, `codebook`, `settings` (all three values), then `themes`
// with id, label, description, use_when, not_when (when not empty),
// patterns and exclusions (a term or phrase of weight 1 with typos on and no
// note as a plain string, any other pattern as a mapping), examples,
// counterexamples and subthemes. Not written (REQUIRES them empty or left to
// their defaults): negation lists, aliases, typos, domain, conflicts.
#ifndef VERBATIM_IO_CODEBOOK_WRITER_H_
#define VERBATIM_IO_CODEBOOK_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/codebook.h"

namespace verbatim {

// Writes `codebook` to `out`, after `comments` (one "# " line each; line
// ends inside a comment are written as spaces). Does not check the codebook.
void WriteCodebookYaml(const Codebook& codebook, const std::vector<std::string>& comments,
                       std::ostream& out);

// `text` as a double-quoted YAML scalar.
std::string YamlQuoted(std::string_view text);

}  // namespace verbatim

#endif  // VERBATIM_IO_CODEBOOK_WRITER_H_
