// Every occurrence of one compiled atom (core/atom_registry.h) in
// normalized text, as evidence spans.
//
// Design: the Set pass only says which atoms occur; this is the second step,
// done on hits only, that says where. It is shared by the coder (which looks
// at a few occurrences per pattern) and by kwic (which lists them all), so
// that both see the same words for the same pattern.
#ifndef VERBATIM_CORE_OCCURRENCES_H_
#define VERBATIM_CORE_OCCURRENCES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/atom_registry.h"
#include "core/words.h"

namespace verbatim {

// A byte range [begin, end) of a text.
struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
  // True when some word of the occurrence matched a pattern word only
  // within the typo tolerance (core/fuzzy_words.h), not as written.
  bool fuzzy = false;
};

// The occurrences of `atom` in `text` (normalized), in text order, at most
// `limit`. `tokens` are TokenizeWords(text). Each span is the atom's
// evidence: for generated atoms (terms, phrases, near groups) exactly the
// pattern's words, from the first word's first byte to the last word's last
// byte; for user regexes the whole match (which may be empty). Occurrences
// do not overlap, except that a search resumes one byte after an empty
// match.
//
// A generated atom is matched on the tokens from its word sequences, not by
// its regex, with the regex's leftmost-first semantics: the first token
// where any alternative matches starts the occurrence; there the first
// alternative in order wins; a phrase's gaps take as many function words as
// let the rest match (the greedy {0,3}); a stem covers its whole token; no
// gap holds sentence punctuation. The spans are those of the regex's group 1
// (tests/core/occurrences_test.cc compares both on random texts).
// REQUIRES: limit >= 0.
std::vector<TextSpan> FindOccurrences(const Atom& atom, std::string_view text,
                                      const std::vector<WordToken>& tokens, int limit);
// The same into `spans` (cleared first), whose capacity a caller coding many
// answers keeps. `typo_tokens`, when not null, holds one byte per token
// (PrefilterScratch::typo_tokens): a token with n > 0 may match a pattern
// word that begins with its first n bytes within that word's
// PatternWord::max_edits; others match as written. Such a match sets the
// span's `fuzzy`.
void FindOccurrences(const Atom& atom, std::string_view text,
                     const std::vector<WordToken>& tokens, int limit,
                     std::vector<TextSpan>* spans, const char* typo_tokens = nullptr);

// Where a search for the next occurrence of an atom resumes (NextOccurrence):
// a token index for generated atoms, a byte offset for user regexes. A
// default-constructed one starts at the beginning of the text.
struct OccurrenceSearch {
  size_t next = 0;
};

// The next occurrence of `atom` in `text` after those `search` has returned,
// into `span`; false when there is none. Calling it until it returns false
// (or `limit` times) yields exactly the spans FindOccurrences lists, in the
// same order, so a caller that needs only the first few (the coder stops at
// the first occurrence that no cue negates) does not search for the rest.
// `tokens` and `typo_tokens` are as for FindOccurrences, and the same on
// every call with one `search`.
bool NextOccurrence(const Atom& atom, std::string_view text, const std::vector<WordToken>& tokens,
                    const char* typo_tokens, OccurrenceSearch* search, TextSpan* span);

// The words inside the whole match `whole` of a generated regex
// (pattern_compiler.h's BoundedAlternation, whose group 1 they are): without
// the boundary code point before them (the words begin with a word
// character, so a first code point that is not one is that boundary) and
// without the boundary code point after them (likewise, the words end with
// a word character). Lets callers ask RE2 for the whole
// match only, which its DFAs find alone, where a capture group costs a
// slower engine on every match.
TextSpan BoundedMatchWords(std::string_view text, TextSpan whole);

}  // namespace verbatim

#endif  // VERBATIM_CORE_OCCURRENCES_H_
