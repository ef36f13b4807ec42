// What a codebook's typo tolerance reaches besides misspellings: the
// warnings `check` gives about pattern words that are a few edits from a
// real word (a stopword, another code's word, a dictionary word), so that
// the analyst lists that word in `typos.never` or turns typos off for the
// pattern.
//
// Design: the pattern words that tolerate typos go into a FuzzyWordIndex
// and every word to test is looked up once, so that a dictionary of a few
// hundred thousand words is checked in well under a second. Words that can
// never be read as a typo of another word at coding time are skipped (whole
// words of the codebook and words under a stem, see
// CompiledCodebook::TypoSharedBytes, and words in `typos.never`), and
// so are the forms of the pattern word itself (a final "s", "e" or "es", or
// one word beginning with the other: "rattrapa" for "rattrapage").
#ifndef VERBATIM_CORE_TYPO_REACH_H_
#define VERBATIM_CORE_TYPO_REACH_H_

#include <string>
#include <vector>

#include "core/compiled_codebook.h"
#include "core/status.h"

namespace verbatim {

struct TypoReachWords {
  // Normalized words to test, and what they are, for messages ("a
  // stopword", "a dictionary word").
  std::vector<std::string> words;
  std::string what;
};

// One warning per pattern word that reaches a tested word, at the first
// pattern using it, naming at most 8 of the words it reaches. Stopwords
// (core/stopwords.h) and the other codes' whole words in the other number
// (their plural, or a plural's singular) are always tested; `extra` adds
// more. Empty when no pattern word tolerates typos.
std::vector<Diagnostic> FindTypoReach(const CompiledCodebook& compiled,
                                      const std::vector<TypoReachWords>& extra);

}  // namespace verbatim

#endif  // VERBATIM_CORE_TYPO_REACH_H_
