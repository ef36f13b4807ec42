// Which patterns may hit an answer: candidates first, exact regexes second.
//
// Design: an RE2::Set over every atom's full regex (function-word gaps,
// near groups as big alternations, sentence-aware gap classes) builds a DFA
// whose every state holds hundreds of threads: it is slow to build and never
// finishes warming up on real answers. Instead:
// - Words: the distinct content words of terms, phrases and near items are
//   "keys" in a byte trie, whole words and stems (prefixes) apart. The
//   answer's word tokens (core/words.h) are walked through it: a whole-word
//   key hits when a token equals it, a stem key when a token starts with it.
//   That is exactly what the bounded regexes of pattern_compiler.h mean by a
//   word, so it is no approximation. With typo tolerance, a token no key
//   knows is also looked up in a fuzzy index of the tolerant words
//   (core/fuzzy_words.h).
// - User regexes: one RE2::Set pass over them, as they are, except those
//   with a counted repetition of some range ("[^.;!?]{0,40}", "( \w+){0,4}"):
//   in a Set, every occurrence of what starts one opens a counter, and on
//   answers dense in those words the Set's DFA meets new combinations of
//   counters without end (on the benchmark's match-dense answers, a Set of
//   the shipped codebook's 13 such regexes ran at 25 MB/s on a first pass,
//   its 23 others at 470 MB/s, and the DFA kept growing). Those
//   "gated" regexes go through RE2's FilteredRE2 instead: the literal atoms
//   every match of one must contain are looked for by a second RE2::Set of
//   literals (one Set of both is slower than the two: its DFA's states
//   pair a regex state with an atom state), and a gated
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
// The trie's rows live in the Prefilter itself, walked once per token; the
// RE2::Sets and FilteredRE2 sit behind one pointer, followed once per answer,
// so that RE2's headers reach only prefilter.cc.
#ifndef VERBATIM_CORE_PREFILTER_H_
#define VERBATIM_CORE_PREFILTER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/atom_registry.h"
#include "core/fuzzy_words.h"
#include "core/pattern_compiler.h"
#include "core/vocabulary.h"
#include "core/words.h"

namespace verbatim {

// Per-thread buffers of Prefilter::FindCandidates, reused across answers.
// Not thread-safe: one per thread (CodingScratch holds one).
struct PrefilterScratch {
  std::vector<int> set_hits;
  std::vector<int> gate_atoms;       // Atoms of gated regexes found.
  std::vector<int> gate_potentials;  // Gated regexes whose atoms were found.
  std::vector<int> key_hits;
  std::vector<char> key_hit;   // Per key: already in key_hits.
  std::vector<int> item_hits;  // Per item: how many of its keys hit.
  std::vector<char> atom_possible;
  std::vector<int> touched_items;
  std::vector<int> possible_atoms;
  // Per token of the last answer: 0 when it matches pattern words only as
  // written; else it may be read as a misspelling of a pattern word that
  // begins with its first typo_tokens[t] bytes (TypoSharedBytes; typo
  // tolerance is on and the token is within reach of one). Empty when the
  // codebook has no typo tolerance.
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

// Why the Set pass of FindCandidates failed: RE2::Set::ErrorKind, value for
// value.
enum class PrefilterError {
  kNone = 0,
  kNotCompiled = 1,   // The Set is not compiled (a bug).
  kOutOfMemory = 2,   // The Set's DFA ran out of memory.
  kInconsistent = 3,  // RE2 says this never happens.
};

// Immutable after Compile. Thread safety: FindCandidates and the other const
// methods are safe from several threads (RE2::Set matching and
// FilteredRE2::AllPotentials are const and thread-safe; every search takes a
// lock on the Set's DFA cache, hence CompiledCodebook::Replicate). Movable,
// not copyable (it owns RE2 objects).
class Prefilter {
 public:
  // Empty: no key.
  Prefilter();
  ~Prefilter();
  Prefilter(Prefilter&&) noexcept;
  Prefilter& operator=(Prefilter&&) noexcept;
  Prefilter(const Prefilter&) = delete;
  Prefilter& operator=(const Prefilter&) = delete;

