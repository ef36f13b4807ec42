// Document frequency of words and short phrases over a set of answers:
// what respondents write, for analysts looking for what a codebook misses.
//
// Design: answers are given normalized (core/normalizer.h) and tokenized
// with the patterns' own definition of a word (core/words.h), so a term
// seen here can be pasted into a codebook or `kwic` as is. A word counts
// when it is not a stopword (core/stopwords.h). A phrase is 2 or 3
// consecutive words that are not separated by anything but spaces,
// apostrophes and dashes (a comma, a full stop, a bracket… ends it), and
// that neither starts nor ends with a stopword (the middle word may be one:
// "depassements d'honoraires"); it is written with its words joined by the
// separator found in the text, reduced to one character ("'" when there is
// an apostrophe, else "-" when there is a dash, else " "). Each term counts
// once per answer however often it occurs there.
//
// Inflections are grouped: words with the same InflectionKey (mutuelle and
// mutuelles; rembourse, remboursee, rembourses) are one term, shown by its
// most frequent form, with every form and its own count; a phrase's key is
// its words' keys. An answer counts once for the group however many of its
// forms it holds.
#ifndef VERBATIM_CORE_TERM_STATS_H_
#define VERBATIM_CORE_TERM_STATS_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace verbatim {

enum class TermLength {
  kWord,    // One word.
  kPhrase,  // Two or three words.
};

struct TermForm {
  std::string text;    // Normalized, as found.
  size_t answers = 0;  // Answers containing this form.
};

struct TermCount {
  std::string term;    // Normalized: the most frequent form (ties: byte order).
  size_t answers = 0;  // Answers containing some form of it.
  // Every form, most frequent first, ties in byte order; `term` is the
  // first. One form when the word has no other inflection in the answers.
  std::vector<TermForm> forms;
};

// The key under which `terms` groups the inflections of a normalized word: a
// light French suffix stripping for number and gender, not a lemmatizer.
// Applied in order, to words of 4 letters or more without a digit, never
// leaving fewer than 3 letters: "aux" -> "al" (sociaux, social), else a
// final "s" or "x" goes (mutuelles); "euse" -> "eu", "ive" -> "if"
// (administrative, administratif); then up to two final "e"
// (remboursee, rembourse -> rembours); then a final "ll", "nn" or "tt" loses
// a letter (actuelle, actuel). It may join words of different meaning
// (medecin, medecine) and misses irregular forms (oeil, yeux).
std::string InflectionKey(std::string_view word);

// Not thread-safe (Add mutates); copyable.
class TermCounter {
 public:
  TermCounter() = default;
  // `extra_stopwords` (normalized words) are left out as well as the
  // built-in ones (core/stopwords.h).
  explicit TermCounter(std::vector<std::string> extra_stopwords);

  // Counts the terms of one answer. REQUIRES: `normalized` is the output of
  // Normalizer::Normalize.
  void Add(std::string_view normalized);

  // Answers added so far.
  size_t answers() const { return answers_; }

  // The terms (inflections grouped) of that length found in at least
  // `min_count` answers, most frequent first, ties in byte order of the term
  // (alphabetical: the text is normalized); at most `top` of them.
  std::vector<TermCount> Top(TermLength length, size_t top, size_t min_count) const;

 private:
  struct Group {
    size_t answers = 0;
    std::map<std::string, size_t> forms;
  };
  bool IsStop(std::string_view word) const;
  static void Count(const std::map<std::string, std::string>& seen, std::map<std::string, Group>& groups);

  size_t answers_ = 0;
  std::vector<std::string> extra_stopwords_;  // Sorted.
  std::map<std::string, Group> words_;    // By inflection key.
  std::map<std::string, Group> phrases_;  // By the keys of its words.
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_TERM_STATS_H_
