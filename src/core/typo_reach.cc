#include "core/typo_reach.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/fuzzy_words.h"
#include "core/stopwords.h"

namespace verbatim {
namespace {

constexpr size_t kMaxWordsNamed = 8;

// The word without a final "s", "e" or "es": inflections of one word
// compare equal.
std::string_view Stripped(std::string_view word) {
  if (word.size() > 2 && word.substr(word.size() - 2) == "es") return word.substr(0, word.size() - 2);
  if (word.size() > 1 && (word.back() == 's' || word.back() == 'e')) return word.substr(0, word.size() - 1);
  return word;
}

bool IsPrefix(std::string_view prefix, std::string_view word) {
  return word.size() >= prefix.size() && word.compare(0, prefix.size(), prefix) == 0;
}

// A whole word's other number: its plural, or for a word ending in "s",
// its singular (the forms a codebook most often lacks).
std::vector<std::string> Forms(const std::string& word) {
  if (word.size() > 3 && word.back() == 's') return {word.substr(0, word.size() - 1)};
  if (!word.empty() && word.back() != 'x' && word.back() != 'z') return {word + "s"};
  return {};
}

struct FuzzyWord {
  PatternWord word;
  int pattern = -1;  // The first pattern that uses it.
  std::set<int> codes;
};

}  // namespace

std::vector<Diagnostic> FindTypoReach(const CompiledCodebook& compiled,
                                      const std::vector<TypoReachWords>& extra) {
  std::vector<Diagnostic> diagnostics;
  if (!compiled.has_typo_tolerance()) return diagnostics;
  const Codebook& book = compiled.codebook();
  std::vector<FuzzyWord> fuzzy;
  std::map<std::tuple<std::string, bool, int>, size_t> fuzzy_at;
  std::vector<std::pair<std::string, int>> code_words;  // Every word with its code.
  for (size_t p = 0; p < compiled.patterns().size(); ++p) {
    const CompiledPattern& pattern = compiled.patterns()[p];
    for (int atom : pattern.atoms) {
      for (const WordSequence& sequence : compiled.atoms()[atom].sequences) {
        for (const PatternWord& word : sequence.words) {
          if (!word.stem) code_words.emplace_back(word.text, pattern.code);
          if (word.max_edits <= 0) continue;
          auto [it, added] =
              fuzzy_at.emplace(std::make_tuple(word.text, word.stem, word.max_edits), fuzzy.size());
          if (added) fuzzy.push_back(FuzzyWord{word, static_cast<int>(p), {}});
          fuzzy[it->second].codes.insert(pattern.code);
        }
      }
    }
  }
  FuzzyWordIndex index;
  for (size_t f = 0; f < fuzzy.size(); ++f) {
    index.Add(fuzzy[f].word.text, fuzzy[f].word.stem, fuzzy[f].word.max_edits, static_cast<int>(f));
  }
  std::vector<std::map<std::string, std::string>> reached(fuzzy.size());  // word -> what
  FuzzyScratch scratch;
  std::vector<int> found;
  auto test = [&](const std::string& word, const std::string& what, int code) {
    // A whole word of the codebook is never a typo; a word under a stem is
    // one only of the stem's own longer words, its forms, not another word.
    if (word.empty() || compiled.TypoSharedBytes(word) != 1 ||
        compiled.vocabulary().NeverTypo(word)) {
      return;
    }
    found.clear();
    index.Find(word, &scratch, &found);
    for (int f : found) {
      const FuzzyWord& entry = fuzzy[static_cast<size_t>(f)];
      if (code >= 0 && entry.codes.count(code) > 0) continue;  // the code's own word
      if (Stripped(word) == Stripped(entry.word.text) || IsPrefix(word, entry.word.text) ||
          IsPrefix(entry.word.text, word)) {
        continue;  // one word's forms, not another word
      }
      reached[static_cast<size_t>(f)].emplace(word, what);
    }
  };
  for (const std::string& word : StopwordList()) test(word, "a stopword", -1);
  // Another code's whole words are known, so never typos; their other forms
  // are not.
  for (const auto& [word, code] : code_words) {
    const std::string what = "another form of '" + word + "' of '" + book.codes[code].id + "'";
    for (const std::string& form : Forms(word)) test(form, what, code);
  }
  for (const TypoReachWords& list : extra) {
    for (const std::string& word : list.words) test(word, list.what, -1);
  }
  for (size_t f = 0; f < fuzzy.size(); ++f) {
    if (reached[f].empty()) continue;
    const FuzzyWord& entry = fuzzy[f];
    const CompiledPattern& pattern = compiled.patterns()[static_cast<size_t>(entry.pattern)];
    std::string named;
    size_t count = 0;
    for (const auto& [word, what] : reached[f]) {
      if (count++ == kMaxWordsNamed) {
        named += ", …";
        break;
      }
      if (!named.empty()) named += ", ";
      named += "'" + word + "' (" + what + ")";
    }
    diagnostics.push_back(Diagnostic{
        Severity::kWarning, pattern.pattern->location,
        "word '" + entry.word.text + (entry.word.stem ? "*" : "") + "' of '" +
            book.codes[static_cast<size_t>(pattern.code)].id + "' reaches " +
            std::to_string(reached[f].size()) + " other word(s) within its typo tolerance (" +
            std::to_string(entry.word.max_edits) + " edit(s)): " + named +
            "; list them under typos.never, or set typos: false on the pattern"});
  }
  return diagnostics;
}

}  // namespace verbatim
