#include "core/words.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace verbatim {

bool IsWordCodePoint(int32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

void TokenizeWords(std::string_view text, std::vector<WordToken>* tokens) {
  tokens->clear();
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool in_word = false;
  WordToken current;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    const bool word = c >= 0 && IsWordCodePoint(c);
    if (word && !in_word) {
      current.begin = static_cast<uint32_t>(start);
      in_word = true;
    } else if (!word && in_word) {
      current.end = static_cast<uint32_t>(start);
      tokens->push_back(current);
      in_word = false;
    }
  }
  if (in_word) {
    current.end = static_cast<uint32_t>(length);
    tokens->push_back(current);
  }
}

size_t TokenIndexAt(const std::vector<WordToken>& tokens, size_t offset) {
  auto it = std::upper_bound(tokens.begin(), tokens.end(), offset,
                             [](size_t value, const WordToken& token) { return value < token.end; });
  return static_cast<size_t>(it - tokens.begin());
}

}  // namespace verbatim
