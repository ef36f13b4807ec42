#include "core/occurrences.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <re2/re2.h>
#include <unicode/utf8.h>

#include "core/fuzzy_words.h"
#include "core/pattern_compiler.h"

namespace verbatim {
namespace {

// How a token matches a pattern word.
enum class WordMatch { kNo, kExact, kTypo };

// Whether token `t` is `word`: equal to it, or for a stem, starting with it;
// else, when `typo_tokens` lets the token be a misspelling of a word that
// shares its first typo_tokens[t] bytes, and `word` does, within the word's
// edits.
WordMatch TokenIsWord(std::string_view text, const std::vector<WordToken>& tokens, size_t t,
                      const PatternWord& word, const char* typo_tokens) {
  const WordToken& token = tokens[t];
  const size_t length = token.end - token.begin;
  // The first byte first: most tokens differ there, and memcmp is a call.
  if ((word.stem ? length >= word.text.size() : length == word.text.size()) &&
      (word.text.empty() || text[token.begin] == word.text[0]) &&
      std::memcmp(text.data() + token.begin, word.text.data(), word.text.size()) == 0) {
    return WordMatch::kExact;
  }
  const size_t shared = typo_tokens != nullptr ? static_cast<unsigned char>(typo_tokens[t]) : 0;
  if (word.max_edits > 0 && shared > 0 && word.text.size() >= shared &&
      std::memcmp(text.data() + token.begin, word.text.data(), shared) == 0 &&
      WordWithinEdits(text.substr(token.begin, length), word.text, word.stem, word.max_edits)) {
    return WordMatch::kTypo;
  }
  return WordMatch::kNo;
}

// Whether the non-word bytes between two consecutive tokens hold no
// sentence punctuation: what a word sequence's gap class allows.
bool GapInSentence(std::string_view text, const WordToken& before, const WordToken& after) {
  for (uint32_t at = before.end; at < after.begin; ++at) {
    if (IsSentenceBreak(text[at])) return false;
  }
  return true;
}

bool TokenIsFunctionWord(std::string_view text, const WordToken& token) {
  return IsPhraseFunctionWord(text.substr(token.begin, token.end - token.begin));
}

// Matches sequence.words[word..] after a match of the words before it that
// ended at token `last`. Returns the index of the token the whole sequence
// ends at, or -1. Phrase gaps are tried from the most function words down,
// which is the priority order of the regex's greedy {0,kMaxPhraseGapWords}.
struct SequenceMatch {
  const char* typo_tokens = nullptr;
  bool fuzzy = false;  // Set when the match found used a typo.
};

long MatchRest(std::string_view text, const std::vector<WordToken>& tokens,
               const WordSequence& sequence, size_t word, size_t last, SequenceMatch* match) {
  if (word == sequence.words.size()) return static_cast<long>(last);
  size_t function_words = 0;
  if (sequence.join == WordJoin::kPhrase) {
    for (size_t t = last; function_words < static_cast<size_t>(kMaxPhraseGapWords) &&
                          t + 1 < tokens.size() && GapInSentence(text, tokens[t], tokens[t + 1]) &&
                          TokenIsFunctionWord(text, tokens[t + 1]);
         ++t) {
      ++function_words;
    }
  }
  for (size_t skipped = function_words + 1; skipped-- > 0;) {
    const size_t next = last + 1 + skipped;
    if (next >= tokens.size()) continue;
    if (!GapInSentence(text, tokens[next - 1], tokens[next])) continue;
    const WordMatch how = TokenIsWord(text, tokens, next, sequence.words[word], match->typo_tokens);
    if (how == WordMatch::kNo) continue;
    const long end = MatchRest(text, tokens, sequence, word + 1, next, match);
    if (end >= 0) {
      match->fuzzy |= how == WordMatch::kTypo;
      return end;
    }
  }
  return -1;
}

long MatchSequenceAt(std::string_view text, const std::vector<WordToken>& tokens,
                     const WordSequence& sequence, size_t first, SequenceMatch* match) {
  const WordMatch how =
      TokenIsWord(text, tokens, first, sequence.words.front(), match->typo_tokens);
  if (how == WordMatch::kNo) return -1;
  match->fuzzy = false;
  const long end = MatchRest(text, tokens, sequence, 1, first, match);
  if (end >= 0) match->fuzzy |= how == WordMatch::kTypo;
  return end;
}

// The first occurrence of one of `sequences` that starts at token `first`
// or after, into `span`; `*first` is left past it. False when there is none.
bool NextWordSequence(const std::vector<WordSequence>& sequences, std::string_view text,
                      const std::vector<WordToken>& tokens, const char* typo_tokens, size_t* first,
                      TextSpan* span) {
  // Most tokens start no sequence: those whose first byte begins no first
  // word are passed over at one lookup, unless a first word tolerates typos
  // and the token may be one (a typo may change the first byte).
  uint64_t first_bytes[4] = {};
  bool typo_first = false;
  for (const WordSequence& sequence : sequences) {
    const PatternWord& word = sequence.words.front();
    if (word.text.empty()) {
      std::memset(first_bytes, 0xFF, sizeof first_bytes);
    } else {
      const auto byte = static_cast<unsigned char>(word.text[0]);
      first_bytes[byte >> 6] |= uint64_t{1} << (byte & 63);
    }
    typo_first |= word.max_edits > 0;
  }
  if (typo_tokens == nullptr) typo_first = false;
  SequenceMatch match{typo_tokens, false};
  for (size_t at = *first; at < tokens.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[tokens[at].begin]);
    if ((first_bytes[byte >> 6] >> (byte & 63) & 1) == 0 && !(typo_first && typo_tokens[at])) {
      continue;
    }
    long last = -1;
    for (const WordSequence& sequence : sequences) {
      last = MatchSequenceAt(text, tokens, sequence, at, &match);
      if (last >= 0) break;
    }
    if (last < 0) continue;
    *span = TextSpan{tokens[at].begin, tokens[static_cast<size_t>(last)].end, match.fuzzy};
    *first = static_cast<size_t>(last) + 1;
    return true;
  }
  *first = tokens.size();
  return false;
}

// The code point before `end` in text[begin, end) when it is not a word
// character (a generated regex's trailing boundary): its first byte, else
// `end`.
size_t WithoutTrailingNonWord(std::string_view text, size_t begin, size_t end) {
  if (end <= begin) return end;
  int32_t at = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(text.data(), static_cast<int32_t>(begin), at, c);
  if (c >= 0 && IsWordCodePoint(c)) return end;
  return static_cast<size_t>(at);
}

}  // namespace

