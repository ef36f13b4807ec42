#include "core/chart_rows.h"

#include <algorithm>

namespace verbatim {
namespace {

struct ThemeGroup {
  ChartBar theme;
  std::vector<ChartBar> subthemes;
  std::optional<ChartBar> theme_only;
};

bool MoreAnswers(const ChartBar& a, const ChartBar& b) { return a.answers > b.answers; }

}  // namespace

std::string_view ChartOrderName(ChartOrder order) {
  switch (order) {
    case ChartOrder::kCodebook:
      return "codebook";
    case ChartOrder::kCount:
      return "count";
  }
  return "codebook";
}

std::optional<ChartOrder> ParseChartOrder(std::string_view name) {
  for (ChartOrder order : kAllChartOrders) {
    if (ChartOrderName(order) == name) return order;
  }
  return std::nullopt;
}

std::vector<ChartBar> BuildChartBars(const Codebook& codebook, const Tally& tally,
                                     ChartOrder order) {
  const double rows = static_cast<double>(tally.rows());
  auto make_bar = [&](BarLevel level, int code, size_t answers) {
    const CodeDefinition& definition = codebook.codes[code];
    return ChartBar{level,         code,
                    definition.id, definition.label,
                    answers,       rows > 0 ? 100.0 * static_cast<double>(answers) / rows : 0.0};
  };
  std::vector<ThemeGroup> groups;
  for (size_t c = 0; c < codebook.codes.size(); ++c) {
    const int code = static_cast<int>(c);
    if (codebook.codes[c].level == CodeLevel::kTheme) {
      groups.push_back(ThemeGroup{make_bar(BarLevel::kTheme, code, tally.answers(code)), {}, {}});
    } else if (!groups.empty()) {
      groups.back().subthemes.push_back(make_bar(BarLevel::kSubtheme, code, tally.answers(code)));
    }
  }
  for (ThemeGroup& group : groups) {
    const size_t only = tally.theme_without_subtheme(group.theme.code);
    if (!group.subthemes.empty() && only > 0) {
      group.theme_only = make_bar(BarLevel::kThemeOnly, group.theme.code, only);
    }
  }
  if (order == ChartOrder::kCount) {
    std::stable_sort(groups.begin(), groups.end(), [](const ThemeGroup& a, const ThemeGroup& b) {
      return MoreAnswers(a.theme, b.theme);
    });
    for (ThemeGroup& group : groups) {
      std::stable_sort(group.subthemes.begin(), group.subthemes.end(), MoreAnswers);
    }
  }
  std::vector<ChartBar> bars;
  for (ThemeGroup& group : groups) {
    bars.push_back(std::move(group.theme));
    for (ChartBar& bar : group.subthemes) bars.push_back(std::move(bar));
    if (group.theme_only) bars.push_back(std::move(*group.theme_only));
  }
  return bars;
}

}  // namespace verbatim
