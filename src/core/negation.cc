#include "core/negation.h"

#include <re2/re2.h>

#include "core/occurrences.h"

namespace verbatim {
namespace {

bool HasClausePunctuation(std::string_view separator) {
  for (char c : separator) {
    switch (c) {
      case '.': case ',': case ';': case ':': case '!': case '?':
      case '(': case ')': case '[': case ']': case '/': case '"':
        return true;
      default:
        break;
    }
  }
  return separator.find("\xE2\x80\xA6") != std::string_view::npos;  // "…"
}

std::string SearchCue(const RE2* cues, std::string_view window) {
  if (cues == nullptr || window.empty()) return {};
  re2::StringPiece whole;
  if (!cues->Match(re2::StringPiece(window.data(), window.size()), 0, window.size(),
                   RE2::UNANCHORED, &whole, 1)) {
    return {};
  }
  const size_t begin = static_cast<size_t>(whole.data() - window.data());
  const TextSpan cue = BoundedMatchWords(window, TextSpan{begin, begin + whole.size()});
  return std::string(window.substr(cue.begin, cue.end - cue.begin));
}

// Moves `start` past the last clause-break phrase ("par contre") in
// text[start, limit).
size_t AfterLastBreakPhrase(const CompiledCodebook& codebook, std::string_view text, size_t start,
                            size_t limit) {
  const std::string_view window = text.substr(start, limit - start);
  size_t result = start;
  for (const std::string& phrase : codebook.clause_break_phrases()) {
    const size_t at = window.rfind(phrase);
    if (at != std::string_view::npos) result = std::max(result, start + at + phrase.size());
  }
  return result;
}

}  // namespace

std::string FindNegationCue(const CompiledCodebook& codebook, std::string_view text,
                            const std::vector<WordToken>& tokens, size_t begin, size_t end,
                            int window) {
  if (window <= 0) return {};
  // Before the hit.
  size_t window_start = begin;
  size_t boundary = begin;
  int words = 0;
  for (size_t j = TokenIndexAt(tokens, begin); j-- > 0 && words < window;) {
    const WordToken& token = tokens[j];
    if (token.end > begin) continue;
    if (HasClausePunctuation(text.substr(token.end, boundary - token.end))) break;
    if (codebook.IsClauseBreakWord(text.substr(token.begin, token.end - token.begin))) break;
    window_start = token.begin;
    boundary = token.begin;
    ++words;
  }
  window_start = AfterLastBreakPhrase(codebook, text, window_start, begin);
  std::string cue = SearchCue(codebook.negation_before(), text.substr(window_start, begin - window_start));
  if (!cue.empty()) return cue;

  // After the hit: a judgement such as "n'est pas une priorité" is longer
  // than the words that negate, so the clause is searched twice as far.
  size_t window_end = end;
  boundary = end;
  words = 0;
  for (size_t j = TokenIndexAt(tokens, end); j < tokens.size() && words < 2 * window; ++j) {
    const WordToken& token = tokens[j];
    if (token.begin < end) continue;
    if (HasClausePunctuation(text.substr(boundary, token.begin - boundary))) break;
    if (codebook.IsClauseBreakWord(text.substr(token.begin, token.end - token.begin))) break;
    window_end = token.end;
    boundary = token.end;
    ++words;
  }
  return SearchCue(codebook.negation_after(), text.substr(end, window_end - end));
}

}  // namespace verbatim
