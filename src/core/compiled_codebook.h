// A codebook compiled for matching: its atoms (core/atom_registry.h), the
// prefilter that says which patterns may hit an answer (core/prefilter.h)
// and its negation cues (core/negation_cues.h), compiled together from one
// Codebook so that their indices agree.
//
// Design: three units, because they change for three reasons: how patterns
// become atoms and exact regexes, how candidates are found fast, and how
// negation is cued. This class holds them by value, so that a forwarded
// call costs what a call on the unit costs, and it keeps RE2's headers out
// of every file that includes it: callers that run a regex include RE2's
// header themselves.
//
// Thread safety: immutable after Compile(); every const method is safe from
// several threads, so one CompiledCodebook serves every thread (Replicate
// gives each its own DFAs). Not copyable or movable (patterns point into
// its codebook, and RE2 objects are neither): hold it by unique_ptr.
#ifndef VERBATIM_CORE_COMPILED_CODEBOOK_H_
#define VERBATIM_CORE_COMPILED_CODEBOOK_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/atom_registry.h"
#include "core/codebook.h"
#include "core/negation_cues.h"
#include "core/normalizer.h"
#include "core/prefilter.h"
#include "core/status.h"
#include "core/vocabulary.h"
#include "core/words.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace verbatim {

class CompiledCodebook {
 public:
  // Compiles every pattern. Problems are appended to `diagnostics` with the
  // pattern's YAML location (a regex RE2 rejects, with RE2's message; a
  // regex over options.pattern_max_mem; a pattern with no word; a regex that
  // can match the empty string, as a warning; the Set of user regexes over
  // options.set_max_mem, located at its largest regex; a domain word with no
  // word). Patterns are quoted cut to 80 bytes. Returns an error when any
  // diagnostic is an error; the diagnostics are then the details.
  static Result<std::unique_ptr<CompiledCodebook>> Compile(
      const Codebook& codebook, std::shared_ptr<const Normalizer> normalizer,
      const CompileOptions& options, std::vector<Diagnostic>* diagnostics);

  CompiledCodebook(const CompiledCodebook&) = delete;
  CompiledCodebook& operator=(const CompiledCodebook&) = delete;

  // An equal codebook with RE2 objects of its own: compiled again from
  // codebook(), with the same normalizer and options, so that its patterns,
  // atoms and codes have the same indices and CodeAnswer gives the same
  // result with either. For a coding thread: one RE2 is safe to share, but
  // every search takes a lock on its DFA cache, and threads that share one
  // fight over that lock's cache line (measured in memory on the
  // match-dense benchmark corpus: 2 threads coded 1.40x as fast as one on a
  // shared codebook, 1.75x on replicas). Each replica warms up DFAs of its
  // own. Fails only as Compile does, which for a codebook that compiled
  // once means out of memory.
  Result<std::unique_ptr<CompiledCodebook>> Replicate() const;

  const Codebook& codebook() const { return codebook_; }
  const Normalizer& normalizer() const { return *normalizer_; }

  // The atom registry (core/atom_registry.h).
  const std::vector<CompiledPattern>& patterns() const { return registry_.patterns(); }
  const std::vector<Atom>& atoms() const { return registry_.atoms(); }
  // The domain list's atoms; empty when the codebook declares none.
  const std::vector<Atom>& domain_atoms() const { return registry_.domain_atoms(); }
  // The aliases and typo tolerance the patterns were compiled with.
  const PatternVocabulary& vocabulary() const { return registry_.vocabulary(); }
  // The codes of codebook().conflicts, in its order (-1 for an id that
  // names no code).
  const std::vector<std::pair<int, int>>& conflict_codes() const {
    return registry_.conflict_codes();
  }

  // The prefilter (core/prefilter.h): the patterns that may hit
  // `normalized`, in ascending order, into `candidates`; false when the Set
  // pass fails, with `error` saying why. REQUIRES: tokens is
  // TokenizeWords(normalized).
  bool FindCandidates(std::string_view normalized, const std::vector<WordToken>& tokens,
                      PrefilterScratch* scratch, std::vector<int>* candidates,
                      PrefilterError* error) const {
    return prefilter_.FindCandidates(normalized, tokens, scratch, candidates, error);
  }
  // How `word` (normalized, one word) may be read as a misspelling
  // (Prefilter::TypoSharedBytes): 0 never, else the number of its first
  // bytes a pattern word must share with it.
  size_t TypoSharedBytes(std::string_view word) const { return prefilter_.TypoSharedBytes(word); }
  // Whether some pattern word tolerates typos.
  bool has_typo_tolerance() const { return prefilter_.has_typo_tolerance(); }
  // Number of prefilter keys: words and stems, and regexes (for benchmarks).
  int prefilter_key_count() const { return prefilter_.key_count(); }
  // Number of user regexes gated by their literal atoms, and of those atoms
  // the Set looks for (for benchmarks and tests).
  int gated_regex_count() const { return prefilter_.gated_regex_count(); }
  int gate_atom_count() const { return prefilter_.gate_atom_count(); }

  // The negation cues (core/negation_cues.h).
  const re2::RE2* negation_before() const { return negation_cues_.before(); }
  const re2::RE2* negation_after() const { return negation_cues_.after(); }
  const re2::RE2* negation_after_sentence() const { return negation_cues_.after_sentence(); }
  bool IsClauseBreakWord(std::string_view normalized_word) const {
    return negation_cues_.IsClauseBreakWord(normalized_word);
  }
  const std::vector<std::string>& clause_break_phrases() const {
    return negation_cues_.clause_break_phrases();
  }
  const std::vector<FixedPhrase>& negation_fixed_phrases() const {
    return negation_cues_.fixed_phrases();
  }

 private:
  CompiledCodebook() = default;

  Codebook codebook_;
  std::shared_ptr<const Normalizer> normalizer_;
  CompileOptions options_;  // Those it was compiled with, for Replicate.
  AtomRegistry registry_;   // Its patterns point into codebook_.
  Prefilter prefilter_;
  NegationCues negation_cues_;
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_COMPILED_CODEBOOK_H_
