// Counts per code and per status over a run.
//
// Design: a theme counts an answer when the answer has the theme itself
// (theme without subtheme) or any of its subthemes, once, as the report
// counts. Only counted codes are tallied (a disputed answer counts in no
// code until a human decides), and every row is counted in exactly one
// status, so that rows = coded + uncoded + disputed + error always holds.
#ifndef VERBATIM_CORE_TALLY_H_
#define VERBATIM_CORE_TALLY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/codebook.h"
#include "core/coder.h"

namespace verbatim {

class Tally {
 public:
  explicit Tally(const Codebook& codebook);

  // Adds one answer with its status and counted codes (code indices).
  void Add(AnswerStatus status, const std::vector<int>& counted_codes);
  // Adds every count of `other`. REQUIRES: same codebook.
  void Merge(const Tally& other);

  size_t rows() const { return rows_; }
  size_t status_count(AnswerStatus status) const { return by_status_[static_cast<int>(status)]; }
  // Answers with the code; for a theme, answers with it or any subtheme.
  size_t answers(int code) const { return answers_[code]; }
  // Answers with a theme but none of its subthemes. REQUIRES: code is a theme.
  size_t theme_without_subtheme(int code) const { return theme_only_[code]; }

 private:
  const Codebook* codebook_;
  size_t rows_ = 0;
  size_t by_status_[4] = {0, 0, 0, 0};
  std::vector<size_t> answers_;
  std::vector<size_t> theme_only_;
  std::vector<std::pair<int, bool>> themes_seen_;  // Add's buffer, kept for its capacity.
};

// One row of the counts table, as counts.csv and the terminal show it.
enum class CountLevel { kTheme, kSubtheme, kThemeOnly, kStatus, kTotal };
// Stable names: "theme", "subtheme", "theme_only", "status", "total".
std::string_view CountLevelName(CountLevel level);

struct CountRow {
  CountLevel level = CountLevel::kTheme;
  std::string id;     // Code id; "<theme>" for kThemeOnly; status name; "total".
  std::string label;
  size_t answers = 0;
  double percent_of_answers = 0;  // Of all rows read.
  double percent_of_coded = -1;   // Of coded answers; -1 where it means nothing.
};

// Each theme, then its subthemes, then its "theme without subtheme" row
// (always, so that the table's shape does not depend on the data); then one
// row per status (coded, uncoded, disputed, error) and the total.
std::vector<CountRow> BuildCountRows(const Codebook& codebook, const Tally& tally);

}  // namespace verbatim

#endif  // VERBATIM_CORE_TALLY_H_
