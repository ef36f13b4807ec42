#include "io/input/single_byte_decoder.h"

#include <gtest/gtest.h>

#include <iterator>
#include <sstream>
#include <string>

namespace verbatim {
namespace {

TEST(SingleByteDecoderTest, MapsBytesThroughIcu) {
  struct Case {
    const char* encoding;
    unsigned char byte;
    std::string utf8;
  };
  const Case cases[] = {
      {"windows-1252", 'a', "a"},
      {"windows-1252", 0xE9, "\xC3\xA9"},      // é
      {"windows-1252", 0x80, "\xE2\x82\xAC"},  // €
      {"windows-1252", 0x92, "\xE2\x80\x99"},  // ’
      {"windows-1252", 0x9C, "\xC5\x93"},      // œ
      {"ISO-8859-15", 0xA4, "\xE2\x82\xAC"},   // €
      {"ISO-8859-15", 0xBD, "\xC5\x93"},       // œ
      {"ISO-8859-1", 0xA4, "\xC2\xA4"},        // ¤
      {"ISO-8859-1", 0xE0, "\xC3\xA0"},        // à
  };
  for (const Case& c : cases) {
    const Result<SingleByteTable> table = SingleByteTable::Make(c.encoding);
    ASSERT_TRUE(table) << c.encoding;
    EXPECT_EQ(table->Utf8(c.byte), c.utf8) << c.encoding << " " << int{c.byte};
  }
}

TEST(SingleByteDecoderTest, EveryByteGivesSomething) {
  const Result<SingleByteTable> table = SingleByteTable::Make("windows-1252");
  ASSERT_TRUE(table);
  for (int byte = 0; byte < 256; ++byte) {
    EXPECT_FALSE(table->Utf8(static_cast<unsigned char>(byte)).empty()) << byte;
  }
}

TEST(SingleByteDecoderTest, UnknownOrMultiByteEncodingIsAnError) {
  EXPECT_FALSE(SingleByteTable::Make("no-such-encoding"));
  EXPECT_FALSE(SingleByteTable::Make("UTF-8"));
}

TEST(SingleByteDecoderTest, DecodesAStream) {
  const Result<SingleByteTable> table = SingleByteTable::Make("windows-1252");
  ASSERT_TRUE(table);
  std::istringstream source("id;text\r\n1;D\xE9passements d\x92honoraires \x80\r\n");
  SingleByteDecodingBuffer buffer(source, *table);
  std::istream in(&buffer);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()),
            "id;text\r\n1;D\xC3\xA9passements d\xE2\x80\x99honoraires \xE2\x82\xAC\r\n");
}

}  // namespace
}  // namespace verbatim
