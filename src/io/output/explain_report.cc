#include "io/output/explain_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/evidence.h"
#include "core/fuzzy_words.h"
#include "core/highlight.h"
#include "core/vocabulary.h"
#include "core/words.h"
#include "io/output/display_text.h"

namespace verbatim {
namespace {

// Columns of context shown on each side of a hit.
constexpr size_t kContextWidth = 30;

// Highlight tones, by importance (core/highlight.h keeps the highest).
constexpr int kIncludeTone = 1;
constexpr int kExclusionTone = 2;
constexpr int kNegatedTone = 3;

Tone ToneOf(int tone) {
  switch (tone) {
    case kExclusionTone:
      return Tone::kExcluded;
    case kNegatedTone:
      return Tone::kNegated;
    default:
      return Tone::kMatch;
  }
}

Tone ToneOf(CodeState state) {
  switch (state) {
    case CodeState::kFirm:
      return Tone::kFirm;
    case CodeState::kWeak:
      return Tone::kWeak;
    case CodeState::kNegated:
      return Tone::kNegated;
    case CodeState::kExcluded:
      return Tone::kExcluded;
  }
  return Tone::kFirm;
}

// Weights and thresholds, rounded to hundredths so that a sum such as
// 0.1 + 0.2 shows as 0.3, in their shortest form (1, 0.5, 1.25).
std::string Number(double value) { return fmt::format("{}", std::round(value * 100) / 100); }

class Explainer {
 public:
  Explainer(std::ostream& out, const CompiledCodebook& codebook, const ExplainSubject& subject,
            const CodingResult& result, ColorMode color)
      : out_(out),
        compiled_(codebook),
        book_(codebook.codebook()),
        subject_(subject),
        result_(result),
        color_(color) {}

  void Write() {
    WriteAnswer();
    if (result_.status == AnswerStatus::kError) {
      out_ << '\n' << Paint("result", Tone::kHeading, color_) << '\n';
      out_ << fmt::format("  status    {}\n  error     {}\n", AnswerStatusName(result_.status),
                          result_.error);
      return;
    }
    WriteHits();
    WriteNegations();
    WriteExclusions();
    WriteCodes();
    WriteResult();
  }

 private:
  const CompiledPattern& PatternOf(const PatternHit& hit) const {
    return compiled_.patterns()[hit.pattern];
  }

  bool IsExclusion(const PatternHit& hit) const {
    return PatternOf(hit).role == PatternRole::kExclude;
  }

  int HighlightTone(const PatternHit& hit) const {
    if (!hit.negation_cue.empty()) return kNegatedTone;
    return IsExclusion(hit) ? kExclusionTone : kIncludeTone;
  }

  std::string DescribePattern(const PatternHit& hit) const {
    const Pattern& pattern = *PatternOf(hit).pattern;
    std::string out = IsExclusion(hit) ? "exclusion " : "";
    if (pattern.kind == PatternKind::kNear) return out + pattern.source;
    return out + std::string(PatternKindName(pattern.kind)) + " '" + pattern.source + "'";
  }

  std::string CodeId(int code) const { return Paint(book_.codes[code].id, Tone::kCode, color_); }

  std::string Codes(const std::vector<int>& codes) const {
    if (codes.empty()) return "(none)";
    std::string out;
    for (int code : codes) {
      if (!out.empty()) out += "; ";
      out += CodeId(code);
    }
    return out;
  }

  // The original text with the given spans highlighted, on one line.
  std::string Highlighted(const std::vector<HighlightSpan>& spans) const {
    std::string out;
    const std::string_view original = subject_.original;
    for (const TextSegment& segment : SegmentHighlights(original.size(), spans)) {
      const std::string text = OneLine(original.substr(segment.begin, segment.end - segment.begin));
      out += segment.tone == 0 ? text : Highlight(text, ToneOf(segment.tone), color_);
    }
    return out;
  }

