// How a codebook widens its pattern words: aliases and typo tolerance.
//
// Design: both are declared once for the whole codebook and applied where
// patterns become word sequences (core/atom_registry.h), so that terms,
// phrases, near groups and the domain list all get them, and explain, kwic
// and check see exactly what coding does.
// - An alias ("dp" for "depassement*") gives a pattern's word sequence a
//   variant in which the words of the meaning ("depassements") are replaced
//   by the alias's word, wherever some word could match both the meaning
//   and the pattern's word (a stem covers the words that start with it). A
//   multi-word meaning ("secteur 2" for "s2") replaces a run of words.
// - Typo tolerance lets a pattern word of enough letters match an answer
//   word a few edits away (core/fuzzy_words.h). Words with a digit, words
//   put in by an alias (abbreviations) and patterns with `typos: false`
//   stay exact; answer words listed in `typos.never` are never typos.
#ifndef VERBATIM_CORE_VOCABULARY_H_
#define VERBATIM_CORE_VOCABULARY_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/codebook.h"
#include "core/fuzzy_words.h"
#include "core/normalizer.h"
#include "core/pattern_compiler.h"

namespace verbatim {

// At most this many variants of one word sequence (the sequence itself
// included); further alias combinations are dropped.
inline constexpr size_t kMaxAliasVariants = 16;

// Whether some word could match both: equal whole words, a whole word and a
// stem it starts with, or two stems one of which starts with the other.
bool WordsOverlap(const PatternWord& a, const PatternWord& b);

// Immutable after construction; copyable and movable; safe to share.
class PatternVocabulary {
 public:
  // No aliases, no typo tolerance: words match as written.
  PatternVocabulary() = default;
  // The codebook's aliases and typo settings, normalized with `normalizer`.
  // Aliases whose word is empty or not one word are skipped (the checker
  // reports them).
  PatternVocabulary(const Codebook& codebook, const Normalizer& normalizer);

  // The variants of a pattern's effective words (EffectiveWords): the words
  // themselves first, then one per alias substitution, in alias order,
  // with the edits typo tolerance allows set on every word
  // (PatternWord::max_edits). `typos` is the pattern's own switch.
  std::vector<std::vector<PatternWord>> Expand(const std::vector<PatternWord>& words,
                                               bool typos) const;

  // The edits a pattern word of this text tolerates (0, 1 or 2), for a
  // pattern whose switch is on.
  int MaxEditsFor(const PatternWord& word) const;

  bool typos_enabled() const { return typos_.enabled; }
  const TypoSettings& typos() const { return typos_; }
  // Whether a normalized answer word is listed in `typos.never`.
  bool NeverTypo(std::string_view word) const { return never_.count(std::string(word)) > 0; }

  struct Alias {
    PatternWord word;
    std::vector<std::vector<PatternWord>> meanings;  // Effective words each.
    std::string source;                              // As written, for messages.
  };
  const std::vector<Alias>& aliases() const { return aliases_; }

 private:
  std::vector<Alias> aliases_;
  TypoSettings typos_;
  std::unordered_set<std::string> never_;
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_VOCABULARY_H_
