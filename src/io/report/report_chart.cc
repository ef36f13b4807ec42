#include "io/report/report_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "io/report/html_text.h"

namespace verbatim {
namespace {

constexpr double kWidth = 960;
constexpr double kMargin = 12;
constexpr double kSubthemeIndent = 18;
// Average glyph widths, on the high side for DejaVu Sans / Liberation Sans,
// so that an estimated label is never wider than its column.
constexpr double kThemeGlyph = 8.4;     // 14px bold.
constexpr double kSubthemeGlyph = 7.2;  // 13px.
constexpr double kMaxLabelColumn = 430;
constexpr double kValueColumn = 120;  // "128 (99,2 %)" after the longest bar.
constexpr double kTitleHeight = 34;
constexpr double kThemeGap = 10;
constexpr double kLineHeight = 16;
constexpr double kLegendHeight = 72;

struct Layout {
  double label_column = 0;  // Where the bars start.
  double plot_width = 0;    // Length of the longest bar.
};

double GlyphWidth(const ChartBar& bar) {
  return bar.level == BarLevel::kTheme ? kThemeGlyph : kSubthemeGlyph;
}

double Indent(const ChartBar& bar) { return bar.level == BarLevel::kTheme ? 0 : kSubthemeIndent; }

std::string LabelOf(const ChartBar& bar) {
  return bar.level == BarLevel::kThemeOnly ? "(sans sous-thème précis)" : bar.label;
}

// At most two lines of at most `max_points` code points each, broken at a
// space; the second line is cut with "…" when the label is still too long.
std::vector<std::string> WrapLabel(const std::string& label, size_t max_points) {
  if (CountCodePoints(label) <= max_points) return {label};
  size_t cut = std::string::npos;
  for (size_t at = 0; at < label.size(); ++at) {
    if (label[at] != ' ') continue;
    if (CountCodePoints(std::string_view(label).substr(0, at)) > max_points) break;
    cut = at;
  }
  if (cut == std::string::npos) return {Ellipsize(label, max_points)};
  return {label.substr(0, cut), Ellipsize(label.substr(cut + 1), max_points)};
}

size_t MaxPoints(const ChartBar& bar, const Layout& layout) {
  const double room = layout.label_column - kMargin - Indent(bar) - 8;
  return static_cast<size_t>(std::max(8.0, room / GlyphWidth(bar)));
}

Layout ComputeLayout(const std::vector<ChartBar>& bars) {
  double widest = 0;
  for (const ChartBar& bar : bars) {
    widest = std::max(
        widest, Indent(bar) + static_cast<double>(CountCodePoints(LabelOf(bar))) * GlyphWidth(bar));
  }
  Layout layout;
  layout.label_column = kMargin + std::min(widest + 8, kMaxLabelColumn);
  layout.plot_width = kWidth - layout.label_column - kValueColumn - kMargin;
  return layout;
}

double RowHeight(const ChartBar& bar, size_t lines) {
  const double base = bar.level == BarLevel::kTheme ? 26 : 22;
  return base + kLineHeight * static_cast<double>(lines - 1);
}

std::string Number(double value) { return fmt::format("{:.1f}", value); }

void WriteDefs(std::ostream& out) {
  out << "<defs>\n"
         "<pattern id=\"vb-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
         "<rect width=\"2.5\" height=\"6\" fill=\"#1f3b63\"/></pattern>\n"
         "<pattern id=\"vb-dots\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
         "<rect width=\"5\" height=\"5\" fill=\"#ffffff\"/>"
         "<circle cx=\"2.5\" cy=\"2.5\" r=\"1.2\" fill=\"#1f3b63\"/></pattern>\n"
         "</defs>\n";
}

std::string FillOf(BarLevel level) {
  switch (level) {
    case BarLevel::kTheme:
      return "fill=\"#1f3b63\"";
    case BarLevel::kSubtheme:
      return "fill=\"url(#vb-hatch)\" stroke=\"#1f3b63\" stroke-width=\"1\"";
    case BarLevel::kThemeOnly:
      return "fill=\"url(#vb-dots)\" stroke=\"#1f3b63\" stroke-width=\"1\"";
  }
  return "";
}

std::string_view ClassOf(BarLevel level) {
  switch (level) {
    case BarLevel::kTheme:
      return "theme";
    case BarLevel::kSubtheme:
      return "subtheme";
    case BarLevel::kThemeOnly:
      return "theme-only";
  }
  return "theme";
}

void WriteBar(std::ostream& out, const ChartBar& bar, const Layout& layout, double max_answers,
              double y, SvgDocument document) {
  const std::vector<std::string> lines = WrapLabel(LabelOf(bar), MaxPoints(bar, layout));
  const double height = RowHeight(bar, lines.size());
  const double bar_height = bar.level == BarLevel::kTheme ? 18 : 14;
  const double bar_y = y + (height - bar_height) / 2;
  const double length =
      max_answers > 0 ? layout.plot_width * static_cast<double>(bar.answers) / max_answers : 0;
  const std::string anchor = (bar.level == BarLevel::kThemeOnly ? "only-" : "code-") + bar.id;
  const bool theme = bar.level == BarLevel::kTheme;

  out << fmt::format("<g class=\"bar {}\" data-code=\"{}\">", ClassOf(bar.level),
                     EscapeHtml(bar.id));
  if (document == SvgDocument::kInline) out << fmt::format("<a href=\"#{}\">", EscapeHtml(anchor));
  out << fmt::format("<title>{} — {} ({})</title>", EscapeHtml(LabelOf(bar)),
                     FrenchAnswerCount(bar.answers), FrenchPercent(bar.percent));
  const double first_baseline =
      y + height / 2 + 4.5 - kLineHeight * static_cast<double>(lines.size() - 1) / 2;
  for (size_t i = 0; i < lines.size(); ++i) {
    out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"label\"{}>{}</text>",
                       Number(kMargin + Indent(bar)),
                       Number(first_baseline + kLineHeight * static_cast<double>(i)),
                       theme ? " font-weight=\"bold\" font-size=\"14\"" : " font-size=\"13\"",
                       EscapeHtml(lines[i]));
  }
  if (length > 0) {
    out << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>",
                       Number(layout.label_column), Number(bar_y), Number(length),
                       Number(bar_height), FillOf(bar.level));
  }
  out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"value\" font-size=\"13\"{}>{} ({})</text>",
                     Number(layout.label_column + length + 6), Number(y + height / 2 + 4.5),
                     theme ? " font-weight=\"bold\"" : "", bar.answers, FrenchPercent(bar.percent));
  if (document == SvgDocument::kInline) out << "</a>";
  out << "</g>\n";
}

