#include "core/words.h"

#include <algorithm>

#include <unicode/utf8.h>

namespace verbatim {

const std::vector<CodePointRange>& WordCharacterRanges() {
  // Left out: ASCII punctuation and controls, Latin-1 punctuation and symbols
  // (U+0080–U+00BF, × and ÷), General Punctuation through Miscellaneous
  // Symbols and Arrows (U+2000–U+2BFF: dashes, quotes, €, arrows, math,
  // dingbats), CJK punctuation (U+3000–U+303F), surrogates and private use,
  // specials (U+FFF0–U+FFFF, including U+FFFD), emoji and pictographs
  // (U+1F000–U+1FAFF).
  static const std::vector<CodePointRange> ranges = {
      {'0', '9'},         {'A', 'Z'},         {'a', 'z'},         {0xAA, 0xAA},
      {0xB2, 0xB3},       {0xB5, 0xB5},       {0xB9, 0xBA},       {0xBC, 0xBE},
      {0xC0, 0xD6},       {0xD8, 0xF6},       {0xF8, 0x1FFF},     {0x2C00, 0x2FFF},
      {0x3040, 0xD7FF},   {0xF900, 0xFFEF},   {0x10000, 0x1EFFF}, {0x1FB00, 0x10FFFF}};
  return ranges;
}

bool IsWordCodePoint(int32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  for (const CodePointRange& range : WordCharacterRanges()) {
    if (c < range.first) return false;
    if (c <= range.last) return true;
  }
  return false;
}

void TokenizeWords(std::string_view text, std::vector<WordToken>* tokens) {
  tokens->clear();
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool in_word = false;
  WordToken current;
  while (i < length) {
    const int32_t start = i;
    const auto byte = static_cast<unsigned char>(text[i]);
    bool word;
    if (byte < 0x80) {  // Normalized text is mostly ASCII: no decoding.
      word = (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') ||
             (byte >= 'A' && byte <= 'Z');
      ++i;
    } else {
      UChar32 c;
      U8_NEXT(text.data(), i, length, c);
      word = c >= 0 && IsWordCodePoint(c);
    }
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
