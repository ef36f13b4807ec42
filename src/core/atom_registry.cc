#include "core/atom_registry.h"

#include <mutex>
#include <string>
#include <unordered_map>
#include <optional>

#include <re2/re2.h>

#include "core/regex_error.h"
#include "core/regex_options.h"

namespace verbatim {
namespace {

// One term or phrase string (as written by the analyst) as regex cores and
// the words every match of each holds: the pattern's own words first, then
// one variant per alias substitution (core/vocabulary.h). Empty when the
// text holds no word.
struct WordsRegex {
  std::string core;
  bool stem_end = false;
  WordSequence sequence;  // What the core matches, as words.
};

std::vector<WordsRegex> TermOrPhraseCores(const std::string& written, const Normalizer& normalizer,
                                          WordJoin join, const PatternVocabulary& vocabulary,
                                          bool typos) {
  const std::vector<PatternWord> words = SplitPatternWords(normalizer.Normalize(written));
  std::vector<WordsRegex> variants;
  if (words.empty()) return variants;
  WordJoin effective_join = join;
  const std::vector<PatternWord> effective = EffectiveWords(words, &effective_join);
  for (std::vector<PatternWord>& variant : vocabulary.Expand(effective, typos)) {
    WordsRegex regex;
    regex.core = WordSequenceCore(variant, effective_join);
    regex.stem_end = WordSequenceEndsInStem(variant, effective_join);
    regex.sequence.join = effective_join;
    regex.sequence.words = std::move(variant);
    variants.push_back(std::move(regex));
  }
  return variants;
}

WordJoin JoinFor(const std::string& written) {
  return written.find(' ') == std::string::npos ? WordJoin::kStrict : WordJoin::kPhrase;
}

// One atom as planned: its exact regex source (empty when it has no word)
// and, for terms, phrases and near groups, its items: the alternatives of
// that regex as words, in its order. A user regex has no items.
struct AtomPlan {
  std::string source;
  std::vector<WordSequence> items;
};

// Adds the variants of one term or phrase to an atom's alternatives.
void AddItemVariants(std::vector<WordsRegex> variants, std::vector<std::string>* cores,
                     std::vector<bool>* stem_ends, AtomPlan* atom) {
  for (WordsRegex& regex : variants) {
    cores->push_back(std::move(regex.core));
    stem_ends->push_back(regex.stem_end);
    atom->items.push_back(std::move(regex.sequence));
  }
}

std::vector<AtomPlan> PlanAtoms(const Pattern& pattern, const Normalizer& normalizer,
                                const PatternVocabulary& vocabulary) {
  std::vector<AtomPlan> atoms;
  // One atom from the alternatives `written`, each joined as `join` says, or
  // for a near group (nullopt) as a term or a phrase by its spaces.
  auto plan_atom = [&](const std::vector<std::string>& written, std::optional<WordJoin> join) {
    std::vector<std::string> cores;
    std::vector<bool> stem_ends;
    AtomPlan atom;
    for (const std::string& item : written) {
      AddItemVariants(TermOrPhraseCores(item, normalizer, join.value_or(JoinFor(item)), vocabulary,
                                        pattern.typos),
                      &cores, &stem_ends, &atom);
    }
    if (!cores.empty()) atom.source = BoundedAlternation(cores, stem_ends);
    atoms.push_back(std::move(atom));
  };
  switch (pattern.kind) {
    case PatternKind::kRegex:
      atoms.push_back({pattern.source, {}});
      break;
    case PatternKind::kTerm:
      plan_atom({pattern.source}, WordJoin::kStrict);
      break;
    case PatternKind::kPhrase:
      plan_atom({pattern.source}, WordJoin::kPhrase);
      break;
    case PatternKind::kNear:
      for (const std::vector<std::string>& group : pattern.groups) plan_atom(group, std::nullopt);
      break;
  }
  return atoms;
}

// A pattern as messages quote it: at most 80 bytes, cut before a UTF-8
// continuation byte.
std::string ShortSource(const std::string& source) {
  constexpr size_t kMaxBytes = 80;
  if (source.size() <= kMaxBytes) return source;
  size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(source[cut]) & 0xC0) == 0x80) --cut;
  return source.substr(0, cut) + "…";
}

std::string DoesNotCompile(const Pattern& pattern, const std::string& code_id, const RE2& regex) {
  return "pattern '" + ShortSource(pattern.source) + "' of '" + code_id +
         "' does not compile: " + DescribeRegexError(pattern.source, regex);
}

// The longest generated source whose compiling waits for its first use.
// Generated sources are escaped words joined by a few fixed classes and gaps,
// so what RE2 needs grows with their length: the densest (phrases of
// one-letter words) need about 10 bytes of budget per byte of source
// (AtomRegistryTest.GeneratedSourcesNeedLittleBudgetPerByte holds them under
// 16). A source under a 64th of the budget cannot reach it; longer ones are
// compiled now, so that one over the budget is reported where it is written.
size_t DeferredSourceMaxBytes(int64_t pattern_max_mem) {
  return static_cast<size_t>(pattern_max_mem / 64);
}

