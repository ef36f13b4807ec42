#include "core/highlight.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

// "plain[tone:text]" rendering of the segments of `text`.
std::string Render(const std::string& text, const std::vector<HighlightSpan>& spans) {
  std::string out;
  for (const TextSegment& s : SegmentHighlights(text.size(), spans)) {
    const std::string piece = text.substr(s.begin, s.end - s.begin);
    out += s.tone == 0 ? piece : "[" + std::to_string(s.tone) + ":" + piece + "]";
  }
  return out;
}

TEST(HighlightTest, NoSpanIsOnePlainSegment) {
  const std::vector<TextSegment> segments = SegmentHighlights(5, {});
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_EQ(segments[0].begin, 0u);
  EXPECT_EQ(segments[0].end, 5u);
  EXPECT_EQ(segments[0].tone, 0);
}

TEST(HighlightTest, EmptyTextHasNoSegment) {
  EXPECT_TRUE(SegmentHighlights(0, {{0, 0, 1}}).empty());
}

TEST(HighlightTest, SpansInAnyOrderComeOutInTextOrder) {
  EXPECT_EQ(Render("revaloriser la ccam", {{15, 19, 1}, {0, 11, 2}}),
            "[2:revaloriser] la [1:ccam]");
}

TEST(HighlightTest, OverlappingSpansMergeWithTheHighestTone) {
  EXPECT_EQ(Render("revaloriser la ccam", {{0, 19, 1}, {15, 19, 3}}), "[3:revaloriser la ccam]");
  EXPECT_EQ(Render("abcdef", {{0, 3, 2}, {2, 5, 1}}), "[2:abcde]f");
}

TEST(HighlightTest, TouchingSpansStaySeparate) {
  EXPECT_EQ(Render("abcdef", {{0, 3, 1}, {3, 6, 2}}), "[1:abc][2:def]");
}

TEST(HighlightTest, EmptySpansAreIgnoredAndLongOnesClipped) {
  EXPECT_EQ(Render("abcdef", {{2, 2, 1}, {4, 99, 1}}), "abcd[1:ef]");
}

}  // namespace
}  // namespace verbatim
