#include "io/input/utf16_decoder.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "io/input/input_reader.h"

namespace verbatim {
namespace {

// UTF-16 code units as bytes in the given order.
std::string Units(std::u16string_view units, Utf16Order order) {
  std::string bytes;
  for (char16_t unit : units) {
    const char low = static_cast<char>(unit & 0xFF);
    const char high = static_cast<char>(unit >> 8);
    if (order == Utf16Order::kLittleEndian) {
      bytes += low;
      bytes += high;
    } else {
      bytes += high;
      bytes += low;
    }
  }
  return bytes;
}

std::string Decode(const std::string& bytes, Utf16Order order) {
  std::istringstream source(bytes);
  Utf16DecodingBuffer buffer(source, order);
  std::istream decoded(&buffer);
  std::ostringstream out;
  out << decoded.rdbuf();
  return out.str();
}

TEST(Utf16DecoderTest, DecodesBothByteOrders) {
  const std::u16string text = u"Dépassements – 😀\r\n";
  const std::string utf8 = "D\xC3\xA9passements \xE2\x80\x93 \xF0\x9F\x98\x80\r\n";
  EXPECT_EQ(Decode(Units(text, Utf16Order::kLittleEndian), Utf16Order::kLittleEndian), utf8);
  EXPECT_EQ(Decode(Units(text, Utf16Order::kBigEndian), Utf16Order::kBigEndian), utf8);
}

TEST(Utf16DecoderTest, KeepsASurrogatePairSplitAcrossReadChunks) {
  // 32767 units fill 65534 bytes: the pair straddles the 64 KiB chunk end.
  std::u16string text(32767, u'a');
  text += u"😀";
  const std::string decoded =
      Decode(Units(text, Utf16Order::kLittleEndian), Utf16Order::kLittleEndian);
  EXPECT_EQ(decoded, std::string(32767, 'a') + "\xF0\x9F\x98\x80");
}

TEST(Utf16DecoderTest, LoneSurrogateAndOddByteBecomeInvalidUtf8) {
  const std::u16string text = {u'a', 0xD800, u'b', 0xDC00};
  EXPECT_EQ(Decode(Units(text, Utf16Order::kLittleEndian) + "x", Utf16Order::kLittleEndian),
            "a\xED\xA0\x80"
            "b\xED\xB0\x80\xFF");
}

TEST(Utf16DecoderTest, ConsumesOnlyAUtf16ByteOrderMark) {
  struct Case {
    const char* name;
    std::string bytes;
    bool is_utf16;
    Utf16Order order;
    std::string rest;  // What the stream holds afterwards.
  };
  const Case cases[] = {
      {"little endian", "\xFF\xFEx", true, Utf16Order::kLittleEndian, "x"},
      {"big endian", "\xFE\xFFx", true, Utf16Order::kBigEndian, "x"},
      {"UTF-8 byte order mark", "\xEF\xBB\xBFx", false, {}, "\xEF\xBB\xBFx"},
      {"0xFF then not 0xFE", "\xFFx", false, {}, "\xFFx"},
      {"0xFE alone", "\xFE", false, {}, "\xFE"},
      {"plain text", "id,text", false, {}, "id,text"},
      {"empty", "", false, {}, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::istringstream in(c.bytes);
    Utf16Order order = Utf16Order::kBigEndian;
    EXPECT_EQ(ConsumeUtf16ByteOrderMark(in, &order), c.is_utf16);
    if (c.is_utf16) {
      EXPECT_EQ(order, c.order);
    }
    std::ostringstream rest;
    rest << in.rdbuf();
    EXPECT_EQ(rest.str(), c.rest);
  }
}

// A stream buffer that fails once its content is used up, as std::filebuf
// does on a read error (it throws from underflow).
class FailingBuffer : public std::streambuf {
 public:
  explicit FailingBuffer(std::string content) : content_(std::move(content)) {
    setg(content_.data(), content_.data(), content_.data() + content_.size());
  }

 protected:
  int_type underflow() override { throw std::ios_base::failure("disk error"); }

 private:
  std::string content_;
};

TEST(Utf16DecoderTest, ReadErrorOfTheSourceCutsTheInputShort) {
  // 40,000 lines of 6 bytes (240 KB): the reader opens on the first chunks
  // (the format's and the encoding's look at the head read ahead of the
  // first line), then a read fails before the end.
  std::u16string lines;
  for (int i = 0; i < 40000; ++i) lines += u"ab\n";
  FailingBuffer failing("\xFF\xFE" + Units(lines, Utf16Order::kLittleEndian));
  std::istream source(&failing);
  InputOptions options;
  options.format = InputFormat::kText;
  auto reader = OpenInputStream(source, options);
  ASSERT_TRUE(reader.has_value()) << FormatError(reader.error());
  InputRecord record;
  std::vector<InputRecord> records;
  while ((*reader)->Next(&record)) records.push_back(record);
  ASSERT_GT(records.size(), 10000u);
  ASSERT_LT(records.size(), 40000u);
  for (size_t i = 0; i + 1 < records.size(); ++i) ASSERT_EQ(records[i].error, "") << i;
  EXPECT_EQ(records.back().error,
            "<input>:" + std::to_string(records.size()) + ": read error: the input is cut short");
}

TEST(Utf16DecoderTest, ReadErrorBeforeAnyLineIsNotAnEmptyFile) {
  const std::pair<InputFormat, const char*> cases[] = {
      {InputFormat::kText, "answers: cannot read the input (read error)"},
      {InputFormat::kJsonl, "answers: cannot read the input (read error)"},
      {InputFormat::kCsv, "answers: cannot read the header (read error)"}};
  for (const auto& [format, message] : cases) {
    SCOPED_TRACE(message);
    FailingBuffer failing("\xFF\xFE" + Units(u"ab", Utf16Order::kLittleEndian));
    std::istream in(&failing);
    InputOptions options;
    options.format = format;
    options.path = "answers";
    auto reader = OpenInputStream(in, options);
    ASSERT_FALSE(reader.has_value());
    EXPECT_EQ(FormatError(reader.error()), message);
  }
}

TEST(Utf16DecoderTest, ReadErrorWhileLookingForAByteOrderMarkIsNotThrown) {
  // Regression: the byte order mark was read from the stream buffer
  // directly, and std::filebuf's read error escaped as an exception
  // ("internal error" on `verbatim code /proc/self/mem`).
  FailingBuffer failing("");
  std::istream in(&failing);
  Utf16Order order;
  EXPECT_FALSE(ConsumeUtf16ByteOrderMark(in, &order));
  EXPECT_TRUE(in.bad());
  InputOptions options;
  options.path = "answers";
  std::istream again(&failing);
  auto reader = OpenInputStream(again, options);
  ASSERT_FALSE(reader.has_value());
  EXPECT_EQ(FormatError(reader.error()), "answers: cannot read the header (read error)");
}

}  // namespace
}  // namespace verbatim
