#include "io/report/report_assets.h"

namespace verbatim {

const std::string_view kReportCss = R"css(
:root { --ink: #111111; --muted: #555b66; --accent: #1f3b63; --line: #d3d7de; --soft: #f2f4f7; }
* { box-sizing: border-box; }
html { background: #ffffff; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1060px; padding: 24px 28px 48px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.6em; margin: 0 0 0.2em; }
h2 { font-size: 1.2em; border-bottom: 2px solid var(--accent); padding-bottom: 0.2em; margin: 1.8em 0 0.6em; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.75em; color: var(--muted); margin: 0; }
.source { color: var(--muted); font-size: 0.88em; margin: 0.2em 0; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.88em; overflow-wrap: anywhere; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 0; }
.figure { border: 1px solid var(--line); border-left: 6px solid var(--accent); padding: 8px 12px; }
.figure dt { font-size: 0.85em; color: var(--muted); }
.figure dd { margin: 0; font-size: 1.9em; font-weight: bold; line-height: 1.2; }
.figure .pct { display: block; font-size: 0.82em; color: var(--muted); font-weight: normal; }
.figure.read { border-left-style: double; border-left-width: 8px; }
.figure.disputed { border-left-style: dashed; }
.figure.uncoded, .figure.error { border-left-style: dotted; }
.note { color: var(--muted); font-size: 0.88em; }
svg.chart { display: block; width: 100%; height: auto; }
svg.chart a:hover rect, svg.chart a:focus rect { opacity: 0.7; }
svg.chart a:hover text { text-decoration: underline; }
.tools { position: sticky; top: 0; z-index: 1; background: #ffffff; display: flex; gap: 8px;
  align-items: center; padding: 8px 0; border-bottom: 1px solid var(--line); }
.tools input { flex: 1; padding: 6px 8px; font: inherit; border: 1px solid var(--muted); border-radius: 3px; }
.tools button { font: inherit; padding: 5px 10px; border: 1px solid var(--muted); border-radius: 3px; background: var(--soft); cursor: pointer; }
#filter-status { color: var(--muted); font-size: 0.88em; min-width: 10em; }
.legend { font-size: 0.85em; color: var(--muted); }
details { margin: 6px 0; }
summary { cursor: pointer; padding: 5px 8px; }
summary .id { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.8em; color: var(--muted); font-weight: normal; margin-left: 0.4em; }
summary .count { color: var(--muted); font-weight: normal; margin-left: 0.6em; white-space: nowrap; }
details.theme, details.list, details.disagreements { border: 1px solid var(--line); border-radius: 4px; }
details.theme > summary, details.list > summary, details.disagreements > summary { font-weight: bold; background: var(--soft); }
details.theme > details, details.theme > ol, details.theme > p { margin-left: 20px; margin-right: 10px; }
details.subtheme > summary, details.theme-only > summary { font-weight: bold; }
details.theme-only > summary { font-style: italic; }
details.no-match > summary { opacity: 0.45; }
ol.answers { list-style: none; padding: 0; margin: 4px 0 12px; }
li.answer { border-left: 3px solid var(--line); padding: 3px 10px; margin: 6px 0; break-inside: avoid; }
li.answer .meta { font-size: 0.8em; color: var(--muted); }
li.answer .text { white-space: pre-wrap; overflow-wrap: anywhere; }
ul.reasons { margin: 2px 0 0; padding-left: 1.2em; font-size: 0.88em; }
.reason { font-weight: bold; }
.error-message { font-size: 0.88em; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; }
.empty { color: var(--muted); font-style: italic; margin: 4px 0 10px; }
mark { color: inherit; background: #ffe28a; border-bottom: 2px solid var(--ink); padding: 0 1px; }
mark.negated { background: #e3e3e3; border-bottom: 2px dashed var(--ink); }
mark.excluded { background: #f6cccc; border-bottom: 2px dotted var(--ink); text-decoration: line-through; }
.hidden { display: none !important; }
table { border-collapse: collapse; font-size: 0.86em; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.level-theme td { font-weight: bold; background: var(--soft); }
tr.level-subtheme td:first-child { padding-left: 1.4em; }
td code { overflow-wrap: normal; color: var(--muted); font-weight: normal; }
.table-scroll { overflow-x: auto; }
footer { margin-top: 3em; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line); padding-top: 0.6em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .tools { display: none; }
  .table-scroll { overflow: visible; }
  h2 { break-after: avoid; }
  svg.chart, .figures, table { break-inside: avoid; }
  .figures { grid-template-columns: repeat(6, 1fr); gap: 6px; }
  .figure { padding: 4px 8px; }
  .figure dd { font-size: 1.5em; }
  #chart { break-before: page; }
  summary { list-style: none; background: none !important; }
  summary::-webkit-details-marker { display: none; }
  a { color: inherit; text-decoration: none; }
  mark, .figure, thead th, tr.level-theme td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

const std::string_view kReportScript = R"js(
(function () {
  'use strict';
  var input = document.getElementById('filter');
  var status = document.getElementById('filter-status');
  var items = Array.prototype.slice.call(document.querySelectorAll('li.answer'));
  var lists = Array.prototype.slice.call(document.querySelectorAll('details.code, details.list'));
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  var texts = items.map(function (item) { return fold(item.textContent); });
  function setOpen(open) { lists.forEach(function (d) { d.open = open; }); }
  function filter() {
    var query = fold(input.value.trim());
    var shown = 0;
    items.forEach(function (item, i) {
      var match = !query || texts[i].indexOf(query) >= 0;
      item.classList.toggle('hidden', !match);
      if (match) shown += 1;
    });
    lists.forEach(function (d) {
      var visible = d.querySelector('li.answer:not(.hidden)') !== null;
      d.classList.toggle('no-match', query !== '' && !visible);
      if (query) d.open = visible;
    });
    status.textContent = query ? shown + ' entrée(s) affichée(s)' : '';
  }
  if (input) input.addEventListener('input', filter);
  var openAll = document.getElementById('open-all');
  var closeAll = document.getElementById('close-all');
  if (openAll) openAll.addEventListener('click', function () { setOpen(true); });
  if (closeAll) closeAll.addEventListener('click', function () { setOpen(false); });
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var node = id ? document.getElementById(id) : null;
    for (; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') node.open = true;
    }
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  var closedBeforePrint = [];
  window.addEventListener('beforeprint', function () {
    closedBeforePrint = lists.filter(function (d) { return !d.open; });
    closedBeforePrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closedBeforePrint.forEach(function (d) { d.open = false; });
    closedBeforePrint = [];
  });
})();
)js";

}  // namespace verbatim
