// A codebook compiled for matching: every pattern's RE2 objects and one
// RE2::Set over all of them.
//
// Design: each term, phrase and regex pattern is one "atom"; a near pattern
// contributes one atom per group (the window test is done in code, on hits
// only); exclusions are atoms too. The Set answers "which atoms may occur" in
// one pass: it holds each atom without its word boundaries, a prefilter that
// keeps large Sets fast (core/pattern_compiler.h, UnboundedAlternation); the
// per-atom RE2, with boundaries, is used afterwards on the Set's hits only,
// to confirm them and find spans.
// Negation cues are compiled into two RE2s searched in a small window around
// each hit.
//
// Thread safety: immutable after Compile(); RE2 and RE2::Set matching are
// const and thread-safe, so one CompiledCodebook serves every thread.
// Not copyable or movable (RE2 objects are neither): hold it by unique_ptr.
#ifndef VERBATIM_CORE_COMPILED_CODEBOOK_H_
#define VERBATIM_CORE_COMPILED_CODEBOOK_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "core/codebook.h"
#include "core/normalizer.h"
#include "core/status.h"

namespace verbatim {

enum class PatternRole { kInclude, kExclude };

struct CompiledPattern {
  int code = -1;  // Index in Codebook::codes.
  PatternRole role = PatternRole::kInclude;
  const Pattern* pattern = nullptr;  // Points into CompiledCodebook::codebook().
  std::vector<int> atoms;            // One, or one per group for kNear.
};

struct Atom {
  int pattern = -1;  // Index in CompiledCodebook::patterns().
  std::unique_ptr<RE2> regex;
  int span_group = 1;  // Capture group holding the evidence (0 for user regexes).
};

struct CompileOptions {
  // RE2 memory budget for the Set (its DFA), in bytes. Default: 512 MiB.
  int64_t set_max_mem = int64_t{512} << 20;
  // Budget for each pattern's own RE2. Default: 16 MiB.
  int64_t pattern_max_mem = int64_t{16} << 20;
};

class CompiledCodebook {
 public:
  // Compiles every pattern. Problems are appended to `diagnostics` with the
  // pattern's YAML location (a regex RE2 rejects, with RE2's message; a
  // regex over options.pattern_max_mem; a pattern with no word; a regex that
  // can match the empty string, as a warning; the Set over
  // options.set_max_mem, located at its largest pattern). Patterns are
  // quoted cut to 80 bytes. Returns an error when any diagnostic is an
  // error; the diagnostics are then the details.
  static Result<std::unique_ptr<CompiledCodebook>> Compile(
      const Codebook& codebook, std::shared_ptr<const Normalizer> normalizer,
      const CompileOptions& options, std::vector<Diagnostic>* diagnostics);

  CompiledCodebook(const CompiledCodebook&) = delete;
  CompiledCodebook& operator=(const CompiledCodebook&) = delete;

  const Codebook& codebook() const { return codebook_; }
  const Normalizer& normalizer() const { return *normalizer_; }
  const std::vector<CompiledPattern>& patterns() const { return patterns_; }
  const std::vector<Atom>& atoms() const { return atoms_; }
  const RE2::Set& set() const { return *set_; }

  // Negation cues (normalized, whole words, group 1 = the cue).
  const RE2* negation_before() const { return negation_before_.get(); }
  const RE2* negation_after() const { return negation_after_.get(); }
  bool IsClauseBreakWord(std::string_view normalized_word) const;
  const std::vector<std::string>& clause_break_phrases() const { return clause_break_phrases_; }

 private:
  CompiledCodebook() = default;
  Codebook codebook_;
  std::shared_ptr<const Normalizer> normalizer_;
  std::vector<CompiledPattern> patterns_;
  std::vector<Atom> atoms_;
  std::unique_ptr<RE2::Set> set_;
  std::unique_ptr<RE2> negation_before_;
  std::unique_ptr<RE2> negation_after_;
  std::unordered_set<std::string> clause_break_words_;
  std::vector<std::string> clause_break_phrases_;
};

// The normalized regex source a pattern's atoms are built from, for display
// (explain, kwic) and tests. kNear gives one source per group.
std::vector<std::string> PatternRegexSources(const Pattern& pattern, const Normalizer& normalizer);

}  // namespace verbatim

#endif  // VERBATIM_CORE_COMPILED_CODEBOOK_H_
