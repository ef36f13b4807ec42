#include "core/evidence.h"

namespace verbatim {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (space) out += ' ';
  return out;
}

std::string Trim(std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  size_t start = 0;
  while (start < text.size() && text[start] == ' ') ++start;
  return text.substr(start);
}

}  // namespace

std::string JoinCodeIds(const Codebook& codebook, const std::vector<int>& codes) {
  std::string out;
  for (int code : codes) {
    if (!out.empty()) out += ';';
    out += codebook.codes[code].id;
  }
  return out;
}

std::string JoinReasonNames(const CodingResult& result) {
  std::string out;
  unsigned seen = 0;  // One bit per ReviewReason already named.
  for (const ReviewNote& note : result.reasons) {
    const unsigned bit = 1u << static_cast<unsigned>(note.reason);
    if ((seen & bit) != 0) continue;
    seen |= bit;
    if (!out.empty()) out += ';';
    out += ReviewReasonName(note.reason);
  }
  return out;
}

std::string JoinReasonDetails(const CodingResult& result) {
  std::string out;
  for (const ReviewNote& note : result.reasons) {
    if (!out.empty()) out += " | ";
    out += ReviewReasonName(note.reason);
    out += ": ";
    out += note.detail;
  }
  return out;
}

std::string QuoteOriginal(std::string_view original, size_t begin, size_t end) {
  return Trim(CollapseWhitespace(original.substr(begin, end - begin)));
}

std::string DescribeEvidence(const CompiledCodebook& codebook, const CodingResult& result,
                             std::string_view original, size_t context_chars) {
  std::string out;
  for (const CodeFinding& finding : result.findings) {
    if (!finding.proposed || finding.include_hits.empty()) continue;
    const PatternHit& hit = result.hits[finding.include_hits.front()];
    if (!out.empty()) out += " | ";
    out += codebook.codebook().codes[finding.code].id;
    out += "=\"";
    if (context_chars == 0) {
      out += QuoteOriginal(original, hit.original_begin, hit.original_end);
    } else {
      size_t left = hit.original_begin > context_chars ? hit.original_begin - context_chars : 0;
      while (left > 0 && IsContinuationByte(original[left])) --left;
      size_t right = std::min(original.size(), hit.original_end + context_chars);
      while (right < original.size() && IsContinuationByte(original[right])) ++right;
      if (left > 0) out += "…";
      out += CollapseWhitespace(original.substr(left, hit.original_begin - left));
      out += '[';
      out += QuoteOriginal(original, hit.original_begin, hit.original_end);
      out += ']';
      out += CollapseWhitespace(original.substr(hit.original_end, right - hit.original_end));
      if (right < original.size()) out += "…";
    }
    out += '"';
    if (hit.fuzzy) out += " (typo)";
  }
  return out;
}

}  // namespace verbatim
