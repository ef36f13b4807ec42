#include "io/input/prefixed_buffer.h"

#include <gtest/gtest.h>

#include <iterator>
#include <sstream>
#include <string>

namespace verbatim {
namespace {

std::string ReadThrough(PrefixedBuffer& buffer) {
  std::istream in(&buffer);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(PrefixedBufferTest, ServesTheHeadThenTheRest) {
  std::istringstream source("abcdef");
  std::string head = ReadHead(source, 2);
  EXPECT_EQ(head, "ab");
  PrefixedBuffer buffer(std::move(head), source);
  EXPECT_EQ(ReadThrough(buffer), "abcdef");
}

TEST(PrefixedBufferTest, HeadMayBeTheWholeInput) {
  std::istringstream source("abc");
  std::string head = ReadHead(source, 100);
  EXPECT_EQ(head, "abc");
  PrefixedBuffer buffer(std::move(head), source);
  EXPECT_EQ(ReadThrough(buffer), "abc");
}

TEST(PrefixedBufferTest, EmptyHeadAndEmptyRest) {
  std::istringstream source("");
  PrefixedBuffer buffer(ReadHead(source, 4), source);
  EXPECT_EQ(ReadThrough(buffer), "");
}

TEST(PrefixedBufferTest, LongRestIsReadInChunks) {
  const std::string text(200 * 1024, 'x');
  std::istringstream source(text);
  PrefixedBuffer buffer(ReadHead(source, 3), source);
  EXPECT_EQ(ReadThrough(buffer), text);
}

}  // namespace
}  // namespace verbatim