  std::string InContext(const PatternHit& hit) const {
    const Snippet snippet =
        MakeSnippet(subject_.original, hit.original_begin, hit.original_end, kContextWidth);
    return snippet.left + Highlight(snippet.match, ToneOf(HighlightTone(hit)), color_) +
           snippet.right;
  }

  std::string Quote(const PatternHit& hit) const {
    return QuoteOriginal(subject_.original, hit.original_begin, hit.original_end);
  }

  void Heading(const std::string& title) {
    out_ << '\n' << Paint(title, Tone::kHeading, color_) << '\n';
  }

  void WriteAnswer() {
    if (!subject_.id.empty()) out_ << "id          " << subject_.id << '\n';
    out_ << "answer      " << OneLine(subject_.original) << '\n';
    if (result_.status == AnswerStatus::kError) return;
    out_ << "normalized  " << result_.normalized.text << '\n';
    std::vector<HighlightSpan> spans;
    for (const PatternHit& hit : result_.hits) {
      spans.push_back({hit.original_begin, hit.original_end, HighlightTone(hit)});
    }
    out_ << "evidence    " << (spans.empty() ? "(no pattern fired)" : Highlighted(spans)) << '\n';
  }

  // Hit indices grouped by code, codes in codebook order, hits in
  // CodingResult order (patterns in codebook order).
  std::vector<std::pair<int, std::vector<int>>> HitsByCode() const {
    std::vector<std::pair<int, std::vector<int>>> groups;
    for (size_t code = 0; code < book_.codes.size(); ++code) {
      std::vector<int> hits;
      for (size_t h = 0; h < result_.hits.size(); ++h) {
        if (PatternOf(result_.hits[h]).code == static_cast<int>(code))
          hits.push_back(static_cast<int>(h));
      }
      if (!hits.empty()) groups.emplace_back(static_cast<int>(code), std::move(hits));
    }
    return groups;
  }

  void WriteHits() {
    Heading(fmt::format("patterns that fired: {}", result_.hits.size()));
    for (const auto& [code, hits] : HitsByCode()) {
      out_ << "  " << CodeId(code) << "  " << book_.codes[code].label << '\n';
      for (int h : hits) {
        const PatternHit& hit = result_.hits[h];
        const Pattern& pattern = *PatternOf(hit).pattern;
        std::string line = "    " + DescribePattern(hit);
        if (!IsExclusion(hit)) line += "  weight " + Number(pattern.weight);
        line += "  " + Paint(FormatLocation(pattern.location), Tone::kDim, color_);
        if (!hit.negation_cue.empty()) {
          line += "  " + Paint("negated by '" + hit.negation_cue + "'", Tone::kNegated, color_);
        }
        if (hit.fuzzy) line += "  " + Paint("typo tolerated: '" + Quote(hit) + "'", Tone::kDim, color_);
        if (hit.yielded_to >= 0) {
          const std::string& code = book_.codes[hit.yielded_to].id;
          line += "  " + Paint("yields to " + code + ": not counted", Tone::kDim, color_);
        }
        for (const std::string& alias : AliasesIn(hit)) {
          line += "  " + Paint("alias '" + alias + "'", Tone::kDim, color_);
        }
        out_ << line << '\n' << "      " << InContext(hit) << '\n';
      }
    }
  }

  // The codebook's alias words that stand in the hit's evidence.
  std::vector<std::string> AliasesIn(const PatternHit& hit) const {
    std::vector<std::string> found;
    const std::string_view evidence =
        std::string_view(result_.normalized.text).substr(hit.begin, hit.end - hit.begin);
    std::vector<WordToken> tokens;
    TokenizeWords(evidence, &tokens);
    for (const PatternVocabulary::Alias& alias : compiled_.vocabulary().aliases()) {
      for (const WordToken& token : tokens) {
        if (WordWithinEdits(evidence.substr(token.begin, token.end - token.begin),
                            alias.word.text, alias.word.stem, 0)) {
          found.push_back(alias.source);
          break;
        }
      }
    }
    return found;
  }