  // Builds the keys, items and trie for the atoms of `registry`'s patterns,
  // and compiles the Set (options.set_max_mem) and the gated regexes
  // (options.pattern_max_mem each). Returns false, with what failed in
  // `error`, when the Set cannot be compiled (out of memory).
  // Keeps no reference to `registry`: what FindCandidates needs of it
  // (which atoms make each pattern, the words never read as typos) is
  // copied.
  // REQUIRES: the prefilter is empty; registry.CompilePatterns returned true.
  bool Compile(const AtomRegistry& registry, const CompileOptions& options, std::string* error);

  // The patterns that may hit `normalized` (normalized text), in ascending
  // order, into `candidates` (cleared first): every pattern with a hit is
  // among them, and the others are few. One walk of `tokens` through the
  // word trie, one RE2::Set pass for user regexes and one for the atoms of
  // gated ones. Returns false when a Set pass fails (RE2 out of memory: `error`
  // says why); never a silent "no candidate". Leaves `error` at kNone
  // otherwise. REQUIRES: tokens is TokenizeWords(normalized).
  bool FindCandidates(std::string_view normalized, const std::vector<WordToken>& tokens,
                      PrefilterScratch* scratch, std::vector<int>* candidates,
                      PrefilterError* error) const;

  // How `word` (normalized, one word) may be read as a misspelling: the
  // number of its first bytes that a pattern word must share with it. 0:
  // never, the word is a whole word of some pattern and so spelt right. The
  // length of the longest stem it begins with, for a word under a stem: a
  // stem vouches for the word against other words, not against the longer
  // words of its own family ("tarifiare", under "tarif*", may be a
  // misspelling of "tarifaire", "horaires", under "horaire*", is never one
  // of "honoraires"). 1 (its first byte) for a word the codebook does not
  // know.
  size_t TypoSharedBytes(std::string_view word) const;

  // Whether some pattern word tolerates typos.
  bool has_typo_tolerance() const { return !fuzzy_.empty(); }

  // Number of keys: words and stems, and regexes (for benchmarks).
  int key_count() const { return static_cast<int>(keys_.size()); }
  // Number of user regexes gated by their literal atoms (see above), and of
  // those atoms the Set looks for (for benchmarks and tests).
  int gated_regex_count() const;
  int gate_atom_count() const;

 private:
  // What a key hit means.
  enum class KeyKind {
    kWord,   // A whole word or a stem in the trie: counts towards `items`.
    kRegex,  // A user regex, in the Set or gated: `target` is the atom.
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
  // The RE2::Set and FilteredRE2 of the regex keys (prefilter.cc).
  struct RegexKeys;

  // Hits the keys token t is a misspelling of (among the pattern words
  // that share its first `shared` bytes), and marks it in
  // scratch->typo_tokens.
  template <typename HitKey>
  void FindTypoKeys(std::string_view normalized, size_t t, const std::vector<WordToken>& tokens,
                    size_t shared, PrefilterScratch* scratch, HitKey hit_key) const;

  std::vector<Key> keys_;
  std::vector<PatternWord> key_words_;  // kWord keys: the word, with the most edits any use allows.
  FuzzyWordIndex fuzzy_;                // Keys whose words tolerate typos.
  int min_typo_token_bytes_ = 0;        // Shorter answer words are never typos.
  PatternVocabulary vocabulary_;        // The registry's, for NeverTypo.
  std::vector<Item> items_;
  std::vector<int> atom_patterns_;               // Atom -> its pattern.
  std::vector<std::vector<int>> pattern_atoms_;  // Pattern -> its atoms.
  // The word trie, as one dense row per node over the bytes that occur in
  // keys (trie_class_ maps a byte to its column; column 0, for every other
  // byte, always leads nowhere), followed by the node's whole-word key and
  // stem key (-1 for none). A transition is the child's row offset in
  // trie_next_; the root's row is at 0, and 0 also means "no node". A walk
  // costs one dependent load per byte and stops at the first byte no key
  // has there.
  std::vector<int> trie_next_;  // Rows of trie_stride_ ints.
  size_t trie_stride_ = 3;
  unsigned char trie_class_[256] = {};
  std::unique_ptr<RegexKeys> regex_keys_;  // Null when no key is a regex.
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_PREFILTER_H_
