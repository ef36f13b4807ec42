// Collects coding results as a run goes and writes the report: report.html
// and chart.svg (io/report/report_html.h, io/report/report_chart.h).
//
// Design: any command that codes answers can make the report with three
// lines — construct a ReportBuilder, Add(record, result) for each answer
// right after CodeAnswer, Write(out_dir) at the end — so the report always
// shows what that run's one coding path decided, never a second matching.
// The builder keeps every answer's text and result (without its normalized
// text) until Write: memory grows with the input, which suits surveys (a
// few thousand answers); the page itself lists every answer anyway.
//
// Not copyable (it refers to its codebook); movable. Not thread-safe.
#ifndef VERBATIM_IO_REPORT_BUILDER_H_
#define VERBATIM_IO_REPORT_BUILDER_H_

#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "core/agreement.h"
#include "core/chart_rows.h"
#include "core/coder.h"
#include "core/compiled_codebook.h"
#include "core/decided_counts.h"
#include "core/decision_apply.h"
#include "core/group_chart.h"
#include "core/status.h"
#include "core/tally.h"
#include "io/input/input_reader.h"
#include "io/report/report_html.h"

namespace verbatim {

struct ReportOptions {
  std::string input_path;                    // Shown in the headline as given. Default: empty.
  ChartOrder order = ChartOrder::kCodebook;  // Default: codebook order.
  // ISO 8601 UTC time shown as the coding date. Default (empty): the time
  // of construction.
  std::string generated_at;
  // The run applies reviewers' decisions: the report shows the final
  // counts and the decisions (io/report/report_html.h). Default: false.
  bool with_decisions = false;
};

class ReportBuilder {
 public:
  // REQUIRES: `codebook` outlives the builder. Reads the codebook file
  // (Codebook::path) once for its SHA-256; when it cannot be read the
  // headline says "inconnu".
  ReportBuilder(const CompiledCodebook& codebook, ReportOptions options);
  ReportBuilder(ReportBuilder&&) = default;

  // Adds one answer, in input order. `result` is what CodeAnswer gave for
  // record.text (or a kError result for a row that could not be read).
  void Add(const InputRecord& record, const CodingResult& result);
  // The same with the answer's final coding and its decision
  // (core/decision_apply.h), for a run with decisions.
  void Add(const InputRecord& record, const CodingResult& result, const FinalCoding& final,
           const DecisionMatch& match);

  // Compares the answers added so far with a gold coding (CSV id,codes; see
  // io/input/code_sets_reader.h) and adds the agreement section to the report.
  // Machine codes are the proposed ones, disputed answers flagged, as
  // `verbatim agree` reads coded.csv by default. Errors (nothing is kept):
  // the file cannot be read, ids found on one side only (the message lists
  // them), codes that are not in the codebook.
  Result<void> CompareWithGold(const std::string& gold_path);

  // Adds the grouped section (--by COL) to the page: `by` is the column's
  // name, `charts` as BuildGroupCharts gives them over the same answers.
  void SetGroupCharts(std::string by, std::vector<GroupChart> charts) {
    by_ = std::move(by);
    group_charts_ = std::move(charts);
  }

  // Writes DIR/report.html and DIR/chart.svg, creating DIR when needed.
  // Both files are written through AtomicFile and committed only once both
  // are complete; on error neither destination is replaced by a half file.
  Result<void> Write(const std::string& out_dir) const;

  // The page and the standalone chart, for tests and other sinks.
  void WriteHtml(std::ostream& out) const;
  void WriteChart(std::ostream& out) const;

  // The final counts (the machine's when no decision is applied).
  const Tally& tally() const { return tally_; }
  const Tally& machine_tally() const { return machine_tally_; }
  const std::vector<ReportAnswer>& answers() const { return answers_; }
  // Present after a successful CompareWithGold.
  const std::optional<AgreementReport>& agreement() const { return agreement_; }

 private:
  const CompiledCodebook* codebook_;
  ReportHeader header_;
  std::vector<ReportAnswer> answers_;
  Tally tally_;          // Final.
  Tally machine_tally_;
  CountChanges changes_;
  std::optional<AgreementReport> agreement_;
  std::string gold_path_;
  std::string by_;
  std::vector<GroupChart> group_charts_;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_REPORT_BUILDER_H_