std::string FormatBudget(int64_t bytes) {
  if (bytes >= (int64_t{1} << 20)) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes >> 10) + " KiB";
}

}  // namespace

struct AtomRegex::State {
  std::once_flag once;
  std::string source;  // Deferred: compiled on first use.
  int64_t max_mem = 0;
  std::unique_ptr<RE2> regex;
};

AtomRegex AtomRegex::Compiled(std::unique_ptr<RE2> regex) {
  AtomRegex atom_regex;
  atom_regex.state_ = std::make_shared<State>();
  atom_regex.state_->regex = std::move(regex);
  return atom_regex;
}

AtomRegex AtomRegex::Deferred(std::string source, int64_t max_mem) {
  AtomRegex atom_regex;
  atom_regex.state_ = std::make_shared<State>();
  atom_regex.state_->source = std::move(source);
  atom_regex.state_->max_mem = max_mem;
  return atom_regex;
}

const RE2& AtomRegex::get() const {
  State& state = *state_;
  // After the first call, call_once costs one atomic load.
  std::call_once(state.once, [&state] {
    if (state.regex == nullptr) {
      state.regex = std::make_unique<RE2>(state.source, CodebookRegexOptions(state.max_mem));
    }
  });
  return *state.regex;
}

std::vector<std::string> PatternRegexSources(const Pattern& pattern, const Normalizer& normalizer,
                                             const PatternVocabulary& vocabulary) {
  std::vector<std::string> sources;
  for (AtomPlan& atom : PlanAtoms(pattern, normalizer, vocabulary)) {
    sources.push_back(std::move(atom.source));
  }
  return sources;
}

std::vector<std::vector<WordSequence>> PatternWordSequences(const Pattern& pattern,
                                                            const Normalizer& normalizer,
                                                            const PatternVocabulary& vocabulary) {
  std::vector<std::vector<WordSequence>> sequences;
  for (AtomPlan& atom : PlanAtoms(pattern, normalizer, vocabulary)) {
    sequences.push_back(std::move(atom.items));
  }
  return sequences;
}

std::vector<Diagnostic> FindRegexErrors(const Codebook& codebook, const Normalizer& normalizer,
                                        int64_t pattern_max_mem) {
  std::vector<Diagnostic> errors;
  const PatternVocabulary vocabulary(codebook, normalizer);
  for (const CodeDefinition& definition : codebook.codes) {
    for (const std::vector<Pattern>* list : {&definition.patterns, &definition.exclusions}) {
      for (const Pattern& pattern : *list) {
        if (pattern.kind != PatternKind::kRegex || pattern.source.empty()) continue;
        for (const std::string& source : PatternRegexSources(pattern, normalizer, vocabulary)) {
          if (source.empty()) continue;
          const RE2 regex(source, CodebookRegexOptions(pattern_max_mem));
          // A regex over the budget is the compiler's to report: its message
          // depends on the options the codebook is compiled with.
          if (!regex.ok() && regex.error_code() != RE2::ErrorPatternTooLarge) {
            errors.push_back(Diagnostic{Severity::kError, pattern.location,
                                        DoesNotCompile(pattern, definition.id, regex)});
          }
        }
      }
    }
  }
  return errors;
}

