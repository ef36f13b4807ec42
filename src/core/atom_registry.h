// A codebook's patterns as atoms: the exact regexes that decide every hit,
// numbered once, so that the prefilter, the occurrences (core/occurrences.h)
// and the coder all speak of the same pattern and atom by the same index.
//
// Design: each term, phrase and regex pattern is one "atom"; a near pattern
// contributes one atom per group (the window test is done in code, on hits
// only); exclusions are atoms too. Each atom has its exact RE2. Spans are
// found on candidates only: a user regex's by its RE2, a generated atom's
// by its word sequences on the answer's tokens (core/occurrences.h), which
// find exactly what its RE2 would. Beside the atoms the registry keeps what
// was resolved with them: the vocabulary (aliases, typo tolerance) every
// atom was planned with, the domain list as atoms, the declared conflicts
// as code indices.
//
// RE2 stays behind forward declarations: a caller that runs an atom's regex
// includes RE2's own header itself.
#ifndef VERBATIM_CORE_ATOM_REGISTRY_H_
#define VERBATIM_CORE_ATOM_REGISTRY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/codebook.h"
#include "core/normalizer.h"
#include "core/pattern_compiler.h"
#include "core/status.h"
#include "core/vocabulary.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace verbatim {

enum class PatternRole { kInclude, kExclude };

struct CompiledPattern {
  int code = -1;  // Index in Codebook::codes.
  PatternRole role = PatternRole::kInclude;
  const Pattern* pattern = nullptr;  // Points into CompiledCodebook::codebook().
  std::vector<int> atoms;            // One, or one per group for kNear.
  std::vector<int> unless_codes;     // Pattern::unless as code indices (known ids only).
};

// An atom's exact regex, compiled now or on first use. Deferred regexes are
// compiled once, under std::call_once, by whichever thread first needs them:
// a codebook loads without compiling a thousand regexes, and those that never
// meet a candidate are never compiled (`code` runs none: it finds generated
// atoms on word tokens). Only generated regexes (terms, phrases, near groups:
// escaped words and fixed classes, valid by construction) short enough that
// they cannot reach the memory budget (under a 64th of it) are deferred; user
// regexes and longer generated ones are compiled by Compile, whose
// diagnostics locate their errors (`check` compiles all of them).
// Copies share one regex (and its DFA cache).
class AtomRegex {
 public:
  AtomRegex() = default;
  static AtomRegex Compiled(std::unique_ptr<re2::RE2> regex);
  static AtomRegex Deferred(std::string source, int64_t max_mem);

  // Compiles a deferred regex on the first call. Thread-safe.
  const re2::RE2& get() const;
  const re2::RE2& operator*() const { return get(); }
  const re2::RE2* operator->() const { return &get(); }

 private:
  struct State;
  std::shared_ptr<State> state_;
};

struct Atom {
  int pattern = -1;  // Index in CompiledCodebook::patterns().
  AtomRegex regex;
  int span_group = 1;  // Capture group holding the evidence (0 for user regexes).
  // Generated atoms (terms, phrases, near groups): the alternatives of
  // `regex` as words, in its order. Occurrences are found on word tokens
  // from these (core/occurrences.h), exactly as `regex` would find them,
  // without running it. Empty for user regexes, which run `regex`.
  std::vector<WordSequence> sequences;
  // User regexes: the first atom of the registry compiled from the same
  // source (this one's index when it is the first). Its occurrences are this
  // one's, so a regex repeated in several codes (a shared exclusion) is
  // searched once per answer. -1 for generated atoms, whose word sequences
  // may differ where their sources do not (typo tolerance).
  int first_same_regex = -1;
};

struct CompileOptions {
  // RE2 memory budget for the prefilter's Set (its DFA), in bytes.
  // Default: 512 MiB.
  int64_t set_max_mem = int64_t{512} << 20;
  // Budget for each pattern's own RE2. Default: 16 MiB.
  int64_t pattern_max_mem = int64_t{16} << 20;
  // Compile generated regexes on first use (see AtomRegex). `check` turns it
  // off to compile everything. Default: true.
  bool defer_generated_regexes = true;
  // Compile every regex on first use, user regexes and large ones too. Only
  // for a codebook whose regexes all compiled once already with the same
  // options (CompiledCodebook::Replicate): their errors have been reported,
  // so deferring cannot hide one. Default: false.
  bool defer_every_regex = false;
};

