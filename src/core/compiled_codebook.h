// A codebook compiled for matching: its patterns as atoms with their exact
// RE2s (core/atom_registry.h) and one RE2::Set pass that says which
// patterns can hit.
//
// Candidates first, exact regexes second. An RE2::Set over every atom's full
// regex (function-word gaps, near groups as big alternations, sentence-aware
// gap classes) builds a DFA whose every state holds hundreds of threads: it
// is slow to build and never finishes warming up on real answers. Instead:
// - Words: the distinct content words of terms, phrases and near items are
//   "keys" in a byte trie, whole words and stems (prefixes) apart. The
//   answer's word tokens (core/words.h) are walked through it: a whole-word
//   key hits when a token equals it, a stem key when a token starts with it.
//   That is exactly what the bounded regexes of pattern_compiler.h mean by a
//   word, so it is no approximation.
// - User regexes: one RE2::Set pass over them, as they are, except those
//   with a counted repetition of some range ("[^.;!?]{0,40}", "( \w+){0,4}"):
//   in a Set, every occurrence of what starts one opens a counter, and on
//   answers dense in those words the Set's DFA meets new combinations of
//   counters without end (on the benchmark's match-dense answers, a Set of
//   the shipped codebook's 13 such regexes ran at 25 MB/s on a first pass,
//   its 23 others at 470 MB/s, and the DFA kept growing). Those
//   "gated" regexes go through RE2's FilteredRE2 instead: the literal atoms
//   every match of one must contain join the Set, as literals, and a gated
//   regex is a candidate when its atoms were found (FilteredRE2 is not used
//   for every regex: its atoms hit often in French, "tion", "eur", and a
//   Set pass is faster where it does not blow up). Atoms are matched on the
//   normalized text, which is case-folded as FilteredRE2 asks; one holding
//   a non-ASCII byte counts as always found, because FilteredRE2 lowercases
//   where the normalizer case-folds, and the two differ outside ASCII.
// An item (a term, a phrase, one entry of a near group) may match only when
// all its words' keys hit; an atom only when one of its items (or its regex)
// does; a pattern only when all its atoms may. Every atom
// match holds its words (pattern_compiler.h's WordSequenceKeptWords), so the
// candidates are a superset of the patterns that hit, and each candidate's
// exact RE2 decides: coding results are exactly those of a Set over the
// atoms.
//
// Negation cues are compiled into two RE2s searched in a small window around
// each hit (core/negation_cues.h).
//
// Thread safety: immutable after Compile(); RE2 and RE2::Set matching and
// FilteredRE2::AllPotentials are const and thread-safe, so one
// CompiledCodebook serves every thread (Replicate gives each its own DFAs).
// Not copyable or movable (RE2 objects are neither): hold it by unique_ptr.
#ifndef VERBATIM_CORE_COMPILED_CODEBOOK_H_
#define VERBATIM_CORE_COMPILED_CODEBOOK_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "core/atom_registry.h"
#include "core/codebook.h"
#include "core/negation_cues.h"
#include "core/normalizer.h"
#include "core/pattern_compiler.h"
#include "core/fuzzy_words.h"
#include "core/status.h"
#include "core/vocabulary.h"
#include "core/words.h"

namespace verbatim {

// Per-thread buffers of CompiledCodebook::FindCandidates, reused across
// answers. Not thread-safe: one per thread (CodingScratch holds one).
struct PrefilterScratch {
  std::vector<int> set_hits;
  std::vector<int> gate_atoms;       // Atoms of gated regexes found.
  std::vector<int> gate_potentials;  // Gated regexes whose atoms were found.
  std::vector<int> key_hits;
  std::vector<char> key_hit;  // Per key: already in key_hits.
  std::vector<int> item_hits;  // Per item: how many of its keys hit.
  std::vector<char> atom_possible;
  std::vector<int> touched_items;
  std::vector<int> possible_atoms;
  // Per token of the last answer: 1 when the token may be read as a
  // misspelling of a pattern word (typo tolerance is on and the token is
  // within reach of one). Empty when the codebook has no typo tolerance.
  std::vector<char> typo_tokens;
  std::vector<int> typo_keys;
  FuzzyScratch fuzzy;
  // The keys each word already looked up is a misspelling of (empty: of
  // none, or a word never read as a typo). Words recur: most lookups are
  // answered here instead of by a walk. Cleared when it reaches
  // kMaxTypoCacheWords.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view word) const { return std::hash<std::string_view>()(word); }
  };
  std::unordered_map<std::string, std::vector<int>, WordHash, std::equal_to<>> typo_cache;
};

