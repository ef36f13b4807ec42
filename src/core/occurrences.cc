#include "core/occurrences.h"

#include <algorithm>

#include <unicode/utf8.h>

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

TextSpan BoundedMatchWords(std::string_view text, TextSpan whole) {
  TextSpan span = whole;
  int32_t next = static_cast<int32_t>(span.begin);
  UChar32 c;
  U8_NEXT(text.data(), next, static_cast<int32_t>(span.end), c);
  if (c < 0 || !IsWordCodePoint(c)) span.begin = static_cast<size_t>(next);
  TrimTrailingBoundary(text, &span);
  return span;
}

std::vector<TextSpan> FindOccurrences(const Atom& atom, std::string_view text, int limit) {
  // The whole match only (see BoundedMatchWords).
  std::vector<TextSpan> spans;
  re2::StringPiece whole;
  size_t position = 0;
  while (static_cast<int>(spans.size()) < limit && position <= text.size()) {
    if (!atom.regex->Match(re2::StringPiece(text.data(), text.size()), position, text.size(),
                           RE2::UNANCHORED, &whole, 1)) {
      break;
    }
    const size_t whole_begin = static_cast<size_t>(whole.data() - text.data());
    const size_t whole_end = whole_begin + whole.size();
    TextSpan span{whole_begin, whole_end};
    if (atom.span_group > 0) span = BoundedMatchWords(text, span);
    spans.push_back(span);
    position = std::max(span.end, span.begin + 1);
    if (atom.span_group == 0) position = std::max(position, whole_end);
  }
  return spans;
}

}  // namespace verbatim
