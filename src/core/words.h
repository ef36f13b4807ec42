// Words in normalized text, with the same definition of a word character as
// the compiled patterns (core/pattern_compiler.h).
//
// Design: a word character is an ASCII letter or digit, or a non-ASCII code
// point outside the blocks of punctuation, symbols and emoji. Normalized
// text has no capitals, no accents and no typographic punctuation left (see
// core/normalizer.h), so this coarse table is exact on French and keeps
// letters of other scripts inside words. It replaces RE2's [\pL\pN] on
// purpose: those classes expand to hundreds of UTF-8 ranges in every
// pattern, which made compiling a 350-pattern codebook take seconds and
// every first match build a large DFA.
#ifndef VERBATIM_CORE_WORDS_H_
#define VERBATIM_CORE_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace verbatim {

struct CodePointRange {
  int32_t first;
  int32_t last;  // Inclusive.
};

// The word-character ranges, ascending and disjoint.
const std::vector<CodePointRange>& WordCharacterRanges();

// True when the code point lies in WordCharacterRanges().
bool IsWordCodePoint(int32_t code_point);

struct WordToken {
  uint32_t begin = 0;  // Byte offsets in the text, end exclusive.
  uint32_t end = 0;
};

// Appends every maximal run of word characters to `tokens` (cleared first).
// Invalid UTF-8 bytes are separators.
void TokenizeWords(std::string_view text, std::vector<WordToken>* tokens);

// Index of the first token whose end is after `offset` (tokens.size() if none).
size_t TokenIndexAt(const std::vector<WordToken>& tokens, size_t offset);

}  // namespace verbatim

#endif  // VERBATIM_CORE_WORDS_H_
