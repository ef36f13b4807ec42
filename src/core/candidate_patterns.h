// Candidate patterns drawn from the words of some answers: the raw material
// of `verbatim suggest` (core/pattern_suggestions.h), which then counts what
// each one would do as a codebook pattern.
//
// Design: candidates are generated from normalized text (core/normalizer.h)
// split with the patterns' own definition of a word (core/words.h), and
// written in the codebook's syntax, so each one compiles to exactly the
// pattern a reader would paste. Four kinds:
// - term: one word of at least 3 letters that is neither a number nor a
//   stopword (core/stopwords.h);
// - stem: such a word of at least 6 letters cut to a prefix of 5 letters or
//   more, shorter than the word ("revalori*");
// - phrase: 2 or 3 consecutive content words (not stopwords, not phrase
//   function words), where "consecutive" is what a phrase pattern accepts:
//   at most kMaxPhraseGapWords function words and no sentence punctuation
//   between two of them (core/pattern_compiler.h). The function words found
//   between them are written too ("travail a perte"): they are optional in a
//   phrase, so the pattern means the same with or without them;
// - near: two different term words with at most kNearWithin words between
//   them in one sentence, as `near: [[a], [b]]` with `within: kNearWithin`.
// Each candidate's `answers` is the number of the given texts where it was
// generated. It is an upper bound of the texts the compiled pattern hits
// (for stems, counted on every word of at least 5 letters, not only the
// words stems are made from), which lets a caller drop candidates that
// cannot reach a number of hits before compiling them.
#ifndef VERBATIM_CORE_CANDIDATE_PATTERNS_H_
#define VERBATIM_CORE_CANDIDATE_PATTERNS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/codebook.h"
#include "core/pattern_compiler.h"

namespace verbatim {

enum class CandidateKind { kTerm, kStem, kPhrase, kNear };
inline constexpr CandidateKind kAllCandidateKinds[] = {
    CandidateKind::kTerm, CandidateKind::kStem, CandidateKind::kPhrase, CandidateKind::kNear};
// Stable names: "term", "stem", "phrase", "near".
std::string_view CandidateKindName(CandidateKind kind);

// The words of a near candidate are at most this many words apart.
inline constexpr int kNearWithin = 5;
// The shortest stem, in letters (code points).
inline constexpr size_t kMinStemLetters = 5;

struct CandidatePattern {
  CandidateKind kind = CandidateKind::kTerm;
  // As a codebook pattern: a stem is a kTerm whose source ends in '*'; a near
  // pair has its two groups, within = kNearWithin and the loader's display
  // source ("near([a], [b]; 5)"). No location.
  Pattern pattern;
  // The content words it is made of (a stem: its prefix, marked stem).
  std::vector<PatternWord> words;
  // kStem: the words it was cut from, in the order first met.
  std::vector<std::string> stem_of;
  size_t answers = 0;  // Texts it was generated from (see above).
};

struct CandidateOptions {
  // Candidates generated from fewer texts are left out. Default: 1.
  size_t min_answers = 1;
  // At most this many are returned: those generated from the most texts
  // (ties: kind in kAllCandidateKinds order, then source in byte order).
  // Default: 3000.
  size_t max_candidates = 3000;
};

struct CandidateSet {
  std::vector<CandidatePattern> candidates;  // Most texts first (see max_candidates).
  size_t generated = 0;  // Distinct candidates with answers >= min_answers, before the cap.
};

// The candidates of `texts`. REQUIRES: every text is the output of
// Normalizer::Normalize. Pure; deterministic for a given order of `texts`
// (a phrase or near pair met with several spellings is written as in the
// first text that has it).
CandidateSet GenerateCandidates(const std::vector<std::string_view>& texts,
                                const CandidateOptions& options);

}  // namespace verbatim

#endif  // VERBATIM_CORE_CANDIDATE_PATTERNS_H_
