#include "core/highlight.h"

#include <algorithm>

namespace verbatim {

std::vector<TextSegment> SegmentHighlights(size_t text_size, std::vector<HighlightSpan> spans) {
  for (HighlightSpan& span : spans) span.end = std::min(span.end, text_size);
  spans.erase(std::remove_if(spans.begin(), spans.end(),
                             [](const HighlightSpan& s) { return s.begin >= s.end; }),
              spans.end());
  std::sort(spans.begin(), spans.end(), [](const HighlightSpan& a, const HighlightSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<TextSegment> merged;
  for (const HighlightSpan& span : spans) {
    if (!merged.empty() && span.begin < merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
      merged.back().tone = std::max(merged.back().tone, span.tone);
    } else {
      merged.push_back({span.begin, span.end, span.tone});
    }
  }
  std::vector<TextSegment> segments;
  size_t at = 0;
  for (const TextSegment& highlighted : merged) {
    if (highlighted.begin > at) segments.push_back({at, highlighted.begin, 0});
    segments.push_back(highlighted);
    at = highlighted.end;
  }
  if (at < text_size) segments.push_back({at, text_size, 0});
  return segments;
}

}  // namespace verbatim
