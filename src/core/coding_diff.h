// What changes when one codebook replaces another: per answer and per code.
//
// Design: both sides are coded by the one coding path (CodeAnswer), each
// with its own compiled codebook; this unit only compares the results. The
// two codebooks may not have the same codes: codes are matched by id, so a
// renamed code shows as one removed and one added. A theme counts an answer
// when it or one of its subthemes is in the list, as in core/tally.h.
#ifndef VERBATIM_CORE_CODING_DIFF_H_
#define VERBATIM_CORE_CODING_DIFF_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/codebook.h"
#include "core/coder.h"

namespace verbatim {

// How one answer's coding changed. Code ids of added codes are in the new
// codebook's order, removed ones in the old codebook's order.
struct AnswerChange {
  AnswerStatus old_status = AnswerStatus::kUncoded;
  AnswerStatus new_status = AnswerStatus::kUncoded;
  std::vector<std::string> counted_added;
  std::vector<std::string> counted_removed;
  std::vector<std::string> proposed_added;
  std::vector<std::string> proposed_removed;

  // Any difference in status, counted codes or proposed codes.
  bool changed() const;
  bool newly_disputed() const;      // Disputed now, not before.
  bool no_longer_disputed() const;  // Disputed before, not now.
};

// Compares the old and new coding of one answer (lists as CodingResult
// holds them: counted and proposed code indices in each codebook).
AnswerChange CompareCodings(const Codebook& old_book, const CodingResult& old_result,
                            const Codebook& new_book, const CodingResult& new_result);

// Answers per code on each side.
struct CodeCountChange {
  std::string id;
  std::string label;  // From the new codebook when the code is there.
  CodeLevel level = CodeLevel::kTheme;
  bool in_old = false;
  bool in_new = false;
  size_t old_counted = 0;  // Answers that count the code (theme: or a subtheme).
  size_t new_counted = 0;
  size_t old_proposed = 0;  // Answers that propose it (theme: or a subtheme).
  size_t new_proposed = 0;

  bool changed() const {
    return old_counted != new_counted || old_proposed != new_proposed || in_old != in_new;
  }
};

// Accumulates per-code and per-status counts over answers coded twice.
// Holds pointers to both codebooks: they must outlive it. Copyable.
class CodingDiffTally {
 public:
  CodingDiffTally(const Codebook& old_book, const Codebook& new_book);

  void Add(const CodingResult& old_result, const CodingResult& new_result);

  size_t answers() const { return answers_; }
  size_t changed_answers() const { return changed_; }
  size_t old_status_count(AnswerStatus status) const {
    return old_status_[static_cast<int>(status)];
  }
  size_t new_status_count(AnswerStatus status) const {
    return new_status_[static_cast<int>(status)];
  }

  // Every code of the new codebook in its order, then the codes only the
  // old one has, in the old order.
  std::vector<CodeCountChange> Codes() const;

 private:
  const Codebook* old_book_;
  const Codebook* new_book_;
  size_t answers_ = 0;
  size_t changed_ = 0;
  size_t old_status_[4] = {0, 0, 0, 0};
  size_t new_status_[4] = {0, 0, 0, 0};
  // Indexed like the codebooks' codes.
  std::vector<size_t> old_counted_, old_proposed_, new_counted_, new_proposed_;
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_CODING_DIFF_H_
