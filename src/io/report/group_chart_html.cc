#include "io/report/group_chart_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "io/report/html_text.h"

namespace verbatim {
namespace {

constexpr double kWidth = 960;
constexpr double kMargin = 12;
constexpr double kLabelColumn = 340;   // Where the bars start.
constexpr double kValueColumn = 230;   // "12 (15,0 %) [8,1 – 25,9 %]".
constexpr double kPlotWidth = kWidth - kLabelColumn - kValueColumn - kMargin;
constexpr double kAxisHeight = 22;
constexpr double kRowHeight = 20;
constexpr double kThemeGap = 6;
constexpr size_t kLabelPoints = 42;  // At 7.2 px a glyph, within the label column.

std::string Number(double value) { return fmt::format("{:.1f}", value); }

double X(double percent) { return kLabelColumn + kPlotWidth * std::clamp(percent, 0.0, 100.0) / 100; }

void WriteAxis(std::ostream& out, double bottom) {
  for (int tick = 0; tick <= 100; tick += 25) {
    const double x = X(tick);
    out << fmt::format(
        "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\"/>"
        "<text x=\"{0}\" y=\"{4}\" font-size=\"11\" text-anchor=\"middle\">{5} %</text>\n",
        Number(x), Number(kAxisHeight - 4), Number(bottom),
        tick == 0 ? "#111111" : "#dddddd", Number(kAxisHeight - 8), tick);
  }
}

void WriteBar(std::ostream& out, const GroupChartBar& bar, size_t base, double y) {
  const bool theme = bar.bar.level == BarLevel::kTheme;
  const double bar_height = theme ? 14 : 10;
  const double middle = y + kRowHeight / 2;
  out << fmt::format(
      "<g class=\"group-bar {}\" data-code=\"{}\" data-answers=\"{}\" data-pct=\"{:.2f}\" "
      "data-ci-low=\"{:.2f}\" data-ci-high=\"{:.2f}\">",
      theme ? "theme" : "subtheme", EscapeHtml(bar.bar.id), bar.bar.answers, bar.bar.percent,
      bar.ci_low, bar.ci_high);
  out << fmt::format("<title>{} — {} sur {} ({}), IC 95 % : {} – {}</title>",
                     EscapeHtml(bar.bar.label), bar.bar.answers, base,
                     FrenchPercent(bar.bar.percent), FrenchPercent(bar.ci_low),
                     FrenchPercent(bar.ci_high));
  out << fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}>{}</text>",
                     Number(kMargin + (theme ? 0 : 14)), Number(middle + 4),
                     theme ? 13 : 12, theme ? " font-weight=\"bold\"" : "",
                     EscapeHtml(Ellipsize(bar.bar.label, kLabelPoints)));
  const double length = X(bar.bar.percent) - kLabelColumn;
  if (length > 0) {
    out << fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>", Number(kLabelColumn),
        Number(middle - bar_height / 2), Number(length), Number(bar_height),
        theme ? "fill=\"#1f3b63\""
              : "fill=\"url(#vb-group-hatch)\" stroke=\"#1f3b63\" stroke-width=\"1\"");
  }
  const double low = X(bar.ci_low), high = X(bar.ci_high);
  out << fmt::format(
      "<g class=\"whisker\" stroke=\"#b8372b\" stroke-width=\"1.5\">"
      "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\"/>"
      "<line x1=\"{0}\" x2=\"{0}\" y1=\"{3}\" y2=\"{4}\"/>"
      "<line x1=\"{1}\" x2=\"{1}\" y1=\"{3}\" y2=\"{4}\"/></g>",
      Number(low), Number(high), Number(middle), Number(middle - 5), Number(middle + 5));
  out << fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"12\"{}>{} ({}) [{} – {}]</text>",
      Number(X(100) + 8), Number(middle + 4), theme ? " font-weight=\"bold\"" : "",
      bar.bar.answers, FrenchPercent(bar.bar.percent), FrenchPercent(bar.ci_low),
      FrenchPercent(bar.ci_high));
  out << "</g>\n";
}

}  // namespace

void WriteGroupChartSvg(std::ostream& out, const GroupChart& chart) {
  double height = kAxisHeight;
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    if (i > 0 && chart.bars[i].bar.level == BarLevel::kTheme) height += kThemeGap;
    height += kRowHeight;
  }
  out << fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"group-chart\" width=\"{0}\" "
      "height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "style=\"display: block; width: 100%; height: auto\" "
      "font-family=\"'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif\" "
      "fill=\"#111111\">\n",
      Number(kWidth), Number(height + 4));
  out << "<defs><pattern id=\"vb-group-hatch\" width=\"6\" height=\"6\" "
         "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" "
         "height=\"6\" fill=\"#ffffff\"/><rect width=\"2.5\" height=\"6\" fill=\"#1f3b63\"/>"
         "</pattern></defs>\n";
  WriteAxis(out, height);
  double y = kAxisHeight;
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    if (i > 0 && chart.bars[i].bar.level == BarLevel::kTheme) y += kThemeGap;
    WriteBar(out, chart.bars[i], chart.answers, y);
    y += kRowHeight;
  }
  out << "</svg>\n";
}

void WriteGroupChartsHtml(std::ostream& out, std::string_view by,
                          std::span<const GroupChart> charts) {
  out << fmt::format(
      "<section id=\"groups\" data-by=\"{0}\">\n<h2>Par « {0} » <span class=\"count\">({1} "
      "groupes)</span></h2>\n<p class=\"note\">Pour chaque valeur de la colonne, la part de ses "
      "réponses qui nomment chaque thème et sous-thème. Le trait rouge est l'intervalle de "
      "confiance à 95 % (Wilson) : plus le groupe est petit, plus il est large. Les groupes de "
      "moins de {2} réponses sont marqués « petit groupe » : leurs pourcentages sont montrés, "
      "mais ils disent peu.</p>\n",
      EscapeHtml(by), charts.size(), kSmallGroupAnswers);
  for (const GroupChart& chart : charts) {
    const bool small = chart.answers < kSmallGroupAnswers;
    out << fmt::format(
        "<figure class=\"group{}\" data-group=\"{}\" data-answers=\"{}\" "
        "style=\"margin: 1.2em 0; break-inside: avoid\">\n<figcaption><h3 style=\"display: "
        "inline\">{}</h3> <span class=\"count\">{}{}</span></figcaption>\n",
        small ? " small" : "", EscapeHtml(chart.group), chart.answers,
        chart.group.empty() ? "(sans valeur)" : EscapeHtml(chart.group),
        FrenchAnswerCount(chart.answers), small ? " · petit groupe" : "");
    WriteGroupChartSvg(out, chart);
    out << "</figure>\n";
  }
  out << "</section>\n";
}

}  // namespace verbatim
