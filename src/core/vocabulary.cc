#include "core/vocabulary.h"

#include <algorithm>

namespace verbatim {
namespace {

bool HasDigit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

// Whether `meaning` matches words[at..] word for word.
bool MeaningAt(const std::vector<PatternWord>& words, size_t at,
               const std::vector<PatternWord>& meaning) {
  if (meaning.empty() || at + meaning.size() > words.size()) return false;
  for (size_t i = 0; i < meaning.size(); ++i) {
    if (!WordsOverlap(words[at + i], meaning[i])) return false;
  }
  return true;
}

}  // namespace

bool WordsOverlap(const PatternWord& a, const PatternWord& b) {
  if (a.stem && b.stem) return StartsWith(a.text, b.text) || StartsWith(b.text, a.text);
  if (a.stem) return StartsWith(b.text, a.text);
  if (b.stem) return StartsWith(a.text, b.text);
  return a.text == b.text;
}

PatternVocabulary::PatternVocabulary(const Codebook& codebook, const Normalizer& normalizer)
    : typos_(codebook.typos) {
  for (const WordAlias& alias : codebook.aliases) {
    const std::vector<PatternWord> word = SplitPatternWords(normalizer.Normalize(alias.word));
    if (word.size() != 1) continue;
    Alias entry{word.front(), {}, alias.word};
    for (const std::string& meaning : alias.meanings) {
      WordJoin join = WordJoin::kPhrase;
      std::vector<PatternWord> words =
          EffectiveWords(SplitPatternWords(normalizer.Normalize(meaning)), &join);
      if (!words.empty()) entry.meanings.push_back(std::move(words));
    }
    if (!entry.meanings.empty()) aliases_.push_back(std::move(entry));
  }
  for (const std::string& word : codebook.typos.never) never_.insert(normalizer.Normalize(word));
}

int PatternVocabulary::MaxEditsFor(const PatternWord& word) const {
  if (!typos_.enabled || HasDigit(word.text) ||
      word.text.size() > static_cast<size_t>(kMaxFuzzyWordBytes)) {
    return 0;
  }
  const int letters = static_cast<int>(word.text.size());
  if (letters >= typos_.two_edits_from) return 2;
  if (letters >= typos_.one_edit_from) return 1;
  return 0;
}

std::vector<std::vector<PatternWord>> PatternVocabulary::Expand(
    const std::vector<PatternWord>& words, bool typos) const {
  std::vector<std::vector<PatternWord>> variants = {words};
  for (PatternWord& word : variants.front()) word.max_edits = typos ? MaxEditsFor(word) : 0;
  // Each alias applies to every variant, those it made included, at every
  // place one of its meanings matches: two aliases, or one alias twice,
  // combine. A variant made twice is kept once.
  auto same = [](const std::vector<PatternWord>& a, const std::vector<PatternWord>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const PatternWord& x, const PatternWord& y) {
                        return x.text == y.text && x.stem == y.stem;
                      });
  };
  for (const Alias& alias : aliases_) {
    for (size_t v = 0; v < variants.size() && variants.size() < kMaxAliasVariants; ++v) {
      for (const std::vector<PatternWord>& meaning : alias.meanings) {
        for (size_t at = 0; at < variants[v].size() && variants.size() < kMaxAliasVariants;
             ++at) {
          if (!MeaningAt(variants[v], at, meaning)) continue;
          std::vector<PatternWord> variant(variants[v].begin(), variants[v].begin() + at);
          PatternWord replacement = alias.word;
          replacement.max_edits = 0;  // An abbreviation is typed as it is.
          variant.push_back(std::move(replacement));
          variant.insert(variant.end(), variants[v].begin() + at + meaning.size(),
                         variants[v].end());
          if (std::none_of(variants.begin(), variants.end(),
                           [&](const auto& made) { return same(made, variant); })) {
            variants.push_back(std::move(variant));
          }
        }
      }
    }
  }
  return variants;
}

}  // namespace verbatim
