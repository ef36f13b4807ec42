// What to tell an analyst whose regex RE2 rejects.
//
// Design: RE2 guarantees linear time by refusing the Perl features that need
// backtracking. Its own message for them ("invalid perl operator: (?=",
// "invalid escape sequence: \1") names the syntax but not the way out, which
// in a codebook is another kind of pattern: words that must not be there are
// an `exclude:` pattern, words that must be close together a `near:` one.
// Every place that reports a rejected regex (check, compile, kwic) words it
// through this one function.
#ifndef VERBATIM_CORE_REGEX_ERROR_H_
#define VERBATIM_CORE_REGEX_ERROR_H_

#include <string>
#include <string_view>

namespace re2 {
class RE2;
}  // namespace re2

namespace verbatim {

// RE2's message for `regex`, followed, when `source` (the regex as written)
// uses a lookaround ((?=, (?!, (?<=, (?<!) or a backreference (\1 … \9) at
// the place RE2 stopped, by a sentence saying that RE2 has none and what to
// write instead. REQUIRES: !regex.ok().
std::string DescribeRegexError(std::string_view source, const re2::RE2& regex);

}  // namespace verbatim

#endif  // VERBATIM_CORE_REGEX_ERROR_H_