TextSpan BoundedMatchWords(std::string_view text, TextSpan whole) {
  TextSpan span = whole;
  int32_t next = static_cast<int32_t>(span.begin);
  UChar32 c;
  U8_NEXT(text.data(), next, static_cast<int32_t>(span.end), c);
  if (c < 0 || !IsWordCodePoint(c)) span.begin = static_cast<size_t>(next);
  span.end = WithoutTrailingNonWord(text, span.begin, span.end);
  return span;
}

std::vector<TextSpan> FindOccurrences(const Atom& atom, std::string_view text,
                                      const std::vector<WordToken>& tokens, int limit) {
  std::vector<TextSpan> spans;
  FindOccurrences(atom, text, tokens, limit, &spans);
  return spans;
}

void FindOccurrences(const Atom& atom, std::string_view text,
                     const std::vector<WordToken>& tokens, int limit,
                     std::vector<TextSpan>* spans, const char* typo_tokens) {
  spans->clear();
  OccurrenceSearch search;
  TextSpan span;
  while (static_cast<int>(spans->size()) < limit &&
         NextOccurrence(atom, text, tokens, typo_tokens, &search, &span)) {
    spans->push_back(span);
  }
}

bool NextOccurrence(const Atom& atom, std::string_view text, const std::vector<WordToken>& tokens,
                    const char* typo_tokens, OccurrenceSearch* search, TextSpan* span) {
  if (!atom.sequences.empty()) {
    return NextWordSequence(atom.sequences, text, tokens, typo_tokens, &search->next, span);
  }
  // The whole match only (see BoundedMatchWords).
  const size_t position = search->next;
  re2::StringPiece whole;
  if (position > text.size() ||
      !atom.regex->Match(re2::StringPiece(text.data(), text.size()), position, text.size(),
                         RE2::UNANCHORED, &whole, 1)) {
    search->next = text.size() + 1;
    return false;
  }
  const size_t whole_begin = static_cast<size_t>(whole.data() - text.data());
  const size_t whole_end = whole_begin + whole.size();
  *span = TextSpan{whole_begin, whole_end};
  if (atom.span_group > 0) *span = BoundedMatchWords(text, *span);
  search->next = std::max(span->end, span->begin + 1);
  if (atom.span_group == 0) search->next = std::max(search->next, whole_end);
  return true;
}

}  // namespace verbatim
