#include "cli/code_outputs.h"

#include "cli/code_messages.h"
#include "core/group_chart.h"
#include "io/output/counts_report.h"
#include "io/output/counts_xlsx.h"
#include "run/run_record.h"

namespace verbatim {


Outcome OpenCodeOutputs(const CodeOptions& options, const Plan& plan,
                        const CompiledCodebook& codebook, const DecisionLedger& ledger,
                        CommandContext& context, RunOutputs* outputs) {
  if (!plan.to_stdout()) {
    if (!GuardExistingReviewFile(ReviewPath(plan), options.decisions, options.force, ledger,
                                 context.err)) {
      return Outcome::kDataError;
    }
    auto prepared = PrepareOutputFolder(options.out_dir);
    if (!prepared) {
      context.err << "verbatim code: " << FormatError(prepared.error()) << '\n';
      return Outcome::kOutputError;
    }
    for (const std::string& stale : *prepared) {
      context.err << "verbatim code: removed " << stale << ", left by a run that was killed\n";
    }
  }
  if (auto opened = OpenRunOutputs(plan, codebook, context.out, outputs); !opened) {
    context.err << "verbatim code: " << FormatError(opened.error()) << '\n';
    return Outcome::kOutputError;
  }
  return Outcome::kSuccess;
}

Outcome WriteCodeOutputs(const CodeOptions& options, const Plan& plan, const Codebook& book,
                         const RecordReader& reader, const GroupTally* groups,
                         const RunSummary& summary,
                         const std::vector<DecidedCountRow>& decided_rows,
                         const DecisionLedger* ledger, const RunClock& clock,
                         const std::optional<std::string>& input_digest, RunOutputs& outputs,
                         CommandContext& context) {
  const auto finish_started = std::chrono::steady_clock::now();
  CountsCsvOptions counts_options;
  counts_options.dialect = plan.dialect;
  if (groups != nullptr) {
    counts_options.by = reader.ExtraColumnNames().back();
    counts_options.groups = BuildGroupCountRows(book, *groups);
  }
  if (outputs.counts != nullptr) {
    if (ledger != nullptr) {
      WriteDecidedCountsCsv(*outputs.counts, decided_rows, counts_options);
    } else {
      WriteCountsCsv(*outputs.counts, BuildCountRows(book, summary.final), counts_options);
    }
  }
  if (outputs.counts_xlsx != nullptr) {
    const std::vector<CountRow> rows = BuildCountRows(book, summary.final);
    auto written = WriteCountsXlsx(*outputs.counts_xlsx, rows,
                                   ledger != nullptr ? decided_rows : std::vector<DecidedCountRow>{},
                                   counts_options);
    if (!written) {
      context.err << "verbatim code: " << FormatError(written.error())
                  << "; none of the outputs was replaced\n";
      return Outcome::kOutputError;
    }
  }
  if (outputs.report) {
    if (groups != nullptr) {
      outputs.report->SetGroupCharts(counts_options.by, BuildGroupCharts(book, *groups));
    }
    outputs.report->WriteHtml(*outputs.report_html);
    outputs.report->WriteChart(*outputs.report_chart);
  }
  if (outputs.manifest != nullptr) {
    RunManifest manifest = DescribeCodeRun(options, plan, book, reader, summary);
    manifest.started_at = clock.started_at;
    if (input_digest) manifest.input_sha256 = *input_digest;
    manifest.outputs = outputs.files.paths();
    if (ledger != nullptr) {
      manifest.decisions = DescribeDecisions(options.decisions, *ledger, summary.decisions);
    }
    manifest.seconds["load_codebook"] = clock.load_seconds;
    manifest.seconds["finish"] = SecondsSince(finish_started);
    manifest.seconds["total"] = SecondsSince(clock.started);
    WriteRunManifest(*outputs.manifest, manifest);
  }
  if (plan.to_stdout()) {
    context.out.flush();
    if (!context.out) {
      context.err << "verbatim code: cannot write to standard output\n";
      return Outcome::kOutputError;
    }
  } else if (auto committed = outputs.files.Commit(); !committed) {
    context.err << "verbatim code: " << FormatError(committed.error())
                << "; none of the outputs was replaced\n";
    return Outcome::kOutputError;
  }
  return Outcome::kSuccess;
}

}  // namespace verbatim
