// Which bytes of an answer's original text to highlight, and why.
//
// Design: spans come straight from the coder's hits (PatternHit's
// original_begin/original_end), never from a second search, so a highlight
// is always what the coder saw. Overlapping hits (a theme's pattern inside a
// subtheme's near pattern) are merged into one span, so a writer can emit
// non-nested marks in one left-to-right pass. Pure: no I/O.
#ifndef VERBATIM_CORE_EVIDENCE_MARKS_H_
#define VERBATIM_CORE_EVIDENCE_MARKS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/coder.h"

namespace verbatim {

// Ordered from weakest to strongest: a merged span takes the strongest kind
// of the hits it covers.
enum class MarkKind { kEvidence, kNegated, kExcluded };
inline constexpr MarkKind kAllMarkKinds[] = {MarkKind::kEvidence, MarkKind::kNegated,
                                             MarkKind::kExcluded};
// Stable names (used as CSS classes): "evidence", "negated", "excluded".
std::string_view MarkKindName(MarkKind kind);

struct MarkSpan {
  size_t begin = 0;  // Byte offsets in the original text, [begin, end).
  size_t end = 0;
  MarkKind kind = MarkKind::kEvidence;
  std::vector<int> codes;  // Codes whose hits the span covers, codebook order, no duplicates.
};

// The evidence of one code: its include hits that are not negated. Empty
// when the code has no finding in `result`. Merged as MergeSpans does.
std::vector<MarkSpan> CodeEvidenceSpans(const CodingResult& result, int code,
                                        std::string_view original);

// Everything the coder saw, for an answer a human must look at: every
// finding's include hits (kNegated when negated, else kEvidence) and
// exclusion hits (kExcluded). Merged as MergeSpans does.
std::vector<MarkSpan> AllEvidenceSpans(const CodingResult& result, std::string_view original);

// Clamps spans to the text, widens them to whole UTF-8 characters, drops
// empty ones, sorts them and merges the ones that overlap or touch. The
// result is sorted by begin and free of overlaps.
std::vector<MarkSpan> MergeSpans(std::vector<MarkSpan> spans, std::string_view original);

}  // namespace verbatim

#endif  // VERBATIM_CORE_EVIDENCE_MARKS_H_
