// Patterns that add nothing: duplicates of another pattern, and patterns
// fully shadowed by a broader one of the same code.
//
// Design: two patterns are compared by what they match, not by how they are
// written: duplicates are found on the normalized compiled regex sources
// (PatternRegexSources), so "Rémunération" and "remuneration", or the
// phrases "indexation de l'inflation" and "indexation sur l inflation",
// are the same pattern. Shadowing is decided on words, conservatively (a
// warning is only given when it is certain; the one case left out is an
// "after" negation cue written inside an include pattern): a term or
// phrase A is covered by a term or phrase B when every text A matches, B
// matches too at the same place, which holds when
//   - B is one word that covers A's first word (a stem covers the words it
//     is a prefix of, and longer stems; a plain word covers only itself):
//     `revalori*` covers `revalorisation`, `revalorisa*` and the phrase
//     "revalorisation des actes", but not "pas de revalorisation", where a
//     negation cue inside A would negate B alone;
//   - B has several words, A as many, each covered in turn, and B is a
//     phrase or A is strict (a phrase tolerates more between its words).
// Regexes and near patterns are only compared for duplicates.
// The checks need the normalizer, which is why they are not in
// core/codebook_checker.h (that one reads the model alone).
#ifndef VERBATIM_CORE_PATTERN_OVERLAP_H_
#define VERBATIM_CORE_PATTERN_OVERLAP_H_

#include <vector>

#include "core/codebook.h"
#include "core/normalizer.h"
#include "core/status.h"

namespace verbatim {

// Returns warnings, sorted by position in the file (stable), each located
// at the pattern that adds nothing and naming the other pattern's location.
// At most one warning per pattern, the first that applies:
//   - a duplicate (same compiled regexes; for near patterns also the same
//     `within`) of an earlier include pattern of any code (both codes then
//     always get evidence together), or of an earlier pattern of the same
//     code (include or exclusion: an include that is also an exclusion of
//     its code makes the code excluded whenever it hits);
//   - an include shadowed by another include of the same code whose weight
//     reaches the threshold on its own (when the broader pattern is weaker,
//     the narrower one still adds weight, which is a legitimate design);
//   - an include shadowed by an exclusion of the same code: it can never
//     count;
//   - an exclusion shadowed by another exclusion of the same code.
// Exclusions of different codes, and an exclusion narrower than an include
// of its code (the usual design), are never reported.
// Patterns that compile to nothing (no word) are skipped: the compiler
// reports them. Thread-safe: reads its arguments only.
std::vector<Diagnostic> FindPatternOverlaps(const Codebook& codebook, const Normalizer& normalizer);

}  // namespace verbatim

#endif  // VERBATIM_CORE_PATTERN_OVERLAP_H_
