#include "core/kwic.h"

#include <algorithm>
#include <cassert>

#include <re2/re2.h>

#include "core/occurrences.h"
#include "core/regex_error.h"

namespace verbatim {

Result<KwicMatcher> KwicMatcher::Create(std::string_view pattern, KwicSyntax syntax,
                                        std::shared_ptr<const Normalizer> normalizer) {
  KwicMatcher matcher;
  matcher.pattern_.source = std::string(pattern);
  if (syntax == KwicSyntax::kRegex) {
    matcher.pattern_.kind = PatternKind::kRegex;
  } else {
    // The codebook's rule for a plain string: a space makes a phrase.
    matcher.pattern_.kind =
        pattern.find(' ') == std::string_view::npos ? PatternKind::kTerm : PatternKind::kPhrase;
  }
  const std::vector<std::string> sources = PatternRegexSources(matcher.pattern_, *normalizer);
  if (sources.empty() || sources.front().empty()) {
    return MakeError("pattern '" + matcher.pattern_.source +
                     "' has no word to match (only punctuation?)");
  }
  matcher.regex_source_ = sources.front();
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  auto regex = std::make_unique<RE2>(matcher.regex_source_, options);
  if (!regex->ok()) {
    return MakeError(std::string(PatternKindName(matcher.pattern_.kind)) + " '" +
                     matcher.pattern_.source + "' does not compile: " +
                     DescribeRegexError(matcher.pattern_.source, *regex));
  }
  matcher.atom_.regex = AtomRegex::Compiled(std::move(regex));
  matcher.atom_.span_group = syntax == KwicSyntax::kRegex ? 0 : 1;
  matcher.atom_.sequences = PatternWordSequences(matcher.pattern_, *normalizer).front();
  matcher.normalizer_ = std::move(normalizer);
  return matcher;
}

std::string_view KwicOrderName(KwicOrder order) {
  switch (order) {
    case KwicOrder::kInput: return "input";
    case KwicOrder::kLeft: return "left";
    case KwicOrder::kRight: return "right";
    case KwicOrder::kMatch: return "match";
  }
  return "input";
}

std::string KwicMatcher::SortKey(std::string_view original, const KwicHit& hit,
                                 KwicOrder order) const {
  assert(order != KwicOrder::kInput);
  const std::string_view part = order == KwicOrder::kLeft    ? original.substr(0, hit.begin)
                                : order == KwicOrder::kRight ? original.substr(hit.end)
                                                             : original.substr(hit.begin, hit.end - hit.begin);
  const std::string normalized = normalizer_->Normalize(part);
  std::vector<WordToken> tokens;
  TokenizeWords(normalized, &tokens);
  // The left context is read from the match outwards: its last word first.
  if (order == KwicOrder::kLeft) std::reverse(tokens.begin(), tokens.end());
  std::string key;
  for (const WordToken& token : tokens) {
    if (!key.empty()) key += '\x01';
    key.append(normalized, token.begin, token.end - token.begin);
  }
  return key;
}

std::vector<KwicHit> KwicMatcher::Find(std::string_view original) const {
  NormalizedText normalized;
  normalizer_->Normalize(original, &normalized);
  std::vector<WordToken> tokens;
  TokenizeWords(normalized.text, &tokens);
  std::vector<KwicHit> hits;
  for (const TextSpan& span : FindOccurrences(atom_, normalized.text, tokens, kMaxHitsPerAnswer)) {
    if (span.end == span.begin) continue;
    const auto [begin, end] = normalized.ToOriginal(span.begin, span.end, original);
    hits.push_back({begin, end});
  }
  return hits;
}

}  // namespace verbatim
