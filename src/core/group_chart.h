// The bars of the report's grouped chart (--by COL): for each group, the
// share of its answers that name each theme and subtheme, with the Wilson
// 95 % interval of that share.
//
// Design: a group's bars are BuildChartBars of the group's own Tally
// (core/chart_rows.h), so a group's numbers are counted exactly as
// counts.csv's group rows are (core/group_tally.h). Every group lists the
// same bars in the same order — themes and their subthemes, codebook order,
// no "theme only" bar (it exists only where it is not empty) — so that the
// groups can be read side by side, line by line. Small groups are shown,
// not hidden: their interval says how little they tell. Pure: no I/O.
#ifndef VERBATIM_CORE_GROUP_CHART_H_
#define VERBATIM_CORE_GROUP_CHART_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/chart_rows.h"
#include "core/codebook.h"
#include "core/group_tally.h"

namespace verbatim {

// Below this many answers a group is flagged as small (its intervals are
// wide); the terminal table of `code --by` uses the same threshold.
inline constexpr size_t kSmallGroupAnswers = 30;

struct GroupChartBar {
  ChartBar bar;         // bar.percent: % of the group's answers (0 when none).
  double ci_low = 0;    // Percent, Wilson 95 % (core/wilson.h).
  double ci_high = 0;   // Percent.
};

struct GroupChart {
  std::string group;   // The column's value as written ("" for no value).
  size_t answers = 0;  // The group's answers read (the base of its percentages).
  std::vector<GroupChartBar> bars;
};

// One chart per group, in GroupTally::Groups() order (largest first).
// REQUIRES: `tally` was built over `codebook`.
std::vector<GroupChart> BuildGroupCharts(const Codebook& codebook, const GroupTally& tally);

}  // namespace verbatim

#endif  // VERBATIM_CORE_GROUP_CHART_H_
