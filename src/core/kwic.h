// Keyword in context: where a pattern occurs in answers, in the original
// text.
//
// Design: the pattern is compiled by the codebook's own pattern compiler
// (PatternRegexSources), so a keyword finds here exactly what the same
// pattern finds in a codebook, and occurrences come from the coder's own
// search (core/occurrences.h). Matching is on normalized text; spans are
// mapped back with NormalizedText::ToOriginal so that contexts are shown as
// respondents wrote them. Formatting the lines is io's job (io/output/kwic_table.h).
#ifndef VERBATIM_CORE_KWIC_H_
#define VERBATIM_CORE_KWIC_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/codebook.h"
#include "core/compiled_codebook.h"
#include "core/normalizer.h"
#include "core/status.h"

namespace verbatim {

enum class KwicSyntax {
  kKeyword,  // The codebook's keyword syntax: a term ("ccam", a trailing '*'
             // makes a stem: "revalori*"), or a phrase when it holds a space
             // ("actes techniques"), exactly as a plain string in a codebook.
  kRegex,    // An RE2 regex searched in the normalized text, as `regex:`.
};

// The order of `kwic`'s lines.
enum class KwicOrder {
  kInput,  // Answers in input order, hits in text order. Default.
  kLeft,   // By the words left of the match, read from the match leftwards.
  kRight,  // By the words right of the match, read from the match rightwards.
  kMatch,  // By the matched text.
};

// The stable names used by `--sort`: "input", "left", "right", "match".
std::string_view KwicOrderName(KwicOrder order);

// A match in the original text: bytes [begin, end).
struct KwicHit {
  size_t begin = 0;
  size_t end = 0;
};

// Immutable after Create(): Find is const and thread-safe. Movable, not
// copyable (it owns an RE2).
class KwicMatcher {
 public:
  // Compiles `pattern`. Errors: a keyword with no word ("has no word to
  // match"), a regex RE2 rejects (with RE2's message).
  static Result<KwicMatcher> Create(std::string_view pattern, KwicSyntax syntax,
                                    std::shared_ptr<const Normalizer> normalizer);

  KwicMatcher(KwicMatcher&&) = default;
  KwicMatcher& operator=(KwicMatcher&&) = default;

  // The pattern as a codebook pattern (kind and source) and its compiled,
  // normalized regex source.
  const Pattern& pattern() const { return pattern_; }
  const std::string& regex_source() const { return regex_source_; }

  // Every non-empty match in `original`, in text order, without overlaps,
  // mapped to the original bytes. At most kMaxHitsPerAnswer.
  std::vector<KwicHit> Find(std::string_view original) const;

  // The key that orders `hit` of `original` under `order` (REQUIRES: not
  // kInput): the normalized words of the context or match, joined by a byte
  // below every letter, so that comparing keys compares word by word
  // ("le secteur" before "le secteur 2" before "les"). Keys compare equal for
  // contexts that differ only by case, accents or punctuation; callers keep
  // ties in input order with a stable sort.
  std::string SortKey(std::string_view original, const KwicHit& hit, KwicOrder order) const;

  static constexpr int kMaxHitsPerAnswer = 1000;

 private:
  KwicMatcher() = default;
  Pattern pattern_;
  std::string regex_source_;
  std::shared_ptr<const Normalizer> normalizer_;
  Atom atom_;
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_KWIC_H_
