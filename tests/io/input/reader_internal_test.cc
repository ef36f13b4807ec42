#include "io/input/reader_internal.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "io/input/utf8.h"

namespace verbatim::internal {
namespace {

// The definition, one sequence at a time.
size_t ReferenceInvalidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = ValidUtf8SequenceLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

TEST(ReaderInternalTest, TextProblemNamesTheFirstInvalidByteThenTheFirstNul) {
  EXPECT_EQ(TextProblem("été comme hiver"), "");
  EXPECT_EQ(TextProblem("ab\xFF"), "invalid UTF-8 in the text at byte offset 2");
  EXPECT_NE(TextProblem(std::string("a\0b", 3)).find("NUL byte in the text at byte offset 1"),
            std::string::npos);
  // An invalid sequence is reported before a NUL that comes first.
  EXPECT_EQ(TextProblem(std::string("a\0b\xC3(", 5)),
            "invalid UTF-8 in the text at byte offset 3");
}

TEST(ReaderInternalTest, FindsTheFirstInvalidSequenceAndNulAtAnyOffsetOfLongTexts) {
  // Long texts so that whole blocks are skipped, with every kind of
  // sequence, valid and not, cut or not, at every offset.
  std::mt19937 random(11);
  const std::vector<std::string> pieces = {
      "a", "b", " ", ".", "é", "€", "😀", "\xC2\xA0", "\xF4\x8F\xBF\xBF", std::string(1, '\0'),
      "\xC3", "\x80", "\xFF", "\xC0\x80", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
      "\xE2\x82", "\xF0\x9F\x98"};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const size_t count = std::uniform_int_distribution<size_t>(0, 120)(random);
    const int rare_percent = std::uniform_int_distribution<int>(0, 2)(random);
    for (size_t i = 0; i < count; ++i) {
      const bool rare = std::uniform_int_distribution<int>(0, 99)(random) < rare_percent;
      const size_t index = rare ? std::uniform_int_distribution<size_t>(0, pieces.size() - 1)(random)
                                : std::uniform_int_distribution<size_t>(0, 6)(random);
      text += pieces[index];
    }
    const size_t invalid = ReferenceInvalidUtf8(text);
    ASSERT_EQ(FindInvalidUtf8(text), invalid) << "text of " << text.size() << " bytes";
    const size_t nul = text.find('\0');
    const std::string problem = TextProblem(text);
    if (invalid != std::string_view::npos) {
      ASSERT_EQ(problem, "invalid UTF-8 in the text at byte offset " + std::to_string(invalid));
    } else if (nul != std::string::npos) {
      ASSERT_EQ(problem.rfind("NUL byte in the text at byte offset " + std::to_string(nul) + " ", 0),
                0u)
          << problem;
    } else {
      ASSERT_EQ(problem, "");
    }
  }
}

}  // namespace
}  // namespace verbatim::internal
