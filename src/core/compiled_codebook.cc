#include "core/compiled_codebook.h"

#include <algorithm>

#include "core/pattern_compiler.h"

namespace verbatim {
namespace {

// Builds the regex of one term or phrase string (as written by the analyst).
// Returns an empty string when the text holds no word.
struct WordsRegex {
  std::string core;
  bool stem_end = false;
};

WordsRegex TermOrPhraseCore(const std::string& written, const Normalizer& normalizer,
                            WordJoin join) {
  const std::vector<PatternWord> words = SplitPatternWords(normalizer.Normalize(written));
  if (words.empty()) return {};
  return {WordSequenceCore(words, join), WordSequenceEndsInStem(words, join)};
}

WordJoin JoinFor(const std::string& written) {
  return written.find(' ') == std::string::npos ? WordJoin::kStrict : WordJoin::kPhrase;
}

RE2::Options PatternOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

std::unique_ptr<RE2> CompileCueRegex(const std::vector<std::string>& cues,
                                     const Normalizer& normalizer) {
  std::vector<std::string> cores;
  std::vector<bool> stem_ends;
  for (const std::string& cue : cues) {
    WordsRegex regex = TermOrPhraseCore(cue, normalizer, WordJoin::kStrict);
    if (regex.core.empty()) continue;
    cores.push_back(regex.core);
    stem_ends.push_back(regex.stem_end);
  }
  if (cores.empty()) return nullptr;
  auto compiled = std::make_unique<RE2>(BoundedAlternation(cores, stem_ends),
                                        PatternOptions(int64_t{8} << 20));
  if (!compiled->ok()) return nullptr;
  return compiled;
}

}  // namespace

namespace {

// One atom's two regexes: the bounded one that gives spans, and the
// prefilter the Set runs (see UnboundedAlternation). Both empty when the
// atom has no word.
struct AtomSource {
  std::string regex;
  std::string prefilter;
};

AtomSource WordsAtom(const std::vector<WordsRegex>& alternatives) {
  std::vector<std::string> cores;
  std::vector<bool> stem_ends;
  for (const WordsRegex& regex : alternatives) {
    if (regex.core.empty()) continue;
    cores.push_back(regex.core);
    stem_ends.push_back(regex.stem_end);
  }
  if (cores.empty()) return {};
  return {BoundedAlternation(cores, stem_ends), UnboundedAlternation(cores)};
}

std::vector<AtomSource> PatternAtomSources(const Pattern& pattern, const Normalizer& normalizer) {
  std::vector<AtomSource> sources;
  switch (pattern.kind) {
    case PatternKind::kRegex:
      sources.push_back({pattern.source, pattern.source});
      break;
    case PatternKind::kTerm:
    case PatternKind::kPhrase: {
      const WordJoin join =
          pattern.kind == PatternKind::kTerm ? WordJoin::kStrict : WordJoin::kPhrase;
      sources.push_back(WordsAtom({TermOrPhraseCore(pattern.source, normalizer, join)}));
      break;
    }
    case PatternKind::kNear:
      for (const std::vector<std::string>& group : pattern.groups) {
        std::vector<WordsRegex> alternatives;
        for (const std::string& item : group) {
          alternatives.push_back(TermOrPhraseCore(item, normalizer, JoinFor(item)));
        }
        sources.push_back(WordsAtom(alternatives));
      }
      break;
  }
  return sources;
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

std::string FormatBudget(int64_t bytes) {
  if (bytes >= (int64_t{1} << 20)) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes >> 10) + " KiB";
}

}  // namespace

std::vector<std::string> PatternRegexSources(const Pattern& pattern, const Normalizer& normalizer) {
  std::vector<std::string> sources;
  for (AtomSource& source : PatternAtomSources(pattern, normalizer)) {
    sources.push_back(std::move(source.regex));
  }
  return sources;
}

bool CompiledCodebook::IsClauseBreakWord(std::string_view word) const {
  return clause_break_words_.count(std::string(word)) > 0;
}

Result<std::unique_ptr<CompiledCodebook>> CompiledCodebook::Compile(
    const Codebook& codebook, std::shared_ptr<const Normalizer> normalizer,
    const CompileOptions& options, std::vector<Diagnostic>* diagnostics) {
  std::unique_ptr<CompiledCodebook> compiled(new CompiledCodebook());
  compiled->codebook_ = codebook;
  compiled->normalizer_ = std::move(normalizer);
  const Normalizer& norm = *compiled->normalizer_;
  bool failed = false;
  auto report = [&](Severity severity, const SourceLocation& location, std::string message) {
    diagnostics->push_back(Diagnostic{severity, location, std::move(message)});
    if (severity == Severity::kError) failed = true;
  };

  RE2::Options set_options = PatternOptions(options.set_max_mem);
  compiled->set_ = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);

