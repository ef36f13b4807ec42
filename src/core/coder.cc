#include "core/coder.h"

#include <algorithm>
#include <cstdio>

#include "core/negation.h"
#include "core/occurrences.h"
#include "core/pattern_compiler.h"

namespace verbatim {
namespace {

// Occurrences looked at per pattern: enough to find a non-negated one or to
// test a near window, bounded so that a pathological answer stays linear.
constexpr int kMaxOccurrences = 16;

using Span = TextSpan;

// Every combination of one occurrence per group whose words lie within
// `within` words of each other, as covering spans in text order (at most
// `limit`).
// Whether sentence punctuation stands between the spans (taken in text order).
bool CrossesSentence(std::string_view text, std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  for (size_t i = 1; i < spans.size(); ++i) {
    for (size_t at = spans[i - 1].end; at < spans[i].begin; ++at) {
      if (IsSentenceBreak(text[at])) return true;
    }
  }
  return false;
}

std::vector<Span> FindNearWindows(std::string_view text, const std::vector<std::vector<Span>>& groups,
                                  const std::vector<WordToken>& tokens, int within, size_t limit) {
  struct WordSpan {
    size_t first_word, last_word;
    Span span;
  };
  std::vector<std::vector<WordSpan>> words(groups.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    for (const Span& span : groups[g]) {
      const size_t first = TokenIndexAt(tokens, span.begin);
      const size_t last = span.end > span.begin ? TokenIndexAt(tokens, span.end - 1) : first;
      words[g].push_back({first, last, span});
    }
  }
  std::vector<Span> windows;
  std::vector<size_t> choice(groups.size(), 0);
  while (windows.size() < limit) {
    size_t max_first = 0, min_last = SIZE_MAX;
    Span cover{SIZE_MAX, 0};
    std::vector<Span> chosen;
    for (size_t g = 0; g < groups.size(); ++g) {
      const WordSpan& w = words[g][choice[g]];
      max_first = std::max(max_first, w.first_word);
      min_last = std::min(min_last, w.last_word);
      cover.begin = std::min(cover.begin, w.span.begin);
      cover.end = std::max(cover.end, w.span.end);
      cover.fuzzy |= w.span.fuzzy;
      chosen.push_back(w.span);
    }
    const long gap = static_cast<long>(max_first) - static_cast<long>(min_last) - 1;
    if (gap <= within && !CrossesSentence(text, chosen)) windows.push_back(cover);
    size_t g = 0;
    while (g < groups.size() && ++choice[g] == words[g].size()) {
      choice[g] = 0;
      ++g;
    }
    if (g == groups.size()) break;
  }
  std::sort(windows.begin(), windows.end(),
            [](const Span& a, const Span& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
  return windows;
}

void AddHit(const CompiledCodebook& codebook, std::string_view original, int pattern, Span span,
            std::string cue, CodingResult* result) {
  PatternHit hit;
  hit.pattern = pattern;
  hit.begin = span.begin;
  hit.end = span.end;
  const auto [ob, oe] = result->normalized.ToOriginal(span.begin, span.end, original);
  hit.original_begin = ob;
  hit.original_end = oe;
  hit.negation_cue = std::move(cue);
  hit.fuzzy = span.fuzzy;
  (void)codebook;
  result->hits.push_back(std::move(hit));
}

// Occurrence `k` (from 0) of the user regex `atom` (an Atom::first_same_regex)
// in the answer, found once per answer whichever pattern asks.
bool RegexOccurrence(const CompiledCodebook& codebook, int atom, std::string_view text, size_t k,
                     CodingScratch* scratch, Span* span) {
  std::vector<CodingScratch::RegexOccurrences>& memo = scratch->regex_occurrences;
  CodingScratch::RegexOccurrences* entry = nullptr;
  for (size_t i = 0; i < scratch->regex_occurrences_used; ++i) {
    if (memo[i].atom == atom) {
      entry = &memo[i];
      break;
    }
  }
  if (entry == nullptr) {
    if (scratch->regex_occurrences_used == memo.size()) memo.emplace_back();
    entry = &memo[scratch->regex_occurrences_used++];
    entry->atom = atom;
    entry->spans.clear();
    entry->search = OccurrenceSearch{};
    entry->exhausted = false;
  }
  while (entry->spans.size() <= k) {
    Span next;
    if (entry->exhausted || !NextOccurrence(codebook.atoms()[atom], text, scratch->tokens, nullptr,
                                            &entry->search, &next)) {
      entry->exhausted = true;
      return false;
    }
    entry->spans.push_back(next);
  }
  *span = entry->spans[k];
  return true;
}

// Finds the evidence of one pattern whose atoms all hit. Keeps the first
// occurrence that is not negated, else the first negated one.
void CollectPatternHit(const CompiledCodebook& codebook, std::string_view original, int pattern_index,
                       CodingScratch* scratch, CodingResult* result) {
  const CompiledPattern& pattern = codebook.patterns()[pattern_index];
  const std::string_view text = result->normalized.text;
  const int window = codebook.codebook().settings.negation_window;
  const char* typo_tokens =
      scratch->prefilter.typo_tokens.empty() ? nullptr : scratch->prefilter.typo_tokens.data();
  // The first occurrence no cue negates is kept, else the first negated
  // one: a term or regex's occurrences are found one at a time, and the
  // search stops there (most first occurrences are not negated).
  bool have_first = false;
  Span first;
  std::string first_cue;
  auto consider = [&](const Span& span) {
    std::string cue = FindNegationCue(codebook, text, scratch->tokens, span.begin, span.end, window,
                                      /*look_after=*/pattern.role == PatternRole::kInclude);
    if (cue.empty()) {
      AddHit(codebook, original, pattern_index, span, {}, result);
      return true;
    }
    if (!have_first) {
      have_first = true;
      first = span;
      first_cue = std::move(cue);
    }
    return false;
  };
  if (pattern.pattern->kind == PatternKind::kNear) {
    std::vector<std::vector<Span>> groups;
    for (int atom : pattern.atoms) {
      groups.emplace_back();
      FindOccurrences(codebook.atoms()[atom], text, scratch->tokens, kMaxOccurrences,
                      &groups.back(), typo_tokens);
      if (groups.back().empty()) return;
    }
    scratch->spans =
        FindNearWindows(text, groups, scratch->tokens, pattern.pattern->within, kMaxOccurrences);
    for (const Span& span : scratch->spans) {
      if (consider(span)) return;
    }
  } else {
    const Atom& atom = codebook.atoms()[pattern.atoms.front()];
    Span span;
    if (atom.first_same_regex >= 0) {
      for (int seen = 0; seen < kMaxOccurrences &&
                         RegexOccurrence(codebook, atom.first_same_regex, text,
                                         static_cast<size_t>(seen), scratch, &span);
           ++seen) {
        if (consider(span)) return;
      }
    } else {
      OccurrenceSearch search;
      for (int seen = 0; seen < kMaxOccurrences &&
                         NextOccurrence(atom, text, scratch->tokens, typo_tokens, &search, &span);
           ++seen) {
        if (consider(span)) return;
      }
    }
  }
  if (have_first) AddHit(codebook, original, pattern_index, first, std::move(first_cue), result);
}

// At most this many spare findings and notes are kept per thread.
constexpr size_t kMaxSpares = 64;

// Moves `used` into `spares` (their buffers with them) and empties it.
template <typename T>
void Recycle(std::vector<T>* used, std::vector<T>* spares) {
  for (T& item : *used) {
    if (spares->size() >= kMaxSpares) break;
    spares->push_back(std::move(item));
  }
  used->clear();
}

// A new finding for `code` at the end of `findings`, built in a spare.
CodeFinding& AddFinding(int code, std::vector<CodeFinding>* findings, CodingScratch* scratch) {
  if (scratch->spare_findings.empty()) {
    findings->emplace_back();
  } else {
    findings->push_back(std::move(scratch->spare_findings.back()));
    scratch->spare_findings.pop_back();
  }
  CodeFinding& finding = findings->back();
  finding.code = code;
  finding.state = CodeState::kFirm;
  finding.weight = 0;
  finding.include_hits.clear();
  finding.exclusion_hits.clear();
  finding.proposed = false;
  return finding;
}

// A new review note at the end of result->reasons, built in a spare, with
// empty codes and detail. The reference lasts until the next note is added.
ReviewNote& AddNote(ReviewReason reason, CodingResult* result, CodingScratch* scratch) {
  if (scratch->spare_notes.empty()) {
    result->reasons.emplace_back();
  } else {
    result->reasons.push_back(std::move(scratch->spare_notes.back()));
    scratch->spare_notes.pop_back();
  }
  ReviewNote& note = result->reasons.back();
  note.reason = reason;
  note.codes.clear();
  note.detail.clear();
  return note;
}

// Whether a word of the codebook's domain list occurs in `text`
// (normalized); `word` is then the first one found, as normalized.
bool FindDomainWord(const CompiledCodebook& compiled, std::string_view text,
                    CodingScratch* scratch, std::string_view* word) {
  for (const Atom& atom : compiled.domain_atoms()) {
    FindOccurrences(atom, text, scratch->tokens, 1, &scratch->spans);
    if (!scratch->spans.empty()) {
      *word = text.substr(scratch->spans.front().begin,
                          scratch->spans.front().end - scratch->spans.front().begin);
      return true;
    }
  }
  return false;
}

// A weight at the threshold, allowing for the rounding of summed weights.
bool ReachesThreshold(double weight, double threshold) { return weight + 1e-9 >= threshold; }

void Decide(const CompiledCodebook& compiled, CodingScratch* scratch, CodingResult* result) {
  const Codebook& book = compiled.codebook();
  const double threshold = book.settings.threshold;
  // One finding per code with hits, then in code order. An answer has few:
  // a linear search beats a map's allocations.
  std::vector<CodeFinding>& by_code = result->findings;
  auto add_hit = [&](size_t h) {
    const PatternHit& hit = result->hits[h];
    const CompiledPattern& pattern = compiled.patterns()[hit.pattern];
    auto found = std::find_if(by_code.begin(), by_code.end(),
                              [&](const CodeFinding& f) { return f.code == pattern.code; });
    CodeFinding& finding =
        found != by_code.end() ? *found : AddFinding(pattern.code, &by_code, scratch);
    if (pattern.role == PatternRole::kInclude) {
      finding.include_hits.push_back(static_cast<int>(h));
      if (hit.negation_cue.empty()) finding.weight += pattern.pattern->weight;
    } else if (hit.negation_cue.empty()) {
      // A negated exclusion ("ne pas supprimer …") contradicts nothing.
      finding.exclusion_hits.push_back(static_cast<int>(h));
    }
  };
  bool any_unless = false;
  for (size_t h = 0; h < result->hits.size(); ++h) {
    if (compiled.patterns()[result->hits[h].pattern].unless_codes.empty()) {
      add_hit(h);
    } else {
      any_unless = true;
    }
  }
  if (any_unless) {
    // Firm on the hits without `unless`: an include weight at the threshold
    // and no exclusion.
    auto firm_alone = [&](int code) {
      const CodeFinding* finding = result->FindingFor(code);
      return finding != nullptr && finding->exclusion_hits.empty() &&
             ReachesThreshold(finding->weight, threshold);
    };
    // Every yield is decided before any of these hits is added.
    for (PatternHit& hit : result->hits) {
      const std::vector<int>& unless = compiled.patterns()[hit.pattern].unless_codes;
      const auto firm = std::find_if(unless.begin(), unless.end(), firm_alone);
      if (firm != unless.end()) hit.yielded_to = *firm;
    }
    for (size_t h = 0; h < result->hits.size(); ++h) {
      if (!compiled.patterns()[result->hits[h].pattern].unless_codes.empty() &&
          result->hits[h].yielded_to < 0) {
        add_hit(h);
      }
    }
  }

  std::sort(by_code.begin(), by_code.end(),
            [](const CodeFinding& a, const CodeFinding& b) { return a.code < b.code; });
  // Everything below is per finding, never per code of the codebook: a
  // codebook may have a thousand codes and an answer a handful of findings.
  std::vector<int> themes_with_firm_subtheme;
  for (CodeFinding& finding : by_code) {
    const int code = finding.code;
    if (finding.include_hits.empty()) continue;
    bool any_negated = false;
    for (int h : finding.include_hits) any_negated |= !result->hits[h].negation_cue.empty();
    if (!finding.exclusion_hits.empty()) {
      finding.state = CodeState::kExcluded;
    } else if (ReachesThreshold(finding.weight, threshold)) {
      finding.state = CodeState::kFirm;
      if (book.codes[code].level == CodeLevel::kSubtheme) {
        themes_with_firm_subtheme.push_back(book.codes[code].theme_index);
      }
    } else if (any_negated) {
      finding.state = CodeState::kNegated;
    } else {
      finding.state = CodeState::kWeak;
    }
  }
  // A theme decided by a firm subtheme needs no verdict on its own evidence.
  auto has_firm_subtheme = [&](int theme) {
    return std::find(themes_with_firm_subtheme.begin(), themes_with_firm_subtheme.end(), theme) !=
           themes_with_firm_subtheme.end();
  };
  for (CodeFinding& finding : by_code) {
    const int code = finding.code;
    if (finding.include_hits.empty()) continue;
    const bool settled_by_subtheme = book.codes[code].level == CodeLevel::kTheme &&
                                     finding.state != CodeState::kFirm &&
                                     has_firm_subtheme(code);
    if (!settled_by_subtheme) {
      switch (finding.state) {
        case CodeState::kFirm:
          finding.proposed = true;
          break;
        case CodeState::kExcluded:
        case CodeState::kNegated: {
          finding.proposed = true;
          // The reason quotes a negated hit: the first include hit may be
          // one that no cue governs (the code has weak, unnegated evidence
          // too), and its cue would be empty.
          int quoted = finding.state == CodeState::kExcluded ? finding.exclusion_hits.front()
                                                             : finding.include_hits.front();
          if (finding.state == CodeState::kNegated) {
            for (int h : finding.include_hits) {
              if (!result->hits[h].negation_cue.empty()) {
                quoted = h;
                break;
              }
            }
          }
          const PatternHit& hit = result->hits[quoted];
          const std::string_view evidence =
              std::string_view(result->normalized.text).substr(hit.begin, hit.end - hit.begin);
          const bool excluded = finding.state == CodeState::kExcluded;
          ReviewNote& note = AddNote(excluded ? ReviewReason::kExcluded : ReviewReason::kNegated,
                                     result, scratch);
          note.codes.push_back(code);
          std::string& detail = note.detail;
          detail += book.codes[code].id;
          if (excluded) {
            detail += ": exclusion '";
            detail += compiled.patterns()[hit.pattern].pattern->source;
            detail += "' matched '";
          } else {
            detail += ": '";
            detail += hit.negation_cue;
            detail += "' governs '";
          }
          detail += evidence;
          detail += '\'';
          break;
        }
        case CodeState::kWeak:
          {
            finding.proposed = true;
            char weight[32];
            std::snprintf(weight, sizeof weight, "%.2f", finding.weight);
            ReviewNote& note = AddNote(ReviewReason::kWeak, result, scratch);
            note.codes.push_back(code);
            note.detail += book.codes[code].id;
            note.detail += ": weight ";
            note.detail += weight;
            note.detail += " below threshold";
          }
          break;
      }
    }
  }

  // Proposed codes in codebook order (findings are in code order), without
  // the themes implied by a proposed subtheme.
  auto subtheme_proposed_in = [&](int theme) {
    for (const CodeFinding& finding : by_code) {
      if (finding.proposed && book.codes[finding.code].level == CodeLevel::kSubtheme &&
          book.codes[finding.code].theme_index == theme) {
        return true;
      }
    }
    return false;
  };
  for (const CodeFinding& finding : by_code) {
    if (!finding.proposed) continue;
    if (book.codes[finding.code].level == CodeLevel::kTheme && subtheme_proposed_in(finding.code)) {
      continue;
    }
    result->proposed.push_back(finding.code);
  }

  auto present = [&](int code) {
    if (code < 0) return false;
    if (std::find(result->proposed.begin(), result->proposed.end(), code) !=
        result->proposed.end()) {
      return true;
    }
    return book.codes[code].level == CodeLevel::kTheme && subtheme_proposed_in(code);
  };
  for (size_t c = 0; c < book.conflicts.size(); ++c) {
    const CodeConflict& conflict = book.conflicts[c];
    const auto [first, second] = compiled.conflict_codes()[c];
    if (present(first) && present(second)) {
      ReviewNote& note = AddNote(ReviewReason::kConflict, result, scratch);
      note.codes = {first, second};
      note.detail += conflict.first;
      note.detail += " and ";
      note.detail += conflict.second;
      note.detail += " are declared in conflict";
    }
  }
  if (book.settings.review_theme_alone) {
    for (const int code : result->proposed) {
      if (book.codes[code].level != CodeLevel::kTheme) continue;
      const CodeFinding* finding = result->FindingFor(code);
      if (finding == nullptr || finding->state != CodeState::kFirm) continue;  // Disputed already.
      ReviewNote& note = AddNote(ReviewReason::kThemeAlone, result, scratch);
      note.codes = {code};
      note.detail += "theme '";
      note.detail += book.codes[code].id;
      note.detail += "' without any of its subthemes";
    }
  }
  if (book.settings.review_dismissals && !result->proposed.empty() && result->reasons.empty()) {
    scratch->spans.clear();
    for (const CodeFinding& finding : result->findings) {
      if (!finding.proposed) continue;
      for (const int hit : finding.include_hits) {
        scratch->spans.push_back(TextSpan{result->hits[hit].begin, result->hits[hit].end});
      }
    }
    const std::string cue =
        FindDismissal(compiled, result->normalized.text, scratch->tokens, scratch->spans);
    if (!cue.empty()) {
      ReviewNote& note = AddNote(ReviewReason::kDismissal, result, scratch);
      note.codes = result->proposed;
      note.detail += "dismissal '";
      note.detail += cue;
      note.detail += "' in the answer";
    }
  }
  if (result->proposed.empty() && result->reasons.empty() &&
      result->word_count >= static_cast<size_t>(book.settings.review_uncoded_min_words)) {
    // With a domain list, an answer that holds none of its words is off
    // topic: uncoded, not disputed.
    std::string_view domain_word;
    const bool on_topic = compiled.domain_atoms().empty() ||
                          FindDomainWord(compiled, result->normalized.text, scratch, &domain_word);
    if (on_topic) {
      ReviewNote& note = AddNote(ReviewReason::kNoCode, result, scratch);
      char words[24];
      std::snprintf(words, sizeof words, "%zu", result->word_count);
      note.detail += words;
      note.detail += " words and no code";
      if (!domain_word.empty()) {
        note.detail += "; domain word '";
        note.detail += domain_word;
        note.detail += '\'';
      }
    }
  }

  if (!result->reasons.empty()) {
    result->status = AnswerStatus::kDisputed;
  } else if (!result->proposed.empty()) {
    result->status = AnswerStatus::kCoded;
    result->counted = result->proposed;
  } else {
    result->status = AnswerStatus::kUncoded;
  }
}

}  // namespace

std::string_view AnswerStatusName(AnswerStatus status) {
  switch (status) {
    case AnswerStatus::kCoded: return "coded";
    case AnswerStatus::kUncoded: return "uncoded";
    case AnswerStatus::kDisputed: return "disputed";
    case AnswerStatus::kError: return "error";
  }
  return "error";
}

std::string_view ReviewReasonName(ReviewReason reason) {
  switch (reason) {
    case ReviewReason::kNegated: return "negated";
    case ReviewReason::kExcluded: return "excluded";
    case ReviewReason::kWeak: return "weak";
    case ReviewReason::kConflict: return "conflict";
    case ReviewReason::kNoCode: return "no_code";
    case ReviewReason::kThemeAlone: return "theme_alone";
    case ReviewReason::kDismissal: return "dismissal";
  }
  return "no_code";
}

std::string_view CodeStateName(CodeState state) {
  switch (state) {
    case CodeState::kFirm: return "firm";
    case CodeState::kWeak: return "weak";
    case CodeState::kNegated: return "negated";
    case CodeState::kExcluded: return "excluded";
  }
  return "firm";
}

const CodeFinding* CodingResult::FindingFor(int code) const {
  for (const CodeFinding& finding : findings) {
    if (finding.code == code) return &finding;
  }
  return nullptr;
}

void CodeAnswer(const CompiledCodebook& codebook, std::string_view text, CodingScratch* scratch,
                CodingResult* result) {
  result->status = AnswerStatus::kUncoded;
  result->error.clear();
  result->proposed.clear();
  result->counted.clear();
  Recycle(&result->reasons, &scratch->spare_notes);
  result->hits.clear();
  Recycle(&result->findings, &scratch->spare_findings);
  scratch->regex_occurrences_used = 0;
  codebook.normalizer().Normalize(text, &result->normalized);
  const std::string& normalized = result->normalized.text;
  TokenizeWords(normalized, &scratch->tokens);
  result->word_count = scratch->tokens.size();

  PrefilterError error = PrefilterError::kNone;
  if (!codebook.FindCandidates(normalized, scratch->tokens, &scratch->prefilter, &scratch->set_hits,
                               &error)) {
    result->status = AnswerStatus::kError;
    result->error = error == PrefilterError::kOutOfMemory
                        ? "pattern matching ran out of memory (RE2's budget for the "
                          "pattern set); simplify the codebook's largest regexes"
                        : "pattern matching failed (RE2 error " +
                              std::to_string(static_cast<int>(error)) + ")";
    return;
  }
  // Candidates come in pattern order, so hits (and decisions) are in
  // codebook order and outputs are deterministic.
  for (int pattern : scratch->set_hits) CollectPatternHit(codebook, text, pattern, scratch, result);
  Decide(codebook, scratch, result);
}

CodingResult CodeAnswer(const CompiledCodebook& codebook, std::string_view text) {
  CodingScratch scratch;
  CodingResult result;
  CodeAnswer(codebook, text, &scratch, &result);
  return result;
}

}  // namespace verbatim
