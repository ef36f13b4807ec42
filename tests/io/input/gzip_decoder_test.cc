#include "io/input/gzip_decoder.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <sstream>
#include <string>

namespace verbatim {
namespace {

// `text` as one gzip member.
std::string Gzip(const std::string& text) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

struct Decoded {
  std::string text;
  bool bad = false;
};

Decoded Gunzip(const std::string& compressed) {
  std::istringstream source(compressed);
  GzipDecodingBuffer buffer(source);
  std::istream in(&buffer);
  Decoded decoded;
  // Through the istream, which turns the buffer's exception into badbit.
  for (char c; in.get(c);) decoded.text += c;
  decoded.bad = in.bad();
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
  EXPECT_TRUE(Gunzip(compressed.substr(0, compressed.size() - 6)).bad);
}

TEST(GzipDecoderTest, CorruptDataFailsTheStream) {
  std::string compressed = Gzip("Revaloriser la CCAM\n");
  compressed[compressed.size() - 5] ^= 0x55;  // Its CRC.
  EXPECT_TRUE(Gunzip(compressed).bad);
}

}  // namespace
}  // namespace verbatim
