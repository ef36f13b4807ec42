// The report's grouped section (--by COL): for each group, one SVG chart of
// the share of the group's answers naming each theme and subtheme, with a
// Wilson 95 % whisker around each share (core/group_chart.h).
//
// Design: like the main chart (io/report/report_chart.h), inline SVG with
// every number written as text beside its bar, so the page stays
// self-contained and readable in black and white. Every group is drawn on
// the same 0–100 % axis, so bars and whiskers compare across groups at a
// glance; a small group is shown with its wide whiskers and a "petit
// groupe" mark rather than hidden. Output is deterministic.
//
// Structure, stable for tests and scripts: one <section id="groups"
// data-by="COLUMN">, holding per group a <figure class="group"
// data-group="VALUE" data-answers="N" …> (class "group small" under
// kSmallGroupAnswers), whose bars are <g class="group-bar LEVEL"
// data-code="ID" data-answers="K" data-pct="P" data-ci-low="L"
// data-ci-high="H"> with LEVEL "theme" or "subtheme" and P, L, H percents
// written with two decimals and a dot.
#ifndef VERBATIM_IO_REPORT_GROUP_CHART_HTML_H_
#define VERBATIM_IO_REPORT_GROUP_CHART_HTML_H_

#include <ostream>
#include <span>
#include <string_view>

#include "core/group_chart.h"

namespace verbatim {

// Writes the section. `by` is the column's name as the input has it.
// Stream errors are left in the stream's state.
void WriteGroupChartsHtml(std::ostream& out, std::string_view by,
                          std::span<const GroupChart> charts);

// One group's chart alone, as the section embeds it.
void WriteGroupChartSvg(std::ostream& out, const GroupChart& chart);

}  // namespace verbatim

#endif  // VERBATIM_IO_REPORT_GROUP_CHART_HTML_H_