bool AtomRegistry::CompilePatterns(const Codebook& codebook, const Normalizer& normalizer,
                                   const CompileOptions& options,
                                   std::vector<Diagnostic>* diagnostics) {
  vocabulary_ = PatternVocabulary(codebook, normalizer);
  bool failed = false;
  auto report = [&](Severity severity, const SourceLocation& location, std::string message) {
    diagnostics->push_back(Diagnostic{severity, location, std::move(message)});
    if (severity == Severity::kError) failed = true;
  };

  std::unordered_map<std::string, int> first_regex_with_source;  // For Atom::first_same_regex.
  for (size_t code = 0; code < codebook.codes.size(); ++code) {
    const CodeDefinition& definition = codebook.codes[code];
    for (PatternRole role : {PatternRole::kInclude, PatternRole::kExclude}) {
      const std::vector<Pattern>& list =
          role == PatternRole::kInclude ? definition.patterns : definition.exclusions;
      for (const Pattern& pattern : list) {
        CompiledPattern entry;
        entry.code = static_cast<int>(code);
        entry.role = role;
        entry.pattern = &pattern;
        for (const std::string& id : pattern.unless) {
          const int other = codebook.FindCode(id);
          if (other >= 0) entry.unless_codes.push_back(other);
        }
        const int pattern_index = static_cast<int>(patterns_.size());
        for (AtomPlan& planned : PlanAtoms(pattern, normalizer, vocabulary_)) {
          const std::string& source = planned.source;
          if (source.empty()) {
            report(Severity::kError, pattern.location,
                   "pattern '" + ShortSource(pattern.source) + "' of '" + definition.id +
                       "' has no word to match (only punctuation or function words?)");
            continue;
          }
          Atom atom;
          atom.pattern = pattern_index;
          atom.span_group = pattern.kind == PatternKind::kRegex ? 0 : 1;
          const bool defer = options.defer_every_regex ||
                             (options.defer_generated_regexes &&
                              pattern.kind != PatternKind::kRegex &&
                              source.size() <= DeferredSourceMaxBytes(options.pattern_max_mem));
          std::unique_ptr<RE2> regex;
          if (defer) {
            atom.regex = AtomRegex::Deferred(source, options.pattern_max_mem);
          } else {
            regex = std::make_unique<RE2>(source, CodebookRegexOptions(options.pattern_max_mem));
          }
          if (regex != nullptr && !regex->ok() &&
              regex->error_code() == RE2::ErrorPatternTooLarge) {
            report(Severity::kError, pattern.location,
                   "pattern '" + ShortSource(pattern.source) + "' of '" + definition.id +
                       "' is too large for RE2's memory budget (" +
                       FormatBudget(options.pattern_max_mem) +
                       " per pattern): make it smaller (fewer or shorter repetitions, narrower "
                       "character classes) or split it into several patterns");
            continue;
          }
          if (regex != nullptr && !regex->ok()) {
            report(Severity::kError, pattern.location,
                   DoesNotCompile(pattern, definition.id, *regex));
            continue;
          }
          if (regex != nullptr && pattern.kind == PatternKind::kRegex &&
              RE2::FullMatch("", *regex)) {
            report(Severity::kWarning, pattern.location,
                   "regex '" + ShortSource(pattern.source) + "' of '" + definition.id +
                       "' can match the empty string: it hits every answer");
          }
          if (regex != nullptr) atom.regex = AtomRegex::Compiled(std::move(regex));
          atom.sequences = std::move(planned.items);
          if (pattern.kind == PatternKind::kRegex) {
            atom.first_same_regex =
                first_regex_with_source.try_emplace(source, static_cast<int>(atoms_.size()))
                    .first->second;
          }
          entry.atoms.push_back(static_cast<int>(atoms_.size()));
          atoms_.push_back(std::move(atom));
        }
        patterns_.push_back(std::move(entry));
      }
    }
  }

  for (const CodeConflict& conflict : codebook.conflicts) {
    conflict_codes_.emplace_back(codebook.FindCode(conflict.first),
                                 codebook.FindCode(conflict.second));
  }
  return !failed;
}

bool AtomRegistry::CompileDomain(const Codebook& codebook, const Normalizer& normalizer,
                                 const CompileOptions& options,
                                 std::vector<Diagnostic>* diagnostics) {
  bool failed = false;
  for (const Pattern& pattern : codebook.domain) {
    if (pattern.kind != PatternKind::kTerm && pattern.kind != PatternKind::kPhrase) continue;
    Pattern exact = pattern;
    exact.typos = false;  // Domain words are found as written (with aliases).
    for (AtomPlan& planned : PlanAtoms(exact, normalizer, vocabulary_)) {
      if (planned.source.empty()) {
        diagnostics->push_back(
            Diagnostic{Severity::kError, pattern.location,
                       "domain word '" + ShortSource(pattern.source) +
                           "' has no word to match (only punctuation or function words?)"});
        failed = true;
        continue;
      }
      Atom atom;
      atom.regex = AtomRegex::Deferred(std::move(planned.source), options.pattern_max_mem);
      atom.sequences = std::move(planned.items);
      domain_atoms_.push_back(std::move(atom));
    }
  }
  return !failed;
}

Diagnostic AtomRegistry::PatternSetError(const Codebook& codebook, int64_t set_max_mem,
                                         const std::string& set_error) const {
  // Only user regexes go into the Set; no one of them is at fault, the
  // largest is the one to look at first.
  const Atom* largest = nullptr;
  int regex_count = 0;
  for (size_t atom = 0; atom < atoms_.size(); ++atom) {
    if (!IsUserRegex(static_cast<int>(atom))) continue;
    ++regex_count;
    const Atom& candidate = atoms_[atom];
    if (largest == nullptr || candidate.regex->ProgramSize() > largest->regex->ProgramSize()) {
      largest = &candidate;
    }
  }
  std::string message = "the codebook's " + std::to_string(regex_count) +
                        " regexes together exceed RE2's memory budget for the pattern set (" +
                        FormatBudget(set_max_mem) + ")";
  SourceLocation location{codebook.path, 0, 0};
  if (largest != nullptr) {
    const CompiledPattern& pattern = patterns_[largest->pattern];
    message += "; the largest, located here, is '" + ShortSource(pattern.pattern->source) +
               "' of '" + codebook.codes[pattern.code].id + "': simplify it, or split the codebook";
    location = pattern.pattern->location;
  } else {
    message += ": " + set_error;
  }
  return Diagnostic{Severity::kError, std::move(location), std::move(message)};
}

}  // namespace verbatim