// At most this many words are kept in PrefilterScratch::typo_cache.
inline constexpr size_t kMaxTypoCacheWords = size_t{1} << 16;

class CompiledCodebook {
 public:
  // Compiles every pattern. Problems are appended to `diagnostics` with the
  // pattern's YAML location (a regex RE2 rejects, with RE2's message; a
  // regex over options.pattern_max_mem; a pattern with no word; a regex that
  // can match the empty string, as a warning; the Set of user regexes over
  // options.set_max_mem, located at its largest regex; a domain word with no
  // word). Patterns are quoted cut to 80 bytes. Returns an error when any
  // diagnostic is an error; the diagnostics are then the details.
  static Result<std::unique_ptr<CompiledCodebook>> Compile(
      const Codebook& codebook, std::shared_ptr<const Normalizer> normalizer,
      const CompileOptions& options, std::vector<Diagnostic>* diagnostics);

  CompiledCodebook(const CompiledCodebook&) = delete;
  CompiledCodebook& operator=(const CompiledCodebook&) = delete;

  // An equal codebook with RE2 objects of its own: compiled again from
  // codebook(), with the same normalizer and options, so that its patterns,
  // atoms and codes have the same indices and CodeAnswer gives the same
  // result with either. For a coding thread: one RE2 is safe to share, but
  // every search takes a lock on its DFA cache, and threads that share one
  // fight over that lock's cache line (measured in memory on the
  // match-dense benchmark corpus: 2 threads coded 1.40x as fast as one on a
  // shared codebook, 1.75x on replicas). Each replica warms up DFAs of its
  // own. Fails only as Compile does, which for a codebook that compiled
  // once means out of memory.
  Result<std::unique_ptr<CompiledCodebook>> Replicate() const;

  const Codebook& codebook() const { return codebook_; }
  const Normalizer& normalizer() const { return *normalizer_; }
  const std::vector<CompiledPattern>& patterns() const { return registry_.patterns(); }
  const std::vector<Atom>& atoms() const { return registry_.atoms(); }

  // The patterns that may hit `normalized` (normalized text), in ascending
  // order, into `candidates` (cleared first): every pattern with a hit is
  // among them, and the others are few. One walk of `tokens` through the
  // word trie and one RE2::Set pass for user regexes and the atoms of gated
  // ones. Returns false when the
  // Set pass fails (RE2 out of memory: `error` says why); never a silent
  // "no candidate". REQUIRES: tokens is TokenizeWords(normalized).
  bool FindCandidates(std::string_view normalized, const std::vector<WordToken>& tokens,
                      PrefilterScratch* scratch, std::vector<int>* candidates,
                      RE2::Set::ErrorInfo* error) const;

  // Number of prefilter keys: words and stems, and regexes (for benchmarks).
  int prefilter_key_count() const { return static_cast<int>(keys_.size()); }
  // Number of user regexes gated by their literal atoms (see above), and of
  // those atoms the Set looks for (for benchmarks and tests).
  int gated_regex_count() const { return static_cast<int>(gated_keys_.size()); }
  int gate_atom_count() const {
    return static_cast<int>(always_found_atoms_.size() +
                            std::count_if(set_keys_.begin(), set_keys_.end(),
                                          [](int entry) { return entry < 0; }));
  }

  // The codebook's domain list (Codebook::domain), one atom per pattern,
  // matched on word tokens as terms and phrases are (aliases apply, typos
  // do not). Empty when the codebook declares none.
  const std::vector<Atom>& domain_atoms() const { return registry_.domain_atoms(); }

