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

struct TermCount {
  std::string term;    // Normalized.
  size_t answers = 0;  // Answers containing it.
};

// Not thread-safe (Add mutates); copyable.
class TermCounter {
 public:
  // Counts the terms of one answer. REQUIRES: `normalized` is the output of
  // Normalizer::Normalize.
  void Add(std::string_view normalized);

  // Answers added so far.
  size_t answers() const { return answers_; }

  // The terms of that length found in at least `min_count` answers, most
  // frequent first, ties in byte order of the term (alphabetical: the text
  // is normalized); at most `top` of them.
  std::vector<TermCount> Top(TermLength length, size_t top, size_t min_count) const;

 private:
  size_t answers_ = 0;
  std::map<std::string, size_t> words_;
  std::map<std::string, size_t> phrases_;
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_TERM_STATS_H_
