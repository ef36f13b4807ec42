#include "core/occurrences.h"

#include <algorithm>

#include "core/words.h"

namespace verbatim {
namespace {

// Ends a generated pattern's span before the boundary character it consumed.
void TrimTrailingBoundary(std::string_view text, TextSpan* span) {
  while (span->end > span->begin) {
    const unsigned char c = static_cast<unsigned char>(text[span->end - 1]);
    if (c >= 0x80 || IsWordCodePoint(c)) break;
    --span->end;
  }
}

}  // namespace

std::vector<TextSpan> FindOccurrences(const Atom& atom, std::string_view text, int limit) {
  std::vector<TextSpan> spans;
  re2::StringPiece groups[2];
  const int group_count = atom.span_group + 1;
  size_t position = 0;
  while (static_cast<int>(spans.size()) < limit && position <= text.size()) {
    if (!atom.regex->Match(re2::StringPiece(text.data(), text.size()), position, text.size(),
                           RE2::UNANCHORED, groups, group_count)) {
      break;
    }
    const re2::StringPiece group = groups[atom.span_group];
    TextSpan span{static_cast<size_t>(group.data() - text.data()),
                  static_cast<size_t>(group.data() - text.data()) + group.size()};
    if (atom.span_group > 0) TrimTrailingBoundary(text, &span);
    spans.push_back(span);
    const size_t whole_end = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
    position = std::max(span.end, span.begin + 1);
    if (atom.span_group == 0) position = std::max(position, whole_end);
  }
  return spans;
}

}  // namespace verbatim