// Built in two steps, CompilePatterns then CompileDomain (CompiledCodebook
// builds its prefilter between them, from the patterns' atoms), then
// immutable. Thread safety: const methods are safe from several threads;
// deferred regexes compile under std::call_once. Movable; not copyable,
// because copies would share their RE2 objects (CompiledCodebook::Replicate
// compiles new ones).
class AtomRegistry {
 public:
  // Empty: no pattern, no atom, words matched as written.
  AtomRegistry() = default;
  AtomRegistry(AtomRegistry&&) = default;
  AtomRegistry& operator=(AtomRegistry&&) = default;
  AtomRegistry(const AtomRegistry&) = delete;
  AtomRegistry& operator=(const AtomRegistry&) = delete;

  // Step 1: the vocabulary of `codebook`, then its patterns in codebook
  // order (each code's patterns, then its exclusions), each planned into
  // atoms whose exact regexes are compiled now or deferred (see
  // CompileOptions), and its conflicts as code indices. Problems are
  // appended to `diagnostics` with the pattern's YAML location: a regex RE2
  // rejects, with RE2's message; a regex over options.pattern_max_mem; a
  // pattern with no word; a regex that can match the empty string, as a
  // warning. Patterns are quoted cut to 80 bytes. Returns false when any of
  // them is an error; the atoms in error are then missing from their
  // patterns.
  // REQUIRES: the registry is empty; `codebook` outlives it
  // (CompiledPattern::pattern points into it).
  bool CompilePatterns(const Codebook& codebook, const Normalizer& normalizer,
                       const CompileOptions& options, std::vector<Diagnostic>* diagnostics);

  // Step 2: the codebook's domain list (Codebook::domain) as domain_atoms(),
  // one per term or phrase, with aliases and without typo tolerance. A
  // domain word with no word to match is an error appended to
  // `diagnostics`; returns false when there is one.
  // REQUIRES: CompilePatterns was called with the same arguments.
  bool CompileDomain(const Codebook& codebook, const Normalizer& normalizer,
                     const CompileOptions& options, std::vector<Diagnostic>* diagnostics);

  // The error for a prefilter whose Set of user regexes did not compile
  // (`set_error` says what failed; only out of memory, for atoms that each
  // compiled): located at the largest user regex, the one to simplify first.
  // REQUIRES: CompilePatterns returned true for `codebook`.
  Diagnostic PatternSetError(const Codebook& codebook, int64_t set_max_mem,
                             const std::string& set_error) const;

  const std::vector<CompiledPattern>& patterns() const { return patterns_; }
  const std::vector<Atom>& atoms() const { return atoms_; }
  // Whether atoms()[atom] is a user regex (it has no word sequences).
  bool IsUserRegex(int atom) const {
    return patterns_[atoms_[atom].pattern].pattern->kind == PatternKind::kRegex;
  }

  // The codebook's domain list, one atom per pattern, matched on word tokens
  // as terms and phrases are (aliases apply, typos do not). Empty when the
  // codebook declares none.
  const std::vector<Atom>& domain_atoms() const { return domain_atoms_; }

  // The aliases and typo tolerance the patterns were compiled with.
  const PatternVocabulary& vocabulary() const { return vocabulary_; }

  // The codes of codebook().conflicts, in its order (-1 for an id that
  // names no code): resolved once, not per answer.
  const std::vector<std::pair<int, int>>& conflict_codes() const { return conflict_codes_; }

 private:
  PatternVocabulary vocabulary_;
  std::vector<CompiledPattern> patterns_;
  std::vector<Atom> atoms_;
  std::vector<Atom> domain_atoms_;
  std::vector<std::pair<int, int>> conflict_codes_;
};

// The normalized regex source a pattern's atoms are built from, for display
// (explain, kwic) and tests. kNear gives one source per group.
// `vocabulary` adds the codebook's aliases and typo tolerance (Default: none).
std::vector<std::string> PatternRegexSources(const Pattern& pattern, const Normalizer& normalizer,
                                             const PatternVocabulary& vocabulary = {});

// The errors CompilePatterns reports for the codebook's user regexes (kRegex
// patterns, include and exclude) that RE2 rejects, worded the same, at the
// patterns' locations. For a codebook with other errors, which is not
// compiled: `check` then still shows them in the same run.
std::vector<Diagnostic> FindRegexErrors(const Codebook& codebook, const Normalizer& normalizer,
                                        int64_t pattern_max_mem = CompileOptions{}.pattern_max_mem);

// The word sequences of a pattern's atoms (Atom::sequences), one list per
// atom as PatternRegexSources gives its sources; a user regex's is empty.
std::vector<std::vector<WordSequence>> PatternWordSequences(
    const Pattern& pattern, const Normalizer& normalizer, const PatternVocabulary& vocabulary = {});

}  // namespace verbatim

#endif  // VERBATIM_CORE_ATOM_REGISTRY_H_
