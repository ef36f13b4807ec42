// Pattern suggestions from labeled answers: what `verbatim suggest` shows an
// analyst who has a hand coding (or reviewers' decisions) and wants a better
// codebook. Nothing is written into the codebook.
//
// Design: the machine's side is the one coding path (CodeAnswer on the
// compiled codebook; its codes are CodingResult::proposed), compared with
// the labels per code as core/agreement.h does: a theme is present when the
// theme or one of its subthemes is, a subtheme only when it is itself.
// Candidate patterns (core/candidate_patterns.h) come from the normalized
// text of the missed answers, and each is counted by compiling it as a
// codebook pattern (CompiledCodebook::Compile) and coding answers with
// CodeAnswer, so what is counted is what the codebook would do: stems,
// function-word gaps, sentence bounds and negation included. The candidates
// of one code are compiled together, as the include patterns of one code
// of a codebook that has the original's settings and negation cues: a
// pattern's hits and their negation do not depend on the other patterns, so
// each one counts what it would count alone (a test checks it), and one
// CodeAnswer per answer replaces one per candidate and answer.
//
// For a code C, over the labeled answers:
// - missed: the gold has C, the machine does not propose it; wrong: the
//   machine proposes C (firm, weak, negated or excluded: all go to a human),
//   the gold does not.
// - A candidate "hits" an answer when one of its occurrences is not negated.
//   fixes: missed answers it hits; breaks: answers where neither the gold
//   nor the machine has C that it hits. Answers where the machine already
//   proposes C count for neither.
// - Kept: fixes >= min_fixes. Of the stems cut from one word, only the
//   shortest whose breaks are no more than the word's own (as a term; when
//   the term is not kept, the longest kept stem of the word): cutting
//   further would only add breaks.
// - Ranked by fixes - 2 x breaks, then fixes (both descending), then the
//   shorter source, then source in byte order, then kind. A candidate is
//   dropped when a better-ranked one that was kept fixes the same answers:
//   it has no fewer breaks, so it adds nothing (a term and the phrases and
//   near pairs made of it, or two words that always come together).
// - Patterns to drop: include patterns of C that hit no labeled answer
//   (negated or not), and those whose hits that are not negated all fall on
//   answers whose gold lacks C (a theme's own patterns: the gold lacks the
//   theme and all its subthemes).
//
// Thread safety: pure; the result is a plain, copyable value.
#ifndef VERBATIM_CORE_PATTERN_SUGGESTIONS_H_
#define VERBATIM_CORE_PATTERN_SUGGESTIONS_H_

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "core/candidate_patterns.h"
#include "core/compiled_codebook.h"
#include "core/status.h"

namespace verbatim {

// One answer with its labels.
struct LabeledAnswer {
  std::string id;
  std::string text;  // Original text.
  // Code indices of the codebook, any order, duplicates allowed. A theme
  // alone is the theme without subtheme. REQUIRES: valid indices.
  std::vector<int> gold;
};

struct SuggestOptions {
  // Only this code (an index of the codebook); -1: every code. Default: -1.
  int code = -1;
  // Candidates shown per code. Default: 10.
  size_t top = 10;
  // Fewest fixes a candidate needs. REQUIRES: >= 1. Default: 2.
  size_t min_fixes = 2;
  // Candidates compiled per code, at most (core/candidate_patterns.h's
  // cap: those generated from the most missed answers). Default: 3000.
  size_t max_candidates = 3000;
  // Missed and wrongly coded answers listed per code, at most. Default: 5.
  size_t max_examples = 5;
};

struct SuggestedPattern {
  CandidatePattern candidate;
  std::vector<int> fixed;   // Indices of the labeled answers, ascending.
  std::vector<int> broken;  // Likewise.
  long long score() const {
    return static_cast<long long>(fixed.size()) - 2 * static_cast<long long>(broken.size());
  }
};

// A pattern of the codebook that fired on an answer.
struct FiredPattern {
  int pattern = -1;          // Index in CompiledCodebook::patterns().
  std::string negation_cue;  // Non-empty when that hit is negated.
};

struct WrongCoding {
  int answer = -1;  // Index of the labeled answer.
  // The include patterns of the code (of a theme: its own and its
  // subthemes') that fired, in the order of CodingResult::hits.
  std::vector<FiredPattern> fired;
};

enum class DropReason {
  kNeverFired,     // No hit on any labeled answer, negated or not.
  kOnlyGoldLacks,  // Every hit that is not negated is on an answer whose gold lacks the code.
};

struct PatternToDrop {
  int pattern = -1;  // Index in CompiledCodebook::patterns() (an include of the code).
  DropReason reason = DropReason::kNeverFired;
  size_t answers = 0;  // kOnlyGoldLacks: answers with a hit that is not negated.
};

struct CodeSuggestions {
  int code = -1;                             // Index in the codebook.
  size_t true_positives = 0;                 // Gold and machine both have it.
  std::vector<int> missed;                   // Every missed answer, ascending.
  std::vector<WrongCoding> wrong;            // The first max_examples wrong ones, ascending.
  size_t wrong_count = 0;                    // All of them.
  std::vector<SuggestedPattern> candidates;  // Ranked, at most `top`.
  size_t candidates_generated = 0;           // Generated from >= min_fixes missed answers.
  size_t candidates_compiled = 0;            // Of those, compiled (the cap).
  std::vector<PatternToDrop> drops;          // Codebook order of the patterns.
};

struct SuggestionReport {
  size_t labeled = 0;
  // Codebook order: every code with a missed or wrong answer or a pattern
  // to drop; with SuggestOptions::code, that code whatever it has.
  std::vector<CodeSuggestions> codes;
};

// Compares, suggests and lists as described above. Fails only when coding
// fails (RE2 out of memory: the message names the answer) or a candidate
// codebook does not compile (which would be a bug: candidates are words).
Result<SuggestionReport> SuggestPatterns(const CompiledCodebook& codebook,
                                         std::span<const LabeledAnswer> answers,
                                         const SuggestOptions& options);

}  // namespace verbatim

#endif  // VERBATIM_CORE_PATTERN_SUGGESTIONS_H_
