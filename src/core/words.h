// Words in normalized text, with the same definition of a word character as
// the compiled patterns (core/pattern_compiler.h): a Unicode letter or digit.
#ifndef VERBATIM_CORE_WORDS_H_
#define VERBATIM_CORE_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace verbatim {

// True for general categories L* and N* (what RE2's [\pL\pN] matches).
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
