// Evidence quoted from the original text, as outputs show it.
#ifndef VERBATIM_CORE_EVIDENCE_H_
#define VERBATIM_CORE_EVIDENCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/coder.h"
#include "core/compiled_codebook.h"

namespace verbatim {

// Code ids joined by ';' ("revalorisation.ccam;mutuelles").
std::string JoinCodeIds(const Codebook& codebook, const std::vector<int>& codes);

// Reasons as "negated;weak" (stable names, in the order found).
std::string JoinReasonNames(const CodingResult& result);
// Reasons with details, joined by " | ".
std::string JoinReasonDetails(const CodingResult& result);

// For every proposed code (and every code with a negated or excluded hit),
// its first hit quoted from the original: code="words as written". Joined
// by " | ", a hit found within the typo tolerance followed by " (typo)".
// With `context_chars` > 0, up to that many original bytes of
// context on each side (cut at character boundaries), the match in [ ].
std::string DescribeEvidence(const CompiledCodebook& codebook, const CodingResult& result,
                             std::string_view original, size_t context_chars);

// Original text of a hit, whitespace collapsed for one-line display.
std::string QuoteOriginal(std::string_view original, size_t begin, size_t end);

}  // namespace verbatim

#endif  // VERBATIM_CORE_EVIDENCE_H_