  // The aliases and typo tolerance the patterns were compiled with.
  const PatternVocabulary& vocabulary() const { return registry_.vocabulary(); }
  // Whether the codebook knows `word` (normalized, one word) as written: a
  // whole word of some pattern, or a word under some stem. Such a word is
  // spelt right and never read as a misspelling (see FindCandidates).
  bool KnowsWord(std::string_view word) const;

  // Whether some pattern word tolerates typos.
  bool has_typo_tolerance() const { return !fuzzy_.empty(); }

  // The codes of codebook().conflicts, in its order (-1 for an id that
  // names no code): resolved once, not per answer.
  const std::vector<std::pair<int, int>>& conflict_codes() const {
    return registry_.conflict_codes();
  }

  // The negation cues (core/negation_cues.h).
  const RE2* negation_before() const { return negation_cues_.before(); }
  const RE2* negation_after() const { return negation_cues_.after(); }
  bool IsClauseBreakWord(std::string_view normalized_word) const {
    return negation_cues_.IsClauseBreakWord(normalized_word);
  }
  const std::vector<std::string>& clause_break_phrases() const {
    return negation_cues_.clause_break_phrases();
  }

 private:
  // What a prefilter key hit means.
  enum class KeyKind {
    kWord,   // A whole word or a stem in the trie: counts towards `items`.
    kRegex,  // A user regex, in the Set: `target` is the atom.
  };
  struct Key {
    KeyKind kind = KeyKind::kWord;
    int target = -1;
    std::vector<int> items;  // kWord: the items that need this key.
  };
  struct Item {
    int atom = -1;
    int key_count = 0;  // Distinct keys it needs.
  };
  // The word trie, as one dense row per node over the bytes that occur in
  // keys (trie_class_ maps a byte to its column; column 0, for every other
  // byte, always leads nowhere), followed by the node's whole-word key and
  // stem key (-1 for none). A transition is the child's row offset in
  // trie_next_; the root's row is at 0, and 0 also means "no node". A walk
  // costs one dependent load per byte and stops at the first byte no key
  // has there.
  struct TrieNode {  // While the rows are built.
    int whole_key = -1;  // The key of the word that ends here, if any.
    int stem_key = -1;   // The key of the stem that ends here, if any.
  };

  CompiledCodebook() = default;
  // Builds keys_, items_, the trie and key_set_ for the atoms of registry_.
  // Returns false (with `error`) when the key Set cannot be compiled.
  bool CompilePrefilter(const CompileOptions& options, std::string* error);
  // Hits the keys token t is a misspelling of, and marks it in
  // scratch->typo_tokens.
  template <typename HitKey>
  void FindTypoKeys(std::string_view normalized, size_t t, const std::vector<WordToken>& tokens,
                    PrefilterScratch* scratch, HitKey hit_key) const;

  Codebook codebook_;
  std::shared_ptr<const Normalizer> normalizer_;
  CompileOptions options_;  // Those it was compiled with, for Replicate.
  AtomRegistry registry_;   // Its patterns point into codebook_.

  std::vector<Key> keys_;
  std::vector<PatternWord> key_words_;  // kWord keys: the word, with the most edits any use allows.
  FuzzyWordIndex fuzzy_;                // Keys whose words tolerate typos.
  int min_typo_token_bytes_ = 0;        // Shorter answer words are never typos.
  std::vector<Item> items_;
  std::vector<TrieNode> trie_;  // Emptied once trie_next_ is built.
  std::vector<int> trie_next_;  // Rows of trie_stride_ ints (see TrieNode).
  int trie_columns_ = 1;
  size_t trie_stride_ = 3;
  unsigned char trie_class_[256] = {};
  std::unique_ptr<RE2::Set> key_set_;  // kRegex keys not gated, and gate atoms.
  // key_set_ index -> key (>= 0), or the gate atom ~index (< 0).
  std::vector<int> set_keys_;
  std::unique_ptr<re2::FilteredRE2> gated_;  // Null when no regex is gated.
  std::vector<int> gated_keys_;              // gated_ regexp id -> key.
  std::vector<int> always_found_atoms_;      // Gate atoms that are not ASCII.
  std::vector<int> potentials_without_atoms_;  // gated_ ids that need no atom.
  NegationCues negation_cues_;
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_COMPILED_CODEBOOK_H_
