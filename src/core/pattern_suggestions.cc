#include "core/pattern_suggestions.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <memory>
#include <tuple>

#include "core/coder.h"

namespace verbatim {
namespace {

// Per code of `book`, whether `codes` has it: a theme when it or one of its
// subthemes is listed.
std::vector<char> Presence(const Codebook& book, const std::vector<int>& codes) {
  std::vector<char> present(book.codes.size(), 0);
  for (int code : codes) {
    present[static_cast<size_t>(code)] = 1;
    const CodeDefinition& definition = book.codes[static_cast<size_t>(code)];
    if (definition.level == CodeLevel::kSubtheme) {
      present[static_cast<size_t>(definition.theme_index)] = 1;
    }
  }
  return present;
}

// Whether a pattern of code `owner` is evidence for `code`: its own, or, for
// a theme, one of its subthemes'.
bool EvidenceFor(const Codebook& book, int owner, int code) {
  if (owner == code) return true;
  const CodeDefinition& definition = book.codes[static_cast<size_t>(owner)];
  return definition.level == CodeLevel::kSubtheme && definition.theme_index == code;
}

// Per candidate, the answers of `pool` (ascending) where it has a hit that
// is not negated, counted as a codebook would: the candidates are the
// include patterns of the one code of a codebook with `codebook`'s settings
// and negation cues, coded by CodeAnswer.
Result<std::vector<std::vector<int>>> CleanHits(
    const CompiledCodebook& codebook, const std::vector<const CandidatePattern*>& candidates,
    std::span<const LabeledAnswer> answers, const std::vector<int>& pool) {
  const Codebook& original = codebook.codebook();
  Codebook book;
  book.path = original.path;
  book.info = original.info;
  book.settings = original.settings;
  book.negation = original.negation;
  CodeDefinition code;
  code.id = "candidates";
  code.label = "candidates";
  for (const CandidatePattern* candidate : candidates) code.patterns.push_back(candidate->pattern);
  book.codes.push_back(std::move(code));

  // The candidate codebook lives only during this call, inside `codebook`'s
  // lifetime: it may share the normalizer without owning it.
  std::shared_ptr<const Normalizer> normalizer(std::shared_ptr<const Normalizer>(),
                                               &codebook.normalizer());
  std::vector<Diagnostic> diagnostics;
  auto compiled = CompiledCodebook::Compile(book, normalizer, CompileOptions{}, &diagnostics);
  if (!compiled) {
    return MakeError("a candidate pattern does not compile: " + FormatError(compiled.error()));
  }
  assert((*compiled)->patterns().size() == candidates.size());

  std::vector<std::vector<int>> hits(candidates.size());
  CodingScratch scratch;
  CodingResult result;
  for (int answer : pool) {
    CodeAnswer(**compiled, answers[static_cast<size_t>(answer)].text, &scratch, &result);
    if (result.status == AnswerStatus::kError) {
      return MakeError("answer '" + answers[static_cast<size_t>(answer)].id + "': " + result.error);
    }
    for (const PatternHit& hit : result.hits) {
      // A yielded hit (Pattern::unless) counts for nothing, as a negated one.
      if (hit.negation_cue.empty() && hit.yielded_to < 0) {
        hits[static_cast<size_t>(hit.pattern)].push_back(answer);
      }
    }
  }
  return hits;
}

// Keeps, of the stems cut from each word, the shortest whose breaks are no
// more than the word's (see the header). Returns the kept candidates.
std::vector<SuggestedPattern> ChooseStems(std::vector<SuggestedPattern> suggested) {
  std::map<std::string, const SuggestedPattern*> terms;
  std::map<std::string, std::vector<size_t>> stems_of_word;
  for (size_t i = 0; i < suggested.size(); ++i) {
    const CandidatePattern& candidate = suggested[i].candidate;
    if (candidate.kind == CandidateKind::kTerm) terms[candidate.pattern.source] = &suggested[i];
    if (candidate.kind == CandidateKind::kStem) {
      for (const std::string& word : candidate.stem_of) stems_of_word[word].push_back(i);
    }
  }
  std::vector<char> chosen(suggested.size(), 0);
  for (auto& [word, stems] : stems_of_word) {
    // Longest first: each is a prefix of the one before.
    std::sort(stems.begin(), stems.end(), [&](size_t a, size_t b) {
      return suggested[a].candidate.words.front().text.size() >
             suggested[b].candidate.words.front().text.size();
    });
    const auto term = terms.find(word);
    const size_t reference =
        term != terms.end() ? term->second->broken.size() : suggested[stems.front()].broken.size();
    size_t best = stems.size();
    for (size_t s = 0; s < stems.size(); ++s) {
      if (suggested[stems[s]].broken.size() <= reference) best = s;
    }
    if (best < stems.size()) chosen[stems[best]] = 1;
  }
  std::vector<SuggestedPattern> kept;
  for (size_t i = 0; i < suggested.size(); ++i) {
    if (suggested[i].candidate.kind != CandidateKind::kStem || chosen[i]) {
      kept.push_back(std::move(suggested[i]));
    }
  }
  return kept;
}

bool RanksBefore(const SuggestedPattern& a, const SuggestedPattern& b) {
  const std::string& sa = a.candidate.pattern.source;
  const std::string& sb = b.candidate.pattern.source;
  return std::make_tuple(-a.score(), -static_cast<long long>(a.fixed.size()), sa.size(),
                         std::string_view(sa), static_cast<int>(a.candidate.kind)) <
         std::make_tuple(-b.score(), -static_cast<long long>(b.fixed.size()), sb.size(),
                         std::string_view(sb), static_cast<int>(b.candidate.kind));
}

// The ranked candidates for one code (see the header).
Result<void> Suggest(const CompiledCodebook& codebook, std::span<const LabeledAnswer> answers,
                     const std::vector<CodingResult>& results, const std::vector<int>& break_pool,
                     const SuggestOptions& options, CodeSuggestions* code) {
  if (code->missed.size() < options.min_fixes) return {};
  std::vector<std::string_view> texts;
  for (int answer : code->missed) {
    texts.push_back(results[static_cast<size_t>(answer)].normalized.text);
  }
  CandidateSet set = GenerateCandidates(texts, {options.min_fixes, options.max_candidates});
  code->candidates_generated = set.generated;
  code->candidates_compiled = set.candidates.size();
  if (set.candidates.empty()) return {};

  std::vector<const CandidatePattern*> all;
  for (const CandidatePattern& candidate : set.candidates) all.push_back(&candidate);
  auto fixes = CleanHits(codebook, all, answers, code->missed);
  if (!fixes) return tl::unexpected(fixes.error());
  std::vector<const CandidatePattern*> kept;
  std::vector<std::vector<int>> kept_fixes;
  for (size_t i = 0; i < all.size(); ++i) {
    if ((*fixes)[i].size() < options.min_fixes) continue;
    kept.push_back(all[i]);
    kept_fixes.push_back(std::move((*fixes)[i]));
  }
  if (kept.empty()) return {};
  auto breaks = CleanHits(codebook, kept, answers, break_pool);
  if (!breaks) return tl::unexpected(breaks.error());

  std::vector<SuggestedPattern> suggested;
  for (size_t i = 0; i < kept.size(); ++i) {
    suggested.push_back({*kept[i], std::move(kept_fixes[i]), std::move((*breaks)[i])});
  }
  suggested = ChooseStems(std::move(suggested));
  std::sort(suggested.begin(), suggested.end(), RanksBefore);
  for (SuggestedPattern& candidate : suggested) {
    if (code->candidates.size() >= options.top) break;
    // A better-ranked candidate with the same fixes has no more breaks.
    const bool subsumed = std::any_of(
        code->candidates.begin(), code->candidates.end(),
        [&](const SuggestedPattern& better) { return better.fixed == candidate.fixed; });
    if (!subsumed) code->candidates.push_back(std::move(candidate));
  }
  return {};
}

}  // namespace

Result<SuggestionReport> SuggestPatterns(const CompiledCodebook& codebook,
                                         std::span<const LabeledAnswer> answers,
                                         const SuggestOptions& options) {
  assert(options.min_fixes >= 1);
  const Codebook& book = codebook.codebook();
  const std::vector<CompiledPattern>& patterns = codebook.patterns();
  SuggestionReport report;
  report.labeled = answers.size();

  std::vector<CodingResult> results(answers.size());
  std::vector<std::vector<char>> gold(answers.size()), machine(answers.size());
  // Per pattern: answers with a hit; with a hit that is not negated; of
  // those, answers whose gold has the pattern's code. CodeAnswer keeps one
  // hit per pattern and answer.
  std::vector<size_t> any_hits(patterns.size()), clean_hits(patterns.size()),
      clean_hits_gold_has(patterns.size());
  CodingScratch scratch;
  for (size_t i = 0; i < answers.size(); ++i) {
    CodeAnswer(codebook, answers[i].text, &scratch, &results[i]);
    if (results[i].status == AnswerStatus::kError) {
      return MakeError("answer '" + answers[i].id + "': " + results[i].error);
    }
    gold[i] = Presence(book, answers[i].gold);
    machine[i] = Presence(book, results[i].proposed);
    for (const PatternHit& hit : results[i].hits) {
      const size_t p = static_cast<size_t>(hit.pattern);
      ++any_hits[p];
      if (!hit.negation_cue.empty() || hit.yielded_to >= 0) continue;
      ++clean_hits[p];
      if (gold[i][static_cast<size_t>(patterns[p].code)]) ++clean_hits_gold_has[p];
    }
  }

  for (size_t c = 0; c < book.codes.size(); ++c) {
    const int code_index = static_cast<int>(c);
    if (options.code >= 0 && options.code != code_index) continue;
    CodeSuggestions code;
    code.code = code_index;
    std::vector<int> break_pool;
    for (size_t i = 0; i < answers.size(); ++i) {
      const int answer = static_cast<int>(i);
      const bool in_gold = gold[i][c], proposed = machine[i][c];
      if (in_gold && proposed) {
        ++code.true_positives;
      } else if (in_gold) {
        code.missed.push_back(answer);
      } else if (proposed) {
        if (code.wrong.size() < options.max_examples) {
          WrongCoding wrong{answer, {}};
          for (const PatternHit& hit : results[i].hits) {
            const CompiledPattern& pattern = patterns[static_cast<size_t>(hit.pattern)];
            if (pattern.role == PatternRole::kInclude && hit.yielded_to < 0 &&
                EvidenceFor(book, pattern.code, code_index)) {
              wrong.fired.push_back({hit.pattern, hit.negation_cue});
            }
          }
          code.wrong.push_back(std::move(wrong));
        }
        ++code.wrong_count;
      } else {
        break_pool.push_back(answer);
      }
    }
    for (size_t p = 0; p < patterns.size(); ++p) {
      if (patterns[p].code != code_index || patterns[p].role != PatternRole::kInclude) continue;
      if (any_hits[p] == 0) {
        code.drops.push_back({static_cast<int>(p), DropReason::kNeverFired, 0});
      } else if (clean_hits[p] > 0 && clean_hits_gold_has[p] == 0) {
        code.drops.push_back({static_cast<int>(p), DropReason::kOnlyGoldLacks, clean_hits[p]});
      }
    }
    if (auto suggested = Suggest(codebook, answers, results, break_pool, options, &code);
        !suggested) {
      return tl::unexpected(suggested.error());
    }
    if (options.code >= 0 || !code.missed.empty() || code.wrong_count > 0 || !code.drops.empty()) {
      report.codes.push_back(std::move(code));
    }
  }
  return report;
}

}  // namespace verbatim
