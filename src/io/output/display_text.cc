#include "io/output/display_text.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <vector>

namespace verbatim {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // "…", one column.

// Byte offsets where each code point of `text` starts, plus text.size().
std::vector<size_t> CodePointStarts(std::string_view text) {
  std::vector<size_t> starts;
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(text.size());
  while (i < length) {
    starts.push_back(static_cast<size_t>(i));
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    (void)c;
  }
  starts.push_back(text.size());
  return starts;
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  // fmt pads to `probe` columns with one-byte spaces: the padding it adds
  // is probe minus the width it measured. Every code point takes at most 2
  // columns and at least one byte, so the probe is always wide enough.
  const size_t probe = 2 * text.size() + 1;
  const size_t padded = fmt::formatted_size("{:<{}}", text, probe);
  return probe - (padded - text.size());
}

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) {
      if (!in_space) out += ' ';
      in_space = true;
      continue;
    }
    in_space = false;
    out += c;
  }
  return out;
}

std::string KeepTail(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  const std::vector<size_t> starts = CodePointStarts(text);
  size_t used = DisplayWidth(kEllipsis);
  size_t cut = text.size();
  for (size_t k = starts.size() - 1; k-- > 0;) {
    const size_t w = DisplayWidth(text.substr(starts[k], starts[k + 1] - starts[k]));
    if (used + w > width) break;
    used += w;
    cut = starts[k];
  }
  return std::string(kEllipsis) + std::string(text.substr(cut));
}

std::string KeepHead(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  const std::vector<size_t> starts = CodePointStarts(text);
  size_t used = DisplayWidth(kEllipsis);
  size_t cut = 0;
  for (size_t k = 0; k + 1 < starts.size(); ++k) {
    const size_t w = DisplayWidth(text.substr(starts[k], starts[k + 1] - starts[k]));
    if (used + w > width) break;
    used += w;
    cut = starts[k + 1];
  }
  return std::string(text.substr(0, cut)) + std::string(kEllipsis);
}

Snippet MakeSnippet(std::string_view original, size_t begin, size_t end, size_t width) {
  Snippet snippet;
  snippet.left = KeepTail(OneLine(original.substr(0, begin)), width);
  snippet.match = OneLine(original.substr(begin, end - begin));
  snippet.right = KeepHead(OneLine(original.substr(end)), width);
  return snippet;
}

}  // namespace verbatim
