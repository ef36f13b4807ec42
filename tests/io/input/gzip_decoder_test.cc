#include "io/input/gzip_decoder.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "tests/testing/gzip.h"

namespace verbatim {
namespace {

using testing::Gzip;

struct Decoded {
  std::string text;
  bool bad = false;
  std::string failure;
};

Decoded Gunzip(const std::string& compressed) {
  std::istringstream source(compressed);
  GzipDecodingBuffer buffer(source);
  std::istream in(&buffer);
  Decoded decoded;
  // Through the istream, which turns the buffer's exception into badbit.
  for (char c; in.get(c);) decoded.text += c;
  decoded.bad = in.bad();
  decoded.failure = buffer.failure();
  return decoded;
}

TEST(GzipDecoderTest, RecognisesTheMagicBytes) {
  EXPECT_TRUE(IsGzip(Gzip("a")));
  EXPECT_TRUE(IsGzip("\x1F\x8B"));
  EXPECT_FALSE(IsGzip("\x1F"));
  EXPECT_FALSE(IsGzip("id,text\n"));
  EXPECT_FALSE(IsGzip(""));
}

TEST(GzipDecoderTest, DecompressesOneMember) {
  const std::string text = "id,text\n1,Revaloriser la CCAM\n";
  const Decoded decoded = Gunzip(Gzip(text));
  EXPECT_EQ(decoded.text, text);
  EXPECT_FALSE(decoded.bad);
  EXPECT_EQ(decoded.failure, "");
}

TEST(GzipDecoderTest, DecompressesMoreThanOneChunk) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += std::to_string(i) + ",réponse\n";
  EXPECT_EQ(Gunzip(Gzip(text)).text, text);
}

TEST(GzipDecoderTest, ConcatenatedMembersReadAsOne) {
  EXPECT_EQ(Gunzip(Gzip("a\n") + Gzip("b\n")).text, "a\nb\n");
}

TEST(GzipDecoderTest, TruncatedDataFailsTheStream) {
  const std::string compressed = Gzip(std::string(1000, 'x'));
  const Decoded decoded = Gunzip(compressed.substr(0, compressed.size() - 6));
  EXPECT_TRUE(decoded.bad);
  EXPECT_NE(decoded.failure.find("the gzip data is truncated"), std::string::npos)
      << decoded.failure;
}

TEST(GzipDecoderTest, CorruptDataFailsTheStream) {
  std::string compressed = Gzip("Revaloriser la CCAM\n");
  compressed[compressed.size() - 5] ^= 0x55;  // Its CRC.
  const Decoded decoded = Gunzip(compressed);
  EXPECT_TRUE(decoded.bad);
  // zlib's own words for what it found.
  EXPECT_EQ(decoded.failure, "the gzip data is corrupt (zlib: incorrect data check)");
}

}  // namespace
}  // namespace verbatim
