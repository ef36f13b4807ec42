// The French stopwords that `terms` leaves out.
//
// Design: one fixed list, in the normalizer's vocabulary (lower case, no
// accents: "à" is "a", "été" is "ete"), so that it is compared with
// normalized words directly. It holds the words that carry no topic of
// their own: articles and determiners (le, la, les, l, un, des, du, ce,
// cette, mon, nos, leur, tout…), pronouns (je, j, il, on, nous, vous, se, s,
// y, en, qui, que, qu, dont, cela, ça…), prepositions (a, de, d, dans, par,
// pour, sur, avec, sans, chez, entre, vers, contre, depuis…), conjunctions
// (et, ou, mais, donc, car, ni, si, comme, quand…), negation and common
// adverbs (ne, n, pas, plus, moins, tres, trop, bien, aussi, encore, deja,
// meme, and "aujourd" and "hui" of aujourd'hui…), the forms of être, avoir,
// faire and falloir (est, sont, ete, ai, a, ont, fait, faut…), and the
// single letters left by elisions (c, d, j, l, m, n, s, t). Left in on
// purpose: "non" (non-OPTAM), numbers, and domain words however frequent.
// The full list is StopwordList().
#ifndef VERBATIM_CORE_STOPWORDS_H_
#define VERBATIM_CORE_STOPWORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace verbatim {

// Every stopword, normalized, sorted, without duplicates.
const std::vector<std::string>& StopwordList();

// Whether a normalized word is a stopword. Thread-safe.
bool IsStopword(std::string_view normalized_word);

}  // namespace verbatim

#endif  // VERBATIM_CORE_STOPWORDS_H_
