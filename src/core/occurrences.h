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

// The words inside the whole match `whole` of a generated regex
// (pattern_compiler.h's BoundedAlternation, whose group 1 they are): without
// the boundary code point before them (the words begin with a word
// character, so a first code point that is not one is that boundary) and
// without trailing ASCII non-word bytes. Lets callers ask RE2 for the whole
// match only, which its DFAs find alone, where a capture group costs a
// slower engine on every match.
TextSpan BoundedMatchWords(std::string_view text, TextSpan whole);

}  // namespace verbatim

#endif  // VERBATIM_CORE_OCCURRENCES_H_
