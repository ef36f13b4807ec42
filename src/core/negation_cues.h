// A codebook's negation cues, compiled: what core/negation.h looks for
// around each hit.
//
// Design: each list of cues ("pas de", "sans", … before a hit; "n'est pas une
// priorite", … after it) is one RE2, an alternation of the cues as whole
// words (pattern_compiler.h's BoundedAlternation), searched only in the
// small window negation.h cuts around a hit. Cues are
// matched as written: no aliases, no typo tolerance. Clause-break words are
// a set looked up per word; clause-break phrases are searched as text.
#ifndef VERBATIM_CORE_NEGATION_CUES_H_
#define VERBATIM_CORE_NEGATION_CUES_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/codebook.h"
#include "core/normalizer.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace verbatim {

// A fixed phrase in which negation cues negate nothing (see
// NegationSettings::fixed_phrases): its normalized words in order; a word
// with `stem` set matches every word that begins with it.
struct FixedPhraseWord {
  std::string text;
  bool stem = false;
};
using FixedPhrase = std::vector<FixedPhraseWord>;

// Immutable after construction. Thread safety: safe to share (RE2 matching
// is const and thread-safe; every search takes a lock on the RE2's DFA
// cache, hence CompiledCodebook::Replicate). Movable, not copyable (it owns
// RE2 objects).
class NegationCues {
 public:
  // No cue and no clause break: nothing is negated.
  NegationCues();
  // The lists of `settings`, each empty one replaced by
  // DefaultNegationSettings()'s, normalized with `normalizer`.
  NegationCues(const NegationSettings& settings, const Normalizer& normalizer);
  ~NegationCues();
  NegationCues(NegationCues&&) noexcept;
  NegationCues& operator=(NegationCues&&) noexcept;
  NegationCues(const NegationCues&) = delete;
  NegationCues& operator=(const NegationCues&) = delete;

  // The cues looked for before a hit and after it, normalized, as whole
  // words: the cue is the words of a whole match (core/occurrences.h's
  // BoundedMatchWords). Null when the list holds no word, or when its regex
  // does not compile within 8 MiB.
  const re2::RE2* before() const { return before_.get(); }
  const re2::RE2* after() const { return after_.get(); }
  // NegationSettings::after_sentence; null when empty.
  const re2::RE2* after_sentence() const { return after_sentence_.get(); }

  // Whether `normalized_word` (one word) ends a clause ("mais", "et", …).
  bool IsClauseBreakWord(std::string_view normalized_word) const;
  // The clause breaks of several words ("par contre"), normalized, in the
  // codebook's order.
  const std::vector<std::string>& clause_break_phrases() const { return clause_break_phrases_; }
  // NegationSettings::fixed_phrases, normalized, as word sequences.
  const std::vector<FixedPhrase>& fixed_phrases() const { return fixed_phrases_; }

 private:
  std::unique_ptr<re2::RE2> before_;
  std::unique_ptr<re2::RE2> after_;
  std::unique_ptr<re2::RE2> after_sentence_;
  std::unordered_set<std::string> clause_break_words_;
  std::vector<std::string> clause_break_phrases_;
  std::vector<FixedPhrase> fixed_phrases_;
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_NEGATION_CUES_H_
