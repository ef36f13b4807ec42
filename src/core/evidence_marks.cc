#include "core/evidence_marks.h"

#include <algorithm>

namespace verbatim {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void AddCode(std::vector<int>* codes, int code) {
  auto at = std::lower_bound(codes->begin(), codes->end(), code);
  if (at == codes->end() || *at != code) codes->insert(at, code);
}

MarkSpan SpanOf(const PatternHit& hit, MarkKind kind, int code) {
  return MarkSpan{hit.original_begin, hit.original_end, kind, {code}};
}

}  // namespace

std::string_view MarkKindName(MarkKind kind) {
  switch (kind) {
    case MarkKind::kEvidence:
      return "evidence";
    case MarkKind::kNegated:
      return "negated";
    case MarkKind::kExcluded:
      return "excluded";
  }
  return "evidence";
}

std::vector<MarkSpan> CodeEvidenceSpans(const CodingResult& result, int code,
                                        std::string_view original) {
  std::vector<MarkSpan> spans;
  if (const CodeFinding* finding = result.FindingFor(code)) {
    for (int index : finding->include_hits) {
      const PatternHit& hit = result.hits[index];
      if (hit.negation_cue.empty()) spans.push_back(SpanOf(hit, MarkKind::kEvidence, code));
    }
  }
  return MergeSpans(std::move(spans), original);
}

std::vector<MarkSpan> AllEvidenceSpans(const CodingResult& result, std::string_view original) {
  std::vector<MarkSpan> spans;
  for (const CodeFinding& finding : result.findings) {
    for (int index : finding.include_hits) {
      const PatternHit& hit = result.hits[index];
      spans.push_back(SpanOf(
          hit, hit.negation_cue.empty() ? MarkKind::kEvidence : MarkKind::kNegated, finding.code));
    }
    for (int index : finding.exclusion_hits) {
      spans.push_back(SpanOf(result.hits[index], MarkKind::kExcluded, finding.code));
    }
  }
  return MergeSpans(std::move(spans), original);
}

std::vector<MarkSpan> MergeSpans(std::vector<MarkSpan> spans, std::string_view original) {
  const size_t size = original.size();
  for (MarkSpan& span : spans) {
    span.end = std::min(span.end, size);
    span.begin = std::min(span.begin, span.end);
    while (span.begin > 0 && IsContinuationByte(original[span.begin])) --span.begin;
    while (span.end < size && IsContinuationByte(original[span.end])) ++span.end;
  }
  std::erase_if(spans, [](const MarkSpan& span) { return span.begin == span.end; });
  std::stable_sort(spans.begin(), spans.end(),
                   [](const MarkSpan& a, const MarkSpan& b) { return a.begin < b.begin; });
  std::vector<MarkSpan> merged;
  for (MarkSpan& span : spans) {
    if (!merged.empty() && span.begin <= merged.back().end) {
      MarkSpan& last = merged.back();
      last.end = std::max(last.end, span.end);
      last.kind = std::max(last.kind, span.kind);
      for (int code : span.codes) AddCode(&last.codes, code);
      continue;
    }
    std::sort(span.codes.begin(), span.codes.end());
    span.codes.erase(std::unique(span.codes.begin(), span.codes.end()), span.codes.end());
    merged.push_back(std::move(span));
  }
  return merged;
}

}  // namespace verbatim
