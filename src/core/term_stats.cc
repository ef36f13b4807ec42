#include "core/term_stats.h"

#include <algorithm>
#include <set>

#include "core/stopwords.h"
#include "core/words.h"

namespace verbatim {
namespace {

// The one-character joint that stands for the gap between two words of a
// phrase, or 0 when the gap ends the phrase.
char Joint(std::string_view gap) {
  char joint = ' ';
  for (char c : gap) {
    if (c == '\'') {
      joint = '\'';
    } else if (c == '-') {
      if (joint != '\'') joint = '-';
    } else if (c != ' ') {
      return 0;
    }
  }
  return joint;
}

bool EndsWith(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// Replaces `suffix` by `replacement` when what is left keeps 3 letters.
bool Replace(std::string& word, std::string_view suffix, std::string_view replacement) {
  if (!EndsWith(word, suffix) || word.size() - suffix.size() + replacement.size() < 3) return false;
  word.resize(word.size() - suffix.size());
  word += replacement;
  return true;
}

}  // namespace

std::string InflectionKey(std::string_view word) {
  std::string key(word);
  if (key.size() < 4) return key;
  for (char c : key) {
    if (c >= '0' && c <= '9') return key;
  }
  if (!Replace(key, "aux", "al") && !Replace(key, "s", "")) Replace(key, "x", "");
  if (!Replace(key, "euse", "eu")) Replace(key, "ive", "if");
  if (Replace(key, "e", "")) Replace(key, "e", "");
  if (!Replace(key, "ll", "l") && !Replace(key, "nn", "n")) Replace(key, "tt", "t");
  return key;
}

TermCounter::TermCounter(std::vector<std::string> extra_stopwords)
    : extra_stopwords_(std::move(extra_stopwords)) {
  std::sort(extra_stopwords_.begin(), extra_stopwords_.end());
}

bool TermCounter::IsStop(std::string_view word) const {
  return IsStopword(word) ||
         std::binary_search(extra_stopwords_.begin(), extra_stopwords_.end(), word);
}

// `seen`: form -> key, each once for this answer.
void TermCounter::Count(const std::map<std::string, std::string>& seen,
                        std::map<std::string, Group>& groups) {
  std::set<std::string> keys;
  for (const auto& [form, key] : seen) {
    Group& group = groups[key];
    ++group.forms[form];
    if (keys.insert(key).second) ++group.answers;
  }
}

void TermCounter::Add(std::string_view text) {
  ++answers_;
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  std::vector<std::string_view> words;
  std::vector<std::string> keys;
  std::vector<char> joints;  // joints[i]: between words i and i + 1.
  for (size_t i = 0; i < tokens.size(); ++i) {
    words.push_back(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    keys.push_back(InflectionKey(words.back()));
    if (i + 1 < tokens.size()) {
      joints.push_back(Joint(text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end)));
    }
  }
  std::map<std::string, std::string> seen_words, seen_phrases;  // form -> key
  for (size_t i = 0; i < words.size(); ++i) {
    if (IsStop(words[i])) continue;
    seen_words.emplace(std::string(words[i]), keys[i]);
    std::string phrase(words[i]);
    std::string key = keys[i];
    for (size_t n = 1; n <= 2 && i + n < words.size(); ++n) {
      const char joint = joints[i + n - 1];
      if (joint == 0) break;
      phrase += joint;
      phrase += words[i + n];
      key += joint;
      key += keys[i + n];
      if (!IsStop(words[i + n])) seen_phrases.emplace(phrase, key);
    }
  }
  Count(seen_words, words_);
  Count(seen_phrases, phrases_);
}

std::vector<TermCount> TermCounter::Top(TermLength length, size_t top, size_t min_count) const {
  const std::map<std::string, Group>& groups = length == TermLength::kWord ? words_ : phrases_;
  std::vector<TermCount> terms;
  for (const auto& [key, group] : groups) {
    if (group.answers < min_count) continue;
    TermCount term;
    term.answers = group.answers;
    for (const auto& [form, answers] : group.forms) term.forms.push_back({form, answers});
    // The map is in byte order: a stable sort on the count keeps ties so.
    std::stable_sort(term.forms.begin(), term.forms.end(),
                     [](const TermForm& a, const TermForm& b) { return a.answers > b.answers; });
    term.term = term.forms.front().text;
    terms.push_back(std::move(term));
  }
  std::sort(terms.begin(), terms.end(), [](const TermCount& a, const TermCount& b) {
    if (a.answers != b.answers) return a.answers > b.answers;
    return a.term < b.term;
  });
  if (terms.size() > top) terms.resize(top);
  return terms;
}

}  // namespace verbatim
