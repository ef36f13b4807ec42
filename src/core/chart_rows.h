// The bars of the report's chart: themes and, under each, its subthemes,
// with counts and percentages taken from a Tally.
//
// Design: the chart shows exactly what counts.csv counts (core/tally.h), so
// the two can never disagree; only the order differs. A theme's bar counts
// the answers with the theme or any of its subthemes; a "theme only" bar
// (answers with the theme and none of its subthemes) is added under a theme
// that has subthemes, and only when it is not empty, so that the subtheme
// bars plus it account for every answer of the theme. Pure: no I/O.
#ifndef VERBATIM_CORE_CHART_ROWS_H_
#define VERBATIM_CORE_CHART_ROWS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/codebook.h"
#include "core/tally.h"

namespace verbatim {

enum class ChartOrder { kCodebook, kCount };
inline constexpr ChartOrder kAllChartOrders[] = {ChartOrder::kCodebook, ChartOrder::kCount};
// Stable names: "codebook", "count".
std::string_view ChartOrderName(ChartOrder order);
// The inverse of ChartOrderName; nullopt for any other text.
std::optional<ChartOrder> ParseChartOrder(std::string_view name);

enum class BarLevel { kTheme, kSubtheme, kThemeOnly };

struct ChartBar {
  BarLevel level = BarLevel::kTheme;
  int code = -1;      // Index in Codebook::codes; for kThemeOnly, the theme's.
  std::string id;     // Code id; "<theme id>" for kThemeOnly too.
  std::string label;  // Code label; for kThemeOnly, the theme's label.
  size_t answers = 0;
  double percent = 0;  // Of all answers read (0 when none were read).
};

// Every theme followed by its subthemes (then its theme-only bar, see
// above). kCodebook: codebook order. kCount: themes by decreasing count, and
// within a theme the subthemes by decreasing count; ties keep codebook
// order; the theme-only bar always comes last under its theme.
// REQUIRES: `tally` was built over `codebook`.
std::vector<ChartBar> BuildChartBars(const Codebook& codebook, const Tally& tally,
                                     ChartOrder order);

}  // namespace verbatim

#endif  // VERBATIM_CORE_CHART_ROWS_H_