  void WriteNegations() {
    std::vector<const PatternHit*> negated;
    for (const PatternHit& hit : result_.hits) {
      if (!hit.negation_cue.empty()) negated.push_back(&hit);
    }
    Heading(fmt::format("negations: {}", negated.size()));
    for (const PatternHit* hit : negated) {
      out_ << fmt::format("  {}  cue '{}' governs '{}' ({}{})\n", CodeId(PatternOf(*hit).code),
                          hit->negation_cue, Quote(*hit), DescribePattern(*hit),
                          IsExclusion(*hit) ? ": a negated exclusion is ignored" : "");
    }
  }

  void WriteExclusions() {
    std::vector<const PatternHit*> exclusions;
    for (const PatternHit& hit : result_.hits) {
      if (IsExclusion(hit)) exclusions.push_back(&hit);
    }
    Heading(fmt::format("exclusions: {}", exclusions.size()));
    for (const PatternHit* hit : exclusions) {
      const CodeFinding* finding = result_.FindingFor(PatternOf(*hit).code);
      std::string effect;
      if (!hit->negation_cue.empty()) {
        effect = "negated: ignored";
      } else if (finding != nullptr && !finding->include_hits.empty()) {
        effect = "the code is excluded";
      } else {
        effect = "no include pattern of the code fired: no effect";
      }
      out_ << fmt::format("  {}  {} matched '{}': {}\n", CodeId(PatternOf(*hit).code),
                          DescribePattern(*hit), Quote(*hit), effect);
    }
  }

  std::string Outcome(const CodeFinding& finding) const {
    if (finding.include_hits.empty()) return "not proposed: no include pattern fired";
    if (!finding.proposed) return "not proposed: decided by a firm subtheme";
    const bool listed = std::find(result_.proposed.begin(), result_.proposed.end(), finding.code) !=
                        result_.proposed.end();
    return listed ? "proposed" : "implied by its subtheme";
  }

  void WriteCodes() {
    Heading(fmt::format("codes (threshold {})", Number(book_.settings.threshold)));
    size_t id_width = 0;
    for (const CodeFinding& finding : result_.findings) {
      id_width = std::max(id_width, DisplayWidth(book_.codes[finding.code].id));
    }
    for (const CodeFinding& finding : result_.findings) {
      const std::string id =
          Paint(fmt::format("{:<{}}", book_.codes[finding.code].id, id_width), Tone::kCode, color_);
      const std::string state = finding.include_hits.empty()
                                    ? fmt::format("{:<8}", "-")
                                    : Paint(fmt::format("{:<8}", CodeStateName(finding.state)),
                                            ToneOf(finding.state), color_);
      const std::string weight = fmt::format("{:<12}", "weight " + Number(finding.weight));
      out_ << "  " << id << "  " << state << "  " << weight << "  " << Outcome(finding) << '\n';
    }
    if (result_.findings.empty()) out_ << "  (no code has evidence)\n";
  }

  void WriteResult() {
    Heading("result");
    out_ << "  status    " << AnswerStatusName(result_.status) << '\n';
    out_ << "  counted   " << Codes(result_.counted) << '\n';
    out_ << "  proposed  " << Codes(result_.proposed) << '\n';
    out_ << fmt::format("  words     {} (review_uncoded_min_words {})\n", result_.word_count,
                        book_.settings.review_uncoded_min_words);
    if (result_.reasons.empty()) {
      out_ << "  reasons   (none)\n";
      return;
    }
    bool first = true;
    for (const ReviewNote& note : result_.reasons) {
      out_ << (first ? "  reasons   " : "            ") << ReviewReasonName(note.reason) << ": "
           << note.detail << '\n';
      first = false;
    }
  }

  std::ostream& out_;
  const CompiledCodebook& compiled_;
  const Codebook& book_;
  const ExplainSubject& subject_;
  const CodingResult& result_;
  ColorMode color_;
};

}  // namespace

void WriteExplanation(std::ostream& out, const CompiledCodebook& codebook,
                      const ExplainSubject& subject, const CodingResult& result, ColorMode color) {
  Explainer(out, codebook, subject, result, color).Write();
}

}  // namespace verbatim
