// Semantic checks on a loaded codebook, independent of its file format.
//
// Design: the loader (io/input/codebook_loader.h) checks the YAML's structure; this
// checks what the values mean, on the model alone, so that a codebook built
// in code is held to the same rules. Every problem is reported at once.
#ifndef VERBATIM_CORE_CODEBOOK_CHECKER_H_
#define VERBATIM_CORE_CODEBOOK_CHECKER_H_

#include <vector>

#include "core/codebook.h"
#include "core/status.h"

namespace verbatim {

// Returns every problem, sorted by position in the file (stable, so problems
// at one node keep the order below), each located at the node concerned (a
// value with no location is reported against Codebook::path).
//
// Errors:
//   - no code at all;
//   - an empty or duplicate code id (the message names the first location);
//   - a theme id that is not [a-z0-9_]+; a subtheme id that does not start
//     with "<theme id>." or whose rest is not [a-z0-9_]+;
//   - an empty or blank label;
//   - a weight outside (0, 1]; an empty term, phrase or regex;
//   - a near pattern with `within` outside [1, 50], fewer than 2 groups, an
//     empty group or an empty term in a group;
//   - threshold outside (0, 10], review_uncoded_min_words < 1,
//     negation_window outside [0, 20];
//   - a conflict naming an unknown code (with a did-you-mean suggestion from
//     the code ids) or the same code twice.
// Warnings:
//   - a subtheme with no include pattern, or a theme with neither patterns
//     nor subthemes: no answer can get it;
//   - review_dismissals on with no dismissal (negation.after_sentence) to
//     look for.
// Duplicate and shadowed patterns are found by core/pattern_overlap.h, which
// compares what patterns match once normalized.
//
// Meant for a codebook that loaded without errors: on a partial one it may
// repeat what the loader said (a missing label is also an empty one).
// Does not compile regexes: the pattern compiler reports RE2's errors.
// Thread-safe: reads `codebook` only.
std::vector<Diagnostic> CheckCodebook(const Codebook& codebook);

// Lints for `check` alone (not shown at every load): a warning per phrase,
// as a pattern or a near item, that has one content word once its optional
// function words are left out, when that word is short (4 letters or
// fewer) or a stopword: "sa part" finds "part", "pour tous" finds "tous".
// Sorted by position in the file. Thread-safe.
std::vector<Diagnostic> FindLoosePhrases(const Codebook& codebook);

}  // namespace verbatim

#endif  // VERBATIM_CORE_CODEBOOK_CHECKER_H_
