// Fitting original answer text into terminal columns.
//
// Design: widths are measured exactly as libfmt measures them when it pads
// ("{:>{}}"): one column per code point, two for East Asian wide characters
// and emoji. Cutting and padding therefore agree, and lines built here
// align when fmt pads them. Text is only ever cut between code points.
#ifndef VERBATIM_IO_DISPLAY_TEXT_H_
#define VERBATIM_IO_DISPLAY_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace verbatim {

// Columns `text` takes, as fmt counts them.
size_t DisplayWidth(std::string_view text);

// `text` on one line: every run of spaces, tabs, line ends and other ASCII
// control characters becomes one space (leading and trailing runs too).
std::string OneLine(std::string_view text);

// The end of `text` that fits in `width` columns; when text is cut, it
// starts with "…" (counted in the width). REQUIRES: width >= 1.
std::string KeepTail(std::string_view text, size_t width);

// The start of `text` that fits in `width` columns, ending with "…" when
// cut. REQUIRES: width >= 1.
std::string KeepHead(std::string_view text, size_t width);

// The original text around [begin, end): `width` columns of one-line
// context on each side (cut with "…"), and the span itself on one line.
struct Snippet {
  std::string left;
  std::string match;
  std::string right;
};
Snippet MakeSnippet(std::string_view original, size_t begin, size_t end, size_t width);

}  // namespace verbatim

#endif  // VERBATIM_IO_DISPLAY_TEXT_H_
