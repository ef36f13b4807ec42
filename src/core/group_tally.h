// Counts per code within groups of answers: --by COL, one group per value
// of an input column (a specialty, a region).
//
// Design: each group is a Tally (core/tally.h) of its own, so that a
// group's rows have the same shape and the same rules as the overall
// counts (a theme counts an answer once, statuses add up to the group's
// rows). The overall Tally is kept by the run; the groups' rows add up to
// it, which the tests check.
#ifndef VERBATIM_CORE_GROUP_TALLY_H_
#define VERBATIM_CORE_GROUP_TALLY_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/codebook.h"
#include "core/tally.h"

namespace verbatim {

class GroupTally {
 public:
  // `codebook` must outlive the tally.
  explicit GroupTally(const Codebook& codebook) : codebook_(&codebook) {}

  // Adds one answer of group `group` (the column's value as written; ""
  // is a group too: answers with no value).
  void Add(std::string_view group, AnswerStatus status, const std::vector<int>& counted_codes);

  // The groups, largest first, ties in byte order of their names: the
  // order every output lists them in.
  std::vector<std::string> Groups() const;
  // REQUIRES: `group` was added.
  const Tally& Of(const std::string& group) const { return groups_.at(group); }
  size_t size() const { return groups_.size(); }

 private:
  const Codebook* codebook_;
  std::map<std::string, Tally, std::less<>> groups_;
};

// One group's counts rows (BuildCountRows of its Tally, percentages of the
// group's answers) with the Wilson 95 % interval of pct_answers.
struct GroupCountRow {
  std::string group;
  CountRow row;
  double ci_low = 0;   // Percent, Wilson 95 % (core/wilson.h).
  double ci_high = 0;  // Percent.
};

// Every group's rows, groups in Groups() order.
std::vector<GroupCountRow> BuildGroupCountRows(const Codebook& codebook, const GroupTally& tally);

}  // namespace verbatim

#endif  // VERBATIM_CORE_GROUP_TALLY_H_
