#include "core/negation_cues.h"

#include <cstdint>
#include <utility>

#include <re2/re2.h>

#include "core/pattern_compiler.h"
#include "core/regex_options.h"
#include "core/words.h"

namespace verbatim {
namespace {

// One alternation of the cues, each a strict sequence of its words as a
// term pattern is, without the codebook's aliases or typo tolerance.
std::unique_ptr<RE2> CompileCueRegex(const std::vector<std::string>& cues,
                                     const Normalizer& normalizer) {
  std::vector<std::string> cores;
  std::vector<bool> stem_ends;
  for (const std::string& cue : cues) {
    const std::vector<PatternWord> words = SplitPatternWords(normalizer.Normalize(cue));
    if (words.empty()) continue;
    WordJoin join = WordJoin::kStrict;
    const std::vector<PatternWord> effective = EffectiveWords(words, &join);
    cores.push_back(WordSequenceCore(effective, join));
    stem_ends.push_back(WordSequenceEndsInStem(effective, join));
  }
  if (cores.empty()) return nullptr;
  auto compiled = std::make_unique<RE2>(BoundedAlternation(cores, stem_ends),
                                        CodebookRegexOptions(int64_t{8} << 20));
  if (!compiled->ok()) return nullptr;
  return compiled;
}

}  // namespace

NegationCues::NegationCues() = default;

NegationCues::NegationCues(const NegationSettings& settings, const Normalizer& normalizer) {
  const NegationSettings defaults = DefaultNegationSettings();
  before_ =
      CompileCueRegex(settings.before.empty() ? defaults.before : settings.before, normalizer);
  after_ = CompileCueRegex(settings.after.empty() ? defaults.after : settings.after, normalizer);
  after_sentence_ = CompileCueRegex(settings.after_sentence, normalizer);
  for (const std::string& word :
       settings.clause_breaks.empty() ? defaults.clause_breaks : settings.clause_breaks) {
    const std::string normalized = normalizer.Normalize(word);
    if (normalized.find(' ') == std::string::npos) {
      clause_break_words_.insert(normalized);
    } else {
      clause_break_phrases_.push_back(normalized);
    }
  }
  for (const std::string& phrase :
       settings.fixed_phrases.empty() ? defaults.fixed_phrases : settings.fixed_phrases) {
    const std::string normalized = normalizer.Normalize(phrase);
    std::vector<WordToken> tokens;
    TokenizeWords(normalized, &tokens);
    FixedPhrase words;
    for (const WordToken& token : tokens) {
      words.push_back(FixedPhraseWord{normalized.substr(token.begin, token.end - token.begin),
                                      token.end < normalized.size() && normalized[token.end] == '*'});
    }
    if (!words.empty()) fixed_phrases_.push_back(std::move(words));
  }
}

NegationCues::~NegationCues() = default;
NegationCues::NegationCues(NegationCues&&) noexcept = default;
NegationCues& NegationCues::operator=(NegationCues&&) noexcept = default;

bool NegationCues::IsClauseBreakWord(std::string_view word) const {
  return clause_break_words_.count(std::string(word)) > 0;
}

}  // namespace verbatim