void WriteLegend(std::ostream& out, double y, size_t answers_read) {
  struct Item {
    BarLevel level;
    const char* text;
  };
  const Item items[] = {{BarLevel::kTheme, "Thème (avec ses sous-thèmes)"},
                        {BarLevel::kSubtheme, "Sous-thème"},
                        {BarLevel::kThemeOnly, "Thème sans sous-thème précis"}};
  double x = kMargin;
  out << "<g class=\"legend\" font-size=\"12\">\n";
  for (const Item& item : items) {
    out << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"12\" {}/>", Number(x),
                       Number(y), FillOf(item.level));
    out << fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", Number(x + 28), Number(y + 10.5),
                       item.text);
    x += 28 + static_cast<double>(CountCodePoints(item.text)) * 6.8 + 24;
  }
  out << fmt::format(
      "<text x=\"{}\" y=\"{}\" class=\"caption\">Nombre de réponses et % des {} réponses "
      "lues. Une réponse peut avoir plusieurs codes.</text>\n",
      Number(kMargin), Number(y + 32), answers_read);
  out << fmt::format(
      "<text x=\"{}\" y=\"{}\" class=\"caption\">Les réponses litigieuses ne sont comptées "
      "dans aucun code tant qu'un relecteur ne les a pas tranchées.</text>\n",
      Number(kMargin), Number(y + 48));
  out << "</g>\n";
}

}  // namespace

void WriteChartSvg(std::ostream& out, const std::vector<ChartBar>& bars, size_t answers_read,
                   std::string_view title, SvgDocument document) {
  const Layout layout = ComputeLayout(bars);
  double height = kTitleHeight;
  std::vector<size_t> line_counts;
  for (size_t i = 0; i < bars.size(); ++i) {
    line_counts.push_back(WrapLabel(LabelOf(bars[i]), MaxPoints(bars[i], layout)).size());
    if (i > 0 && bars[i].level == BarLevel::kTheme) height += kThemeGap;
    height += RowHeight(bars[i], line_counts.back());
  }
  height += kLegendHeight;
  double max_answers = 0;
  for (const ChartBar& bar : bars)
    max_answers = std::max(max_answers, static_cast<double>(bar.answers));

  if (document == SvgDocument::kStandalone) out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-labelledby=\"vb-chart-title\" "
      "font-family=\"'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif\" "
      "fill=\"#111111\">\n",
      Number(kWidth), Number(height));
  out << fmt::format("<title id=\"vb-chart-title\">{}</title>\n", EscapeHtml(title));
  WriteDefs(out);
  if (document == SvgDocument::kStandalone) {
    out << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  }
  out << fmt::format("<text x=\"{}\" y=\"22\" font-size=\"16\" font-weight=\"bold\">{}</text>\n",
                     Number(kMargin), EscapeHtml(Ellipsize(title, 95)));
  double y = kTitleHeight;
  for (size_t i = 0; i < bars.size(); ++i) {
    if (i > 0 && bars[i].level == BarLevel::kTheme) {
      y += kThemeGap / 2;
      out << fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#bbbbbb\"/>\n",
                         Number(kMargin), Number(kWidth - kMargin), Number(y), Number(y));
      y += kThemeGap / 2;
    }
    WriteBar(out, bars[i], layout, max_answers, y, document);
    y += RowHeight(bars[i], line_counts[i]);
  }
  out << fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#111111\"/>\n",
                     Number(layout.label_column), Number(kTitleHeight - 4), Number(y));
  WriteLegend(out, y + 14, answers_read);
  out << "</svg>\n";
}

}  // namespace verbatim
