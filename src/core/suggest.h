// "Did you mean …?" suggestions for misspelt keys and code ids.
//
// Design: one small edit-distance helper shared by the codebook loader
// (unknown YAML keys), the checker (conflicts naming unknown codes) and the
// CLI, so every message suggests the same way. Distances are counted in
// bytes: keys and code ids are ASCII by the codebook format.
#ifndef VERBATIM_CORE_SUGGEST_H_
#define VERBATIM_CORE_SUGGEST_H_

#include <string>
#include <string_view>
#include <vector>

namespace verbatim {

// The largest edit distance at which SuggestClosest proposes a candidate.
inline constexpr int kMaxSuggestionDistance = 2;

// Optimal string alignment distance (Damerau-Levenshtein restricted to
// non-overlapping edits): the number of single-byte insertions, deletions,
// substitutions and transpositions of two adjacent bytes that turn `a` into
// `b`. Case-sensitive. EditDistance("subthems", "subthemes") == 1,
// EditDistance("ccma", "ccam") == 1.
int EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, or "" when none is close enough: a
// candidate is close enough when its distance is at most
// kMaxSuggestionDistance and smaller than word's length (so that "x" does not
// suggest "id"). Ties go to the earliest candidate, so the answer is
// deterministic for a given candidate order. A candidate equal to `word` is
// returned as is.
std::string SuggestClosest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace verbatim

#endif  // VERBATIM_CORE_SUGGEST_H_
