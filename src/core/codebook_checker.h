// Semantic checks on a loaded codebook, independent of its file format.
//
// Reports every problem at once, each located at the YAML node it concerns:
// errors for duplicate code ids, a subtheme id that does not start with its
// theme's id and a dot, ids that are not [a-z0-9_]+ (dot-separated), a
// missing label, weights outside (0, 1], a `within` outside [1, 50], a
// threshold outside (0, 10], an empty pattern, conflicts naming unknown
// codes or a code twice; warnings for a code with no pattern, a duplicate
// pattern within a code.
#ifndef VERBATIM_CORE_CODEBOOK_CHECKER_H_
#define VERBATIM_CORE_CODEBOOK_CHECKER_H_

#include <vector>

#include "core/codebook.h"
#include "core/status.h"

namespace verbatim {

std::vector<Diagnostic> CheckCodebook(const Codebook& codebook);

}  // namespace verbatim

#endif  // VERBATIM_CORE_CODEBOOK_CHECKER_H_
