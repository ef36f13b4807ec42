#include "core/words.h"

#include <algorithm>
#include <cstring>

#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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


namespace {

// A tokenizer's position: inside a word (since `begin`) or not.
struct TokenizerState {
  bool in_word = false;
  uint32_t begin = 0;

  void Switch(uint32_t at, std::vector<WordToken>* tokens) {
    if (in_word) {
      tokens->push_back(WordToken{begin, at});
    } else {
      begin = at;
    }
    in_word = !in_word;
  }
};

// Tokenizes text[i, stop) one code point at a time (a multi-byte sequence
// that starts before `stop` is read whole). Returns where it stopped.
int32_t TokenizeSlowly(std::string_view text, int32_t i, int32_t stop, TokenizerState* state,
                       std::vector<WordToken>* tokens) {
  const int32_t length = static_cast<int32_t>(text.size());
  while (i < stop) {
    const int32_t start = i;
    const auto byte = static_cast<unsigned char>(text[i]);
    bool word;
    if (byte < 0x80) {
      word = IsWordCodePoint(byte);
      ++i;
    } else {
      UChar32 c;
      U8_NEXT(text.data(), i, length, c);
      word = c >= 0 && IsWordCodePoint(c);
    }
    if (word != state->in_word) state->Switch(static_cast<uint32_t>(start), tokens);
  }
  return i;
}

#if defined(__SSE2__)
// Bit k is set when byte k of the 64 bytes at `p` is an ASCII letter or
// digit; *non_ascii gets the bytes >= 0x80 the same way.
inline uint64_t AsciiWordBits(const unsigned char* p, uint64_t* non_ascii) {
  uint64_t word = 0;
  uint64_t high = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // Bytes >= 0x80 are negative as signed chars, so they fail every test.
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                         _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    word |= static_cast<uint64_t>(static_cast<uint32_t>(
                _mm_movemask_epi8(_mm_or_si128(letter, digit))))
            << (16 * k);
    high |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(v))) << (16 * k);
  }
  *non_ascii = high;
  return word;
}
#endif

}  // namespace

void TokenizeWords(std::string_view text, std::vector<WordToken>* tokens) {
  tokens->clear();
  TokenizerState state;
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
#if defined(__SSE2__)
  // Normalized text is mostly ASCII: 64 bytes at a time, word boundaries
  // are the bit transitions of a mask, without a branch per byte. A block
  // with a non-ASCII byte goes the slow way.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (length - i >= 64) {
    uint64_t non_ascii;
    const uint64_t word = AsciiWordBits(bytes + i, &non_ascii);
    if (non_ascii != 0) {
      i = TokenizeSlowly(text, i, i + 64, &state, tokens);
      continue;
    }
    // Bit k of `before` says whether byte k-1 is a word byte.
    const uint64_t before = (word << 1) | (state.in_word ? 1 : 0);
    for (uint64_t switches = word ^ before; switches != 0; switches &= switches - 1) {
      state.Switch(static_cast<uint32_t>(i + __builtin_ctzll(switches)), tokens);
    }
    i += 64;
  }
  // The last bytes the same way, from a copy padded with spaces.
  if (i < length) {
    unsigned char block[64];
    const int32_t rest = length - i;
    std::memset(block, ' ', sizeof block);
    std::memcpy(block, bytes + i, static_cast<size_t>(rest));
    uint64_t non_ascii;
    const uint64_t word = AsciiWordBits(block, &non_ascii);
    if (non_ascii == 0) {
      const uint64_t before = (word << 1) | (state.in_word ? 1 : 0);
      const uint64_t in_text = rest == 64 ? ~uint64_t{0} : (uint64_t{1} << rest) - 1;
      for (uint64_t switches = (word ^ before) & in_text; switches != 0;
           switches &= switches - 1) {
        state.Switch(static_cast<uint32_t>(i + __builtin_ctzll(switches)), tokens);
      }
      i = length;
    }
  }
#endif
  TokenizeSlowly(text, i, length, &state, tokens);
  if (state.in_word) tokens->push_back(WordToken{state.begin, static_cast<uint32_t>(length)});
}

size_t TokenIndexAt(const std::vector<WordToken>& tokens, size_t offset) {
  auto it = std::upper_bound(tokens.begin(), tokens.end(), offset,
                             [](size_t value, const WordToken& token) { return value < token.end; });
  return static_cast<size_t>(it - tokens.begin());
}

}  // namespace verbatim
