// Turns the analyst's patterns into RE2 sources over normalized text.
//
// Design: terms and phrases are tokenized into words (runs of letters and
// digits; a trailing '*' makes a word a stem) and rebuilt as regexes with
// French-aware word boundaries: a word character is a letter or digit of any
// script (core/words.h), so accented letters are letters and "l'" or "d'" elisions end a
// word. RE2 has no look-around, so a boundary is written as a consumed
// non-word character or a text edge, and the pattern's own words are put in
// capture group 1: group 1 is the evidence span, group 0 is only for the Set.
//
// All functions here are pure string functions; they take words that are
// already normalized (see core/normalizer.h).
#ifndef VERBATIM_CORE_PATTERN_COMPILER_H_
#define VERBATIM_CORE_PATTERN_COMPILER_H_

#include <string>
#include <string_view>
#include <vector>

namespace verbatim {

// The regex classes of one word character and one non-word character, built
// from WordCharacterRanges() (core/words.h) so that patterns and the
// tokenizer agree on what a word is.
const std::string& WordCharClass();
const std::string& NonWordCharClass();
// A non-word character that is not sentence punctuation (. ! ? ;): what may
// stand between the words of one term or phrase.
const std::string& InSentenceGapClass();
// The sentence punctuation that neither a phrase nor a near window crosses.
bool IsSentenceBreak(char c);

// The small French function words that a phrase tolerates and that are
// optional in it (normalized: no accents, so "a" stands for "à").
const std::vector<std::string>& PhraseFunctionWords();

// At most this many function words may stand between two content words of a
// phrase.
inline constexpr int kMaxPhraseGapWords = 3;

struct PatternWord {
  std::string text;  // Normalized, without the '*'.
  bool stem = false;
  // Edits (core/fuzzy_words.h) an answer word may be away from this one and
  // still match: 0 (exact) unless typo tolerance gave it more
  // (core/vocabulary.h). Regexes built from words ignore it: they are the
  // exact part of a pattern.
  int max_edits = 0;
};

// Splits normalized pattern text into words. Characters that are neither word
// characters nor '*' separate words; a '*' directly after a word marks it as
// a stem. Returns an empty vector when there is no word.
std::vector<PatternWord> SplitPatternWords(std::string_view normalized);

enum class WordJoin {
  kStrict,   // Words separated by one or more non-word characters.
  kPhrase,   // Function words optional; up to kMaxPhraseGapWords between words.
};

// One alternative of a generated regex, as words: the words it matches
// (EffectiveWords) and how they are joined. core/occurrences.h matches it on
// word tokens and finds exactly the spans its regex would.
struct WordSequence {
  std::vector<PatternWord> words;
  WordJoin join = WordJoin::kStrict;
};

// Whether `word` is one of PhraseFunctionWords() (a stem never is).
bool IsPhraseFunctionWord(std::string_view word);

// The words a sequence of `words` actually matches and how they are joined:
// with WordJoin::kPhrase, function words are dropped; when every word is a
// function word, they are all kept and *join becomes WordJoin::kStrict.
// WordSequenceCore builds its regex from exactly these words, so callers that
// reason about what a pattern matches agree with it: every match of the core
// holds each of these words, bounded by non-word characters or the text's
// edges (a stem's end unbounded). core/pattern_overlap.h and the compiled
// codebook's word prefilter rely on it.
std::vector<PatternWord> EffectiveWords(const std::vector<PatternWord>& words, WordJoin* join);

// The regex (group 1 = the words) for a sequence of words. REQUIRES: words is
// not empty. With WordJoin::kPhrase, function words of `words` are dropped
// first; when every word is a function word they are all kept (strict).
std::string WordSequenceRegex(const std::vector<PatternWord>& words, WordJoin join);

// The same without the boundary wrapper and without a capture group, for use
// inside alternations: "revalori<word>*" or "indexation<gap>inflation".
std::string WordSequenceCore(const std::vector<PatternWord>& words, WordJoin join);

// Whether the last word that WordSequenceCore keeps is a stem.
bool WordSequenceEndsInStem(const std::vector<PatternWord>& words, WordJoin join);

// Wraps an alternation of cores: (?:^|<non-word>)(core1|core2)(?:$|<non-word>)
// where a stem core needs no trailing boundary. `stem_ends` says which
// cores end in a stem.
std::string BoundedAlternation(const std::vector<std::string>& cores,
                               const std::vector<bool>& stem_ends);

}  // namespace verbatim

#endif  // VERBATIM_CORE_PATTERN_COMPILER_H_
