#include "core/words.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <unicode/utf8.h>

namespace verbatim {
namespace {

// The definition, one code point at a time: maximal runs of word code
// points; an invalid byte is a separator.
std::vector<std::pair<uint32_t, uint32_t>> ReferenceTokens(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> tokens;
  const int32_t length = static_cast<int32_t>(text.size());
  bool in_word = false;
  uint32_t begin = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    const bool word = c >= 0 && IsWordCodePoint(c);
    if (word && !in_word) begin = static_cast<uint32_t>(start);
    if (!word && in_word) tokens.push_back({begin, static_cast<uint32_t>(start)});
    in_word = word;
  }
  if (in_word) tokens.push_back({begin, static_cast<uint32_t>(length)});
  return tokens;
}

std::vector<std::pair<uint32_t, uint32_t>> Tokens(std::string_view text) {
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const WordToken& token : tokens) out.push_back({token.begin, token.end});
  return out;
}

TEST(WordsTest, WordsAreRunsOfLettersAndDigitsOfAnyScript) {
  const std::string text = "l'été 2025, straße…日本語 😀ok";
  const auto tokens = Tokens(text);
  std::vector<std::string> words;
  for (const auto& [begin, end] : tokens) words.push_back(text.substr(begin, end - begin));
  EXPECT_EQ(words, (std::vector<std::string>{"l", "été", "2025", "straße", "日本語", "ok"}));
}

TEST(WordsTest, InvalidBytesSeparateWords) {
  EXPECT_EQ(Tokens("ab\xFF" "cd\xC3"), (std::vector<std::pair<uint32_t, uint32_t>>{{0, 2}, {3, 5}}));
}

TEST(WordsTest, TokenizerAgreesWithTheDefinitionOnRandomBytes) {
  // Long texts, mostly ASCII, so that whole 64-byte blocks take the fast
  // path and words cross block edges; some non-ASCII and invalid bytes.
  std::mt19937 random(7);
  const std::vector<std::string> ascii = {"a", "Z", "9", "q", "x", "0", " ", " ", ".", "'", "-",
                                          "\n", "[", "@", "`", "{", "/", ":", "\x7F", "\x1A"};
  const std::vector<std::string> other = {
      "é", "ß", "€", "…", "😀", "日", "\xC3", "\x80", "\xFF", "\xE2\x80", "\xF0\x9F",
      "\xEF\xBF\xBD", "\xC2\xA0"};
  auto pick = [&random](const std::vector<std::string>& from) -> const std::string& {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random)];
  };
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const size_t count = std::uniform_int_distribution<size_t>(0, 400)(random);
    const int other_percent = std::uniform_int_distribution<int>(0, 3)(random) * 2;
    for (size_t i = 0; i < count; ++i) {
      const bool non_ascii = std::uniform_int_distribution<int>(0, 99)(random) < other_percent;
      text += pick(non_ascii ? other : ascii);
    }
    ASSERT_EQ(Tokens(text), ReferenceTokens(text)) << "text of " << text.size() << " bytes";
  }
}

TEST(WordsTest, TokenIndexAtFindsTheFirstTokenEndingAfterAnOffset) {
  std::vector<WordToken> tokens;
  TokenizeWords("ab cd ef", &tokens);
  EXPECT_EQ(TokenIndexAt(tokens, 0), 0u);
  EXPECT_EQ(TokenIndexAt(tokens, 2), 1u);
  EXPECT_EQ(TokenIndexAt(tokens, 7), 2u);
  EXPECT_EQ(TokenIndexAt(tokens, 8), 3u);
}

}  // namespace
}  // namespace verbatim
