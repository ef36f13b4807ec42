// Counts before and after human decisions, side by side.
//
// Design: the machine's tally and the final tally (decisions applied) are
// two ordinary Tally objects; this unit adds, for every row of the counts
// table, how many answers decisions brought into it and took out of it, so
// that for every row: final = machine + added - removed, exactly. An answer
// counts in a row as Tally counts it (a theme once when it or any subtheme
// is there; "theme without subtheme" when the theme is there without one).
#ifndef VERBATIM_CORE_DECIDED_COUNTS_H_
#define VERBATIM_CORE_DECIDED_COUNTS_H_

#include <cstddef>
#include <vector>

#include "core/codebook.h"
#include "core/coder.h"
#include "core/tally.h"

namespace verbatim {

class CountChanges {
 public:
  explicit CountChanges(const Codebook& codebook);

  // One answer: its machine status and counted codes, and its final ones.
  void Add(AnswerStatus machine_status, const std::vector<int>& machine_codes,
           AnswerStatus final_status, const std::vector<int>& final_codes);

  // Answers that gained / lost the code (for a theme: the theme or any of
  // its subthemes).
  size_t added(int code) const { return added_[code]; }
  size_t removed(int code) const { return removed_[code]; }
  size_t theme_only_added(int code) const { return theme_only_added_[code]; }
  size_t theme_only_removed(int code) const { return theme_only_removed_[code]; }
  size_t status_added(AnswerStatus status) const { return status_added_[static_cast<int>(status)]; }
  size_t status_removed(AnswerStatus status) const {
    return status_removed_[static_cast<int>(status)];
  }

 private:
  const Codebook* codebook_;
  std::vector<size_t> added_, removed_, theme_only_added_, theme_only_removed_;
  size_t status_added_[4] = {0, 0, 0, 0};
  size_t status_removed_[4] = {0, 0, 0, 0};
};

struct DecidedCountRow {
  CountRow final;         // What is reported: the counts with decisions applied.
  size_t machine = 0;     // The same row without decisions.
  size_t added = 0;       // Answers decisions brought into the row.
  size_t removed = 0;     // Answers decisions took out of it.
};

// BuildCountRows(final) with each row's machine count and changes.
// Invariant: final.answers == machine + added - removed for every row.
// REQUIRES: both tallies over the same rows of the same codebook, and
// `changes` fed with the same answers.
std::vector<DecidedCountRow> BuildDecidedCountRows(const Codebook& codebook, const Tally& machine,
                                                   const Tally& final_tally,
                                                   const CountChanges& changes);

}  // namespace verbatim

#endif  // VERBATIM_CORE_DECIDED_COUNTS_H_
