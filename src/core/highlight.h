// Cuts a text into plain and highlighted segments, for showing evidence in
// place (explain).
//
// Design: evidence spans may overlap (a near window and a term inside it)
// or touch; the display needs disjoint segments in text order. Overlapping
// spans are merged into one segment that takes the highest `tone` among
// them, so that the most important finding (say, a negated hit) is the one
// shown. Tones are small integers chosen by the caller; 0 is plain text.
#ifndef VERBATIM_CORE_HIGHLIGHT_H_
#define VERBATIM_CORE_HIGHLIGHT_H_

#include <cstddef>
#include <vector>

namespace verbatim {

struct HighlightSpan {
  size_t begin = 0;  // Byte offsets, end exclusive.
  size_t end = 0;
  int tone = 1;  // > 0.
};

struct TextSegment {
  size_t begin = 0;
  size_t end = 0;
  int tone = 0;  // 0: plain.
};

// Segments covering [0, text_size) exactly, in order, none empty: plain
// text between highlighted ones. Empty spans are ignored; spans are clipped
// to the text. Spans that overlap are merged (touching ones are not).
std::vector<TextSegment> SegmentHighlights(size_t text_size, std::vector<HighlightSpan> spans);

}  // namespace verbatim

#endif  // VERBATIM_CORE_HIGHLIGHT_H_
