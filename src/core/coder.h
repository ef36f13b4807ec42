// The one coding path: (compiled codebook, answer text) -> CodingResult.
//
// Every command that needs to know how an answer is coded (code, explain,
// diff, check's examples, agree, report) calls CodeAnswer; if two commands
// disagree about an answer, there is a bug.
//
// Decision rules (docs/codebook.md, "How an answer is coded"):
// - A code's evidence is its include patterns that hit. A hit is negated when
//   a negation cue stands before it (or an "after" cue after it) in the same
//   clause, within the codebook's window; cues inside the hit do not count.
//   Of a pattern's occurrences, the first one that is not negated is kept.
// - weight = sum of the weights of distinct include patterns with a
//   non-negated hit. The code is firm at weight >= threshold.
// - A hit of a pattern with `unless` codes yields (counts for nothing, is in
//   no finding) when one of them is firm on the other hits alone: those
//   without `unless`, so that no order among such patterns matters.
// - excluded: an exclusion of the code hits (not negated) along with an
//   include. negated: the code has negated hits and weight < threshold.
//   weak: 0 < weight < threshold. Precedence: excluded, negated, weak, firm.
// - A theme whose own evidence is weak, negated or excluded while one of its
//   subthemes is firm is decided by the subtheme: no dispute.
// - A near pattern's groups, and the words of a phrase, never straddle
//   sentence punctuation (. ! ? ;).
// - proposed = firm ∪ weak ∪ negated ∪ excluded codes; a theme with a
//   proposed subtheme is implied, not listed.
// - Review reasons: negated, excluded, weak (evidence below the threshold:
//   an uncertain code is shown to a human rather than dropped), conflict
//   (two proposed codes the codebook declares in conflict), no_code (nothing
//   proposed and at least review_uncoded_min_words words), theme_alone (with
//   the setting review_theme_alone: a theme proposed on firm evidence of its
//   own with none of its subthemes, which the machine could not place),
//   dismissal (with the setting review_dismissals: an answer that would be
//   counted holds one of the codebook's dismissals, after_sentence, after
//   its first hit, in any sentence, outside the hits, of two words or more).
// - status: disputed when there is any reason, else coded when something is
//   proposed, else uncoded. Only a coded answer's codes are counted.
#ifndef VERBATIM_CORE_CODER_H_
#define VERBATIM_CORE_CODER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/compiled_codebook.h"
#include "core/normalizer.h"
#include "core/occurrences.h"
#include "core/prefilter.h"
#include "core/words.h"

namespace verbatim {

enum class AnswerStatus { kCoded, kUncoded, kDisputed, kError };
inline constexpr AnswerStatus kAllAnswerStatuses[] = {AnswerStatus::kCoded, AnswerStatus::kUncoded,
                                                      AnswerStatus::kDisputed, AnswerStatus::kError};
// Stable names: "coded", "uncoded", "disputed", "error".
std::string_view AnswerStatusName(AnswerStatus status);

enum class ReviewReason {
  kNegated, kExcluded, kWeak, kConflict, kNoCode, kThemeAlone, kDismissal
};
inline constexpr ReviewReason kAllReviewReasons[] = {
    ReviewReason::kNegated, ReviewReason::kExcluded,   ReviewReason::kWeak,
    ReviewReason::kConflict, ReviewReason::kNoCode,    ReviewReason::kThemeAlone,
    ReviewReason::kDismissal};
// Stable names: "negated", "excluded", "weak", "conflict", "no_code",
// "theme_alone", "dismissal".
std::string_view ReviewReasonName(ReviewReason reason);

enum class CodeState { kFirm, kWeak, kNegated, kExcluded };
// Stable names: "firm", "weak", "negated", "excluded".
std::string_view CodeStateName(CodeState state);

struct PatternHit {
  int pattern = -1;  // Index in CompiledCodebook::patterns().
  size_t begin = 0;  // Evidence span in the normalized text.
  size_t end = 0;
  size_t original_begin = 0;  // The same span in the original text.
  size_t original_end = 0;
  std::string negation_cue;  // Normalized cue; non-empty when the hit is negated.
  // A word of the evidence matched a pattern word only within the typo
  // tolerance: the evidence shows the word as written.
  bool fuzzy = false;
  // The code this hit yielded to (Pattern::unless), or -1. A yielded hit is
  // in `hits` for explain, but in no finding: it neither counts nor disputes.
  int yielded_to = -1;
};

struct CodeFinding {
  int code = -1;
  CodeState state = CodeState::kFirm;
  double weight = 0;
  std::vector<int> include_hits;    // Indices into CodingResult::hits.
  std::vector<int> exclusion_hits;  // Likewise.
  bool proposed = false;
};

struct ReviewNote {
  ReviewReason reason = ReviewReason::kNoCode;
  std::vector<int> codes;  // The codes concerned (two for a conflict).
  std::string detail;      // Human-readable, e.g. "cue 'pas de' before 'revalorisation'".
};

struct CodingResult {
  AnswerStatus status = AnswerStatus::kUncoded;
  std::string error;            // kError only.
  std::vector<int> proposed;    // Code indices, codebook order.
  std::vector<int> counted;     // == proposed when coded, else empty.
  std::vector<ReviewNote> reasons;
  std::vector<PatternHit> hits;         // Every hit, include and exclusion.
  std::vector<CodeFinding> findings;    // Codes with any hit, codebook order.
  NormalizedText normalized;
  size_t word_count = 0;

  const CodeFinding* FindingFor(int code) const;
};

// Per-thread buffers reused across answers. Not thread-safe: one per thread.
struct CodingScratch {
  std::vector<int> set_hits;  // Candidate patterns of the current answer.
  std::vector<WordToken> tokens;
  std::vector<TextSpan> spans;  // Occurrences of the pattern at hand.
  PrefilterScratch prefilter;
  // The occurrences of user regexes found so far in the current answer, by
  // Atom::first_same_regex, and how to find more: a regex that several codes
  // share is searched once. Entries [0, regex_occurrences_used) are the
  // current answer's; the others are kept for their buffers.
  struct RegexOccurrences {
    int atom = -1;
    std::vector<TextSpan> spans;  // In text order.
    OccurrenceSearch search;
    bool exhausted = false;  // `spans` holds every occurrence.
  };
  std::vector<RegexOccurrences> regex_occurrences;
  size_t regex_occurrences_used = 0;
  // Findings and review notes of answers coded before, kept for their
  // buffers: a new answer's are built in them instead of allocated anew.
  std::vector<CodeFinding> spare_findings;
  std::vector<ReviewNote> spare_notes;
};

// Codes one answer. Pure: the result depends only on the arguments.
// A Set pass that fails (RE2 out of memory) gives status kError with the
// reason, never a silent "no code".
void CodeAnswer(const CompiledCodebook& codebook, std::string_view text, CodingScratch* scratch,
                CodingResult* result);
CodingResult CodeAnswer(const CompiledCodebook& codebook, std::string_view text);

}  // namespace verbatim

#endif  // VERBATIM_CORE_CODER_H_
