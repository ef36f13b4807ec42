// Misspelt words: whether an answer's word is within a few edits of a
// pattern's word, and an index that finds every pattern word within reach of
// an answer's word in one walk.
//
// Design: the distance is Damerau-Levenshtein restricted to non-overlapping
// edits (optimal string alignment, as core/suggest.h counts it): insertions,
// deletions, substitutions and transpositions of two adjacent bytes. It is
// counted on normalized text, where French letters are ASCII (no accents,
// no capitals), so a byte is a letter there. The first letter must be
// right: typists rarely miss it, and anchoring the walk on it keeps the
// search to one branch of the index instead of all of them. A stem ("revalori*")
// matches a word when some beginning of the word is within reach of it.
//
// FuzzyWordIndex walks a trie of the pattern words with one row of the edit
// distance table per trie level (a Levenshtein automaton simulated on the
// trie), and prunes a branch as soon as no word under it can be within
// reach: its cost depends on the answer word and on the few pattern words
// sharing its first letter, not on the size of the codebook.
#ifndef VERBATIM_CORE_FUZZY_WORDS_H_
#define VERBATIM_CORE_FUZZY_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace verbatim {

// Words longer than this (in bytes) are never matched with edits.
inline constexpr int kMaxFuzzyWordBytes = 48;

// Whether `token` matches the pattern word `word` (a stem when `stem`) with
// at most `max_edits` edits, the first byte equal. With max_edits == 0 this
// is exact matching (equal, or for a stem, starting with it).
bool WordWithinEdits(std::string_view token, std::string_view word, bool stem, int max_edits);

// Per-thread buffers of FuzzyWordIndex::Find. Not thread-safe.
struct FuzzyScratch {
  std::vector<int> rows;             // Distance rows, one per trie level.
  std::vector<unsigned char> path;   // The bytes of the trie path walked.
};

// Pattern words with the edits each tolerates. Build with Add, then Find.
// Immutable after the last Add: Find is const and thread-safe (each thread
// with its own FuzzyScratch). Copyable and movable.
class FuzzyWordIndex {
 public:
  // Adds a pattern word. `key` is returned by Find when `token` is within
  // reach. REQUIRES: max_edits >= 1, word not empty and at most
  // kMaxFuzzyWordBytes bytes.
  void Add(std::string_view word, bool stem, int max_edits, int key);

  bool empty() const { return nodes_.size() <= 1; }

  // False when Find cannot find anything for `token`: no added word begins
  // with its first byte, or its length is out of reach of all of them. A
  // few loads, to skip most tokens before any lookup.
  bool MayMatch(std::string_view token) const {
    if (token.empty()) return false;
    const Reach& reach = reach_[static_cast<unsigned char>(token[0])];
    return token.size() >= reach.min_length && token.size() <= reach.max_length;
  }

  // Appends to `keys` the key of every added word that `token` matches
  // within that word's edits (WordWithinEdits), in no particular order, once
  // each, among the words that begin with the token's first `shared` bytes
  // (its first byte at least). Tokens longer than kMaxFuzzyWordBytes match
  // nothing.
  void Find(std::string_view token, FuzzyScratch* scratch, std::vector<int>* keys,
            size_t shared = 1) const;

 private:
  struct Node {
    std::vector<std::pair<unsigned char, int>> children;  // Sorted by byte.
    int whole_key = -1, whole_edits = 0;  // A whole word ending here.
    int stem_key = -1, stem_edits = 0;    // A stem ending here.
    int max_edits_below = 0;              // Most edits of any word at or under it.
  };
  void Walk(int node, int depth, std::string_view token, size_t shared, FuzzyScratch* scratch,
            std::vector<int>* keys) const;

  std::vector<Node> nodes_ = std::vector<Node>(1);
  // Per first byte: the token lengths within reach of some word beginning
  // with it (min > max when there is none).
  struct Reach {
    size_t min_length = 1;
    size_t max_length = 0;
  };
  Reach reach_[256];
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_FUZZY_WORDS_H_