  const Codebook& book = compiled->codebook_;
  for (size_t code = 0; code < book.codes.size(); ++code) {
    const CodeDefinition& definition = book.codes[code];
    for (PatternRole role : {PatternRole::kInclude, PatternRole::kExclude}) {
      const std::vector<Pattern>& list =
          role == PatternRole::kInclude ? definition.patterns : definition.exclusions;
      for (const Pattern& pattern : list) {
        CompiledPattern entry;
        entry.code = static_cast<int>(code);
        entry.role = role;
        entry.pattern = &pattern;
        const int pattern_index = static_cast<int>(compiled->patterns_.size());
        bool pattern_ok = true;
        for (const AtomSource& atom_source : PatternAtomSources(pattern, norm)) {
          const std::string& source = atom_source.regex;
          if (source.empty()) {
            report(Severity::kError, pattern.location,
                   "pattern '" + ShortSource(pattern.source) + "' of '" + definition.id +
                       "' has no word to match (only punctuation or function words?)");
            pattern_ok = false;
            continue;
          }
          auto regex = std::make_unique<RE2>(source, PatternOptions(options.pattern_max_mem));
          if (!regex->ok() && regex->error_code() == RE2::ErrorPatternTooLarge) {
            report(Severity::kError, pattern.location,
                   "pattern '" + ShortSource(pattern.source) + "' of '" + definition.id +
                       "' is too large for RE2's memory budget (" +
                       FormatBudget(options.pattern_max_mem) +
                       " per pattern): make it smaller (fewer or shorter repetitions, narrower "
                       "character classes) or split it into several patterns");
            pattern_ok = false;
            continue;
          }
          if (!regex->ok()) {
            report(Severity::kError, pattern.location,
                   "pattern '" + ShortSource(pattern.source) + "' of '" + definition.id +
                       "' does not compile: " + regex->error());
            pattern_ok = false;
            continue;
          }
          if (pattern.kind == PatternKind::kRegex && RE2::FullMatch("", *regex)) {
            report(Severity::kWarning, pattern.location,
                   "regex '" + ShortSource(pattern.source) + "' of '" + definition.id +
                       "' can match the empty string: it hits every answer");
          }
          std::string set_error;
          const int set_index = compiled->set_->Add(atom_source.prefilter, &set_error);
          if (set_index < 0) {
            report(Severity::kError, pattern.location,
                   "pattern '" + ShortSource(pattern.source) + "' of '" + definition.id +
                       "' cannot be added to the pattern set: " + set_error);
            pattern_ok = false;
            continue;
          }
          Atom atom;
          atom.pattern = pattern_index;
          atom.span_group = pattern.kind == PatternKind::kRegex ? 0 : 1;
          atom.regex = std::move(regex);
          entry.atoms.push_back(set_index);
          compiled->atoms_.push_back(std::move(atom));
        }
        (void)pattern_ok;
        compiled->patterns_.push_back(std::move(entry));
      }
    }
  }

  if (!failed && !compiled->set_->Compile()) {
    // No one pattern is at fault; the largest is the one to look at first.
    const Atom* largest = nullptr;
    for (const Atom& atom : compiled->atoms_) {
      if (largest == nullptr || atom.regex->ProgramSize() > largest->regex->ProgramSize()) {
        largest = &atom;
      }
    }
    std::string message = "the codebook's " + std::to_string(compiled->atoms_.size()) +
                          " patterns together exceed RE2's memory budget for the pattern set (" +
                          FormatBudget(options.set_max_mem) + ")";
    SourceLocation location{book.path, 0, 0};
    if (largest != nullptr) {
      const CompiledPattern& pattern = compiled->patterns_[largest->pattern];
      message += "; the largest, located here, is '" + ShortSource(pattern.pattern->source) +
                 "' of '" + book.codes[pattern.code].id + "': simplify it, or split the codebook";
      location = pattern.pattern->location;
    }
    report(Severity::kError, location, std::move(message));
  }

  const NegationSettings defaults = DefaultNegationSettings();
  const NegationSettings& negation = book.negation;
  compiled->negation_before_ =
      CompileCueRegex(negation.before.empty() ? defaults.before : negation.before, norm);
  compiled->negation_after_ =
      CompileCueRegex(negation.after.empty() ? defaults.after : negation.after, norm);
  for (const std::string& word :
       negation.clause_breaks.empty() ? defaults.clause_breaks : negation.clause_breaks) {
    const std::string normalized = norm.Normalize(word);
    if (normalized.find(' ') == std::string::npos) {
      compiled->clause_break_words_.insert(normalized);
    } else {
      compiled->clause_break_phrases_.push_back(normalized);
    }
  }

  if (failed) {
    return MakeError("the codebook has errors", SourceLocation{book.path, 0, 0});
  }
  return compiled;
}

}  // namespace verbatim
