// The report's horizontal bar chart as SVG: one bar per theme and, under
// it, one per subtheme, each labelled with its count and % of answers read.
//
// Design: readable in black and white and without the page around it (it is
// pasted into slides): themes are solid bars, subthemes hatched, "theme
// without subtheme" dotted, every bar carries its numbers as text, and a
// legend says which is which; colour is never the only cue. There are no
// font metrics here, so label widths are estimated from code points with a
// generous average glyph width; a label too long for its column is wrapped
// onto two lines (then cut with "…"), its full text kept in a <title>
// tooltip. Output is deterministic: the same bars give the same bytes.
#ifndef VERBATIM_IO_REPORT_CHART_H_
#define VERBATIM_IO_REPORT_CHART_H_

#include <cstddef>
#include <ostream>
#include <string_view>
#include <vector>

#include "core/chart_rows.h"

namespace verbatim {

enum class SvgDocument {
  kStandalone,  // An .svg file: XML declaration, xmlns, white background.
  kInline,      // An <svg> element for the HTML page; each bar links to
                // the list of its answers (#code-ID, #only-ID).
};

// Writes the chart. `title` (the question) heads it; `answers_read` is said
// in the caption (the base of the percentages). Bars as BuildChartBars gives
// them, in that order; the bar lengths are proportional to the answers, the
// longest bar filling the plot. Stream errors are left in the stream's state.
void WriteChartSvg(std::ostream& out, const std::vector<ChartBar>& bars, size_t answers_read,
                   std::string_view title, SvgDocument document);

}  // namespace verbatim

#endif  // VERBATIM_IO_REPORT_CHART_H_
