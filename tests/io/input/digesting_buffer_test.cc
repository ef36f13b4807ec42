#include "io/input/digesting_buffer.h"

#include <gtest/gtest.h>

#include <iterator>
#include <sstream>
#include <string>

#include "io/input/sha256.h"

namespace verbatim {
namespace {

// SHA-256("abc"), FIPS 180-2's first example.
constexpr char kAbc[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

TEST(DigestingBufferTest, GivesTheBytesAndTheirDigest) {
  std::istringstream source("abc");
  DigestingBuffer buffer(source);
  std::istream in(&buffer);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()),
            "abc");
  EXPECT_EQ(buffer.FinishDigest(), std::optional<std::string>(kAbc));
  EXPECT_EQ(buffer.FinishDigest(), std::optional<std::string>(kAbc));  // Same when asked again.
}

TEST(DigestingBufferTest, BytesNotReadAreAddedWhenFinishing) {
  const std::string text(300 * 1024 + 7, 'x');
  std::istringstream source(text);
  DigestingBuffer buffer(source);
  std::istream in(&buffer);
  std::string head(10, '\0');
  in.read(head.data(), 10);
  EXPECT_EQ(head, std::string(10, 'x'));
  EXPECT_EQ(buffer.FinishDigest(), std::optional<std::string>(Sha256Hex(text)));
}

TEST(DigestingBufferTest, LongInputReadInChunksHasTheWholeDigest) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += std::to_string(i) + '\n';
  std::istringstream source(text);
  DigestingBuffer buffer(source);
  std::istream in(&buffer);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()),
            text);
  EXPECT_EQ(buffer.FinishDigest(), std::optional<std::string>(Sha256Hex(text)));
}

TEST(DigestingBufferTest, EmptyInput) {
  std::istringstream source("");
  DigestingBuffer buffer(source);
  EXPECT_EQ(buffer.FinishDigest(), std::optional<std::string>(Sha256Hex("")));
}

// A stream buffer whose reads fail after `good` bytes.
class FailingBuffer : public std::streambuf {
 public:
  explicit FailingBuffer(std::string good) : good_(std::move(good)) {
    setg(good_.data(), good_.data(), good_.data() + good_.size());
  }

 protected:
  int_type underflow() override { throw std::ios_base::failure("disk gone"); }

 private:
  std::string good_;
};

TEST(DigestingBufferTest, ReadErrorGivesNoDigest) {
  FailingBuffer failing("abc");
  std::istream source(&failing);
  DigestingBuffer buffer(source);
  std::istream in(&buffer);
  std::string read(16, '\0');
  in.read(read.data(), 16);  // The istream turns the buffer's throw into badbit.
  EXPECT_TRUE(in.bad());
  EXPECT_EQ(buffer.FinishDigest(), std::nullopt);
}

TEST(Sha256DigestTest, PiecesGiveTheDigestOfTheWhole) {
  Sha256Digest digest;
  digest.Update("a");
  digest.Update("");
  digest.Update("bc");
  EXPECT_EQ(digest.Hex(), kAbc);
  EXPECT_EQ(Sha256Hex("abc"), kAbc);
}

}  // namespace
}  // namespace verbatim
