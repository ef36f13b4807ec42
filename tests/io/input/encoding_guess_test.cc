#include "io/input/encoding_guess.h"

#include <gtest/gtest.h>

#include <string>

namespace verbatim {
namespace {

TEST(EncodingGuessTest, FindsTheFirstInvalidByteBeforeAnyUtf8Sequence) {
  struct Case {
    const char* name;
    std::string head;
    bool complete;
    bool refused;
    size_t offset;
    size_t line;
  };
  const Case cases[] = {
      {"ASCII only", "id,text\n1,abc\n", true, false, 0, 0},
      {"UTF-8 accents", "id,text\n1,D\xC3\xA9passements\n", true, false, 0, 0},
      {"Windows-1252 accent", "id,text\n1,D\xE9passements\n", true, true, 11, 2},
      {"UTF-8 first, bad byte after", "t\n\xC3\xA9t\xC3\xA9\nD\xE9passements\n", true, false, 0,
       0},
      {"bad byte first, UTF-8 after", "t\nD\xE9passements\n\xC3\xA9t\xC3\xA9\n", true, true, 3, 2},
      {"UTF-8 byte order mark", "\xEF\xBB\xBFt\nD\xE9passements\n", true, false, 0, 0},
      {"lone CR ends a line", "t\r1\r\n\xE0 2\n", true, true, 5, 3},
      {"sequence cut by the end of the head", "t\n\xC3", false, false, 0, 0},
      {"sequence cut by the end of the input", "t\n\xC3", true, true, 2, 2},
  };
  for (const Case& c : cases) {
    const auto sign = FindNotUtf8Sign(c.head, c.complete);
    ASSERT_EQ(sign.has_value(), c.refused) << c.name;
    if (!sign) continue;
    EXPECT_EQ(sign->offset, c.offset) << c.name;
    EXPECT_EQ(sign->line, c.line) << c.name;
    EXPECT_EQ(sign->byte, static_cast<unsigned char>(c.head[c.offset])) << c.name;
  }
}

TEST(EncodingGuessTest, MessageNamesWindows1252AndTheFlag) {
  EXPECT_EQ(NotUtf8Message(NotUtf8Sign{11, 2, 0xE9}),
            "byte 0xE9 (byte offset 11) is not UTF-8: the file is likely Windows-1252 (0xE9 is "
            "'\xC3\xA9' there; Excel's CSV on Windows is saved so): pass --encoding windows-1252 "
            "(or --encoding utf-8 to read it as UTF-8, rows with bad bytes as errors)");
}

TEST(EncodingGuessTest, MessageMakesNoGuessForAByteWindows1252LeavesUndefined) {
  const std::string message = NotUtf8Message(NotUtf8Sign{0, 1, 0x81});
  EXPECT_NE(message.find("the file is not UTF-8"), std::string::npos) << message;
  EXPECT_EQ(message.find("likely Windows-1252"), std::string::npos) << message;
}

}  // namespace
}  // namespace verbatim
