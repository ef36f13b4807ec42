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

}  // namespace

void TermCounter::Add(std::string_view text) {
  ++answers_;
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  std::vector<std::string_view> words;
  std::vector<char> joints;  // joints[i]: between words i and i + 1.
  for (size_t i = 0; i < tokens.size(); ++i) {
    words.push_back(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    if (i + 1 < tokens.size()) {
      joints.push_back(Joint(text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end)));
    }
  }
  std::set<std::string> seen_words, seen_phrases;
  for (size_t i = 0; i < words.size(); ++i) {
    const bool stop = IsStopword(words[i]);
    if (!stop) seen_words.insert(std::string(words[i]));
    if (stop) continue;
    std::string phrase(words[i]);
    for (size_t n = 1; n <= 2 && i + n < words.size(); ++n) {
      const char joint = joints[i + n - 1];
      if (joint == 0) break;
      phrase += joint;
      phrase += words[i + n];
      if (!IsStopword(words[i + n])) seen_phrases.insert(phrase);
    }
  }
  for (const std::string& word : seen_words) ++words_[word];
  for (const std::string& phrase : seen_phrases) ++phrases_[phrase];
}

std::vector<TermCount> TermCounter::Top(TermLength length, size_t top, size_t min_count) const {
  const std::map<std::string, size_t>& counts = length == TermLength::kWord ? words_ : phrases_;
  std::vector<TermCount> terms;
  for (const auto& [term, answers] : counts) {
    if (answers >= min_count) terms.push_back({term, answers});
  }
  // The map is in byte order: a stable sort on the count keeps ties so.
  std::stable_sort(terms.begin(), terms.end(),
                   [](const TermCount& a, const TermCount& b) { return a.answers > b.answers; });
  if (terms.size() > top) terms.resize(top);
  return terms;
}

}  // namespace verbatim
