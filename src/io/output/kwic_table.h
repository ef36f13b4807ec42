// Keyword-in-context lines, aligned on the match.
//
// Shape of a line (columns padded by display width, io/output/display_text.h):
//   <id, right-aligned>  <left context, right-aligned> | <match> | <right context>
// The left-context column is as wide as the widest left context shown (at
// most `width`), the match column as wide as the widest match, so that every
// match starts in the same column and every right context too.
#ifndef VERBATIM_IO_KWIC_TABLE_H_
#define VERBATIM_IO_KWIC_TABLE_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/kwic.h"
#include "io/output/display_text.h"

namespace verbatim {

struct KwicLine {
  std::string id;
  Snippet snippet;
};

// The line of one hit: the answer's id, `width` columns of original text on
// each side of the match, all on one line (see MakeSnippet), without the
// spaces next to the match (the column separators stand for them).
KwicLine MakeKwicLine(std::string id, std::string_view original, const KwicHit& hit, size_t width);

// Writes the lines aligned, one per hit, in the order given.
void WriteKwicLines(std::ostream& out, const std::vector<KwicLine>& lines);

}  // namespace verbatim

#endif  // VERBATIM_IO_KWIC_TABLE_H_
