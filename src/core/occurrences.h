// Every occurrence of one compiled atom (core/compiled_codebook.h) in
// normalized text, as evidence spans.
//
// Design: the Set pass only says which atoms occur; this is the second step,
// done on hits only, that says where. It is shared by the coder (which looks
// at a few occurrences per pattern) and by kwic (which lists them all), so
// that both see the same words for the same pattern.
#ifndef VERBATIM_CORE_OCCURRENCES_H_
#define VERBATIM_CORE_OCCURRENCES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/compiled_codebook.h"

namespace verbatim {

// A byte range [begin, end) of a text.
struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
};

// The occurrences of `atom` in `text` (normalized), in text order, at most
// `limit`. Each span is the atom's evidence group: for generated patterns
// (terms, phrases, near groups) group 1 without the trailing boundary
// character it consumed, so it covers exactly the pattern's words; for user
// regexes the whole match (which may be empty). Occurrences do not overlap,
// except that a search resumes one byte after an empty match.
// REQUIRES: limit >= 0.
std::vector<TextSpan> FindOccurrences(const Atom& atom, std::string_view text, int limit);

}  // namespace verbatim

#endif  // VERBATIM_CORE_OCCURRENCES_H_
