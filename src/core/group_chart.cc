#include "core/group_chart.h"

#include <utility>

#include "core/wilson.h"

namespace verbatim {

std::vector<GroupChart> BuildGroupCharts(const Codebook& codebook, const GroupTally& tally) {
  std::vector<GroupChart> charts;
  for (const std::string& group : tally.Groups()) {
    const Tally& counts = tally.Of(group);
    GroupChart chart{group, counts.rows(), {}};
    for (ChartBar& bar : BuildChartBars(codebook, counts, ChartOrder::kCodebook)) {
      if (bar.level == BarLevel::kThemeOnly) continue;
      const ProportionInterval interval = WilsonInterval(bar.answers, counts.rows());
      chart.bars.push_back({std::move(bar), 100 * interval.low, 100 * interval.high});
    }
    charts.push_back(std::move(chart));
  }
  return charts;
}

}  // namespace verbatim
