#include "core/pattern_compiler.h"

#include "core/words.h"

#include <algorithm>
#include <cstdio>

#include <re2/re2.h>
#include <unicode/utf8.h>

namespace verbatim {
namespace {

bool IsFunctionWord(const PatternWord& word) {
  return !word.stem && IsPhraseFunctionWord(word.text);
}

std::string WordCore(const PatternWord& word) {
  std::string core = RE2::QuoteMeta(word.text);
  if (word.stem) {
    core += WordCharClass();
    core += '*';
  }
  return core;
}

std::string FunctionWordAlternation() {
  std::string alternation = "(?:";
  bool first = true;
  for (const std::string& word : PhraseFunctionWords()) {
    if (!first) alternation += '|';
    alternation += RE2::QuoteMeta(word);
    first = false;
  }
  alternation += ')';
  return alternation;
}

std::string CharClass(bool negated, std::string_view extra = {}) {
  std::string out = negated ? "[^" : "[";
  out += extra;
  char buffer[32];
  for (const CodePointRange& range : WordCharacterRanges()) {
    if (range.first == range.last) {
      std::snprintf(buffer, sizeof buffer, "\\x{%X}", static_cast<unsigned>(range.first));
    } else {
      std::snprintf(buffer, sizeof buffer, "\\x{%X}-\\x{%X}", static_cast<unsigned>(range.first),
                    static_cast<unsigned>(range.last));
    }
    out += buffer;
  }
  return out + "]";
}

}  // namespace

const std::string& WordCharClass() {
  static const std::string word = CharClass(false);
  return word;
}

const std::string& NonWordCharClass() {
  static const std::string non_word = CharClass(true);
  return non_word;
}

const std::string& InSentenceGapClass() {
  static const std::string gap = CharClass(true, ".!?;");
  return gap;
}

bool IsSentenceBreak(char c) { return c == '.' || c == '!' || c == '?' || c == ';'; }

const std::vector<std::string>& PhraseFunctionWords() {
  static const std::vector<std::string> words = {
      "de",  "du",  "des", "d",   "la",   "le",    "les", "l",    "sur",   "a",  "au",
      "aux", "en",  "par", "pour", "un",  "une",   "et",  "ou",   "nos",   "notre",
      "leur", "leurs", "ses", "son", "sa", "ces",  "ce",  "cette"};
  return words;
}

bool IsPhraseFunctionWord(std::string_view word) {
  const auto& words = PhraseFunctionWords();
  static const size_t longest = std::max_element(words.begin(), words.end(), [](auto& a, auto& b) {
                                  return a.size() < b.size();
                                })->size();
  if (word.empty() || word.size() > longest) return false;
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::vector<PatternWord> SplitPatternWords(std::string_view text) {
  std::vector<PatternWord> words;
  PatternWord current;
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(text.size());
  auto flush = [&](bool stem) {
    if (!current.text.empty()) {
      current.stem = stem;
      words.push_back(current);
      current = PatternWord{};
    }
  };
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c >= 0 && IsWordCodePoint(c)) {
      current.text.append(text.substr(start, i - start));
    } else if (c == '*') {
      flush(/*stem=*/true);
    } else {
      flush(/*stem=*/false);
    }
  }
  flush(/*stem=*/false);
  return words;
}

std::vector<PatternWord> EffectiveWords(const std::vector<PatternWord>& all_words, WordJoin* join) {
  if (*join != WordJoin::kPhrase) return all_words;
  std::vector<PatternWord> words;
  for (const PatternWord& word : all_words) {
    if (!IsFunctionWord(word)) words.push_back(word);
  }
  if (words.empty()) {
    *join = WordJoin::kStrict;
    return all_words;
  }
  return words;
}

std::string WordSequenceCore(const std::vector<PatternWord>& all_words, WordJoin join) {
  const std::vector<PatternWord> words = EffectiveWords(all_words, &join);
  // Words of one pattern never straddle a sentence: the separator excludes
  // sentence punctuation (. ! ? ;).
  const std::string& gap = InSentenceGapClass();
  std::string separator = gap + "+";
  if (join == WordJoin::kPhrase) {
    separator += "(?:" + FunctionWordAlternation() + gap + "+){0," +
                 std::to_string(kMaxPhraseGapWords) + "}";
  }
  std::string core;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) core += separator;
    core += WordCore(words[i]);
  }
  return core;
}

std::string BoundedAlternation(const std::vector<std::string>& cores,
                               const std::vector<bool>& stem_ends) {
  // Cores that end in a stem need no trailing boundary ("[\pL\pN]*" is
  // greedy and RE2 is leftmost-first, so group 1 still ends at the word's
  // end); the others must not run into the next word.
  std::string body;
  for (size_t i = 0; i < cores.size(); ++i) {
    if (i > 0) body += '|';
    body += cores[i];
    if (!stem_ends[i]) body += "(?:$|" + std::string(NonWordCharClass()) + ")";
  }
  // The trailing boundary sits inside the group; callers trim it from the
  // span (see TrimTrailingNonWord in the matcher), which keeps one group.
  return "(?:^|" + std::string(NonWordCharClass()) + ")(" + body + ")";
}

bool WordSequenceEndsInStem(const std::vector<PatternWord>& words, WordJoin join) {
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    if (join == WordJoin::kStrict || !IsFunctionWord(*it)) return it->stem;
  }
  return false;
}

std::string WordSequenceRegex(const std::vector<PatternWord>& words, WordJoin join) {
  return BoundedAlternation({WordSequenceCore(words, join)},
                            {WordSequenceEndsInStem(words, join)});
}

}  // namespace verbatim
