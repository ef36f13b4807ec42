// verbatim report INPUT --codebook CB --out DIR [--gold GOLD.csv] [--sort codebook|count]
//                       [--by COL]
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/code_messages.h"
#include "run/coding_run.h"
#include "run/codebook_setup.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/tool_codebook.h"
#include "core/chart_rows.h"
#include "core/coder.h"
#include "core/group_chart.h"
#include "core/group_tally.h"
#include "io/input/input_reader.h"
#include "io/report/report_builder.h"

namespace verbatim {
namespace {

struct ReportCommandOptions {
  std::string input;
  std::string codebook;  // Required: no default (tool_codebook.h).
  std::string out_dir = "out";
  std::string gold;
  std::string sort = "codebook";
  InputFlags input_flags;
  std::string decisions;
  std::string by;
  int threads = 0;
  bool quiet = false;
};

Outcome RunReport(const ReportCommandOptions& options, CommandContext& context) {
  if (options.codebook.empty()) {
    context.err << CodebookRequiredMessage("report") << '\n';
    return Outcome::kUsage;
  }
  const std::optional<ChartOrder> order = ParseChartOrder(options.sort);
  auto input_options = MakeInputOptions(options.input, options.input_flags);
  if (!order || !input_options) {
    context.err << "verbatim report: "
                << (order ? input_options.error().message
                          : "--sort must be 'codebook' or 'count', not '" + options.sort + "'")
                << '\n';
    return Outcome::kUsage;
  }

  CodebookSetup setup = SetUpCodebook(options.codebook);
  PrintDiagnostics(context.err, setup.diagnostics);
  if (!setup.compiled) {
    context.err << "verbatim report: " << options.codebook
                << " has errors (above); no report was written. Run 'verbatim check "
                << options.codebook << "' after fixing them.\n";
    return Outcome::kDataError;
  }
  const CompiledCodebook& codebook = *setup.compiled;

  if (!options.by.empty()) input_options->extra_columns = {options.by};
  auto reader = OpenInput(*input_options);
  if (!reader) {
    context.err << "verbatim report: " << FormatError(reader.error()) << '\n';
    return Outcome::kDataError;
  }
  PrintInputNote(**reader, "verbatim report", context.err);

  const bool with_decisions = !options.decisions.empty();
  DecisionLedger ledger;
  RunOptions run_options;
  run_options.threads = options.threads;
  run_options.check_duplicate_ids = false;
  if (with_decisions) {
    if (!LoadDecisions(options.decisions, "verbatim report", "no report was written", context.err,
                       &ledger)) {
      return Outcome::kDataError;
    }
    run_options.ledger = &ledger;
  }
  ReportBuilder report(codebook, ReportOptions{options.input, *order, "", with_decisions});
  ReportSink sink(&report);
  // --by's column is the reader's only extra column.
  GroupTally groups(codebook.codebook());
  CallbackSink group_sink([&groups](const ResolvedAnswer& row) {
    const std::vector<std::string>& extra = row.record->extra;
    groups.Add(extra.empty() ? std::string_view() : std::string_view(extra.front()),
               row.final.status, row.final.codes);
  });
  std::vector<RowSink*> sinks = {&sink};
  if (!options.by.empty()) sinks.push_back(&group_sink);
  auto run = CodeInput(**reader, codebook, run_options, sinks);
  if (!run) {
    context.err << "verbatim report: " << FormatError(run.error().error)
                << "; no report was written\n";
    return run.error().failure == RunFailure::kInvariant ? Outcome::kInternal : Outcome::kDataError;
  }
  const Tally& tally = run->final;
  if (!options.by.empty()) {
    report.SetGroupCharts((*reader)->ExtraColumnNames().front(),
                          BuildGroupCharts(codebook.codebook(), groups));
  }
  if (!options.gold.empty()) {
    if (auto compared = report.CompareWithGold(options.gold); !compared) {
      context.err << "verbatim report: " << FormatError(compared.error())
                  << "; no report was written\n";
      return Outcome::kDataError;
    }
  }
  if (auto written = report.Write(options.out_dir); !written) {
    context.err << "verbatim report: " << FormatError(written.error()) << '\n';
    return Outcome::kOutputError;
  }

  if (!options.quiet) {
    context.out << fmt::format(
        "{}: {} answers read: {} coded, {} not coded, {} disputed, {} error\n"
        "Wrote {}/report.html and {}/chart.svg\n",
        options.input, tally.rows(), tally.status_count(AnswerStatus::kCoded),
        tally.status_count(AnswerStatus::kUncoded), tally.status_count(AnswerStatus::kDisputed),
        tally.status_count(AnswerStatus::kError), options.out_dir, options.out_dir);
  }
  if (with_decisions) {
    ReportDecisions("verbatim report", options.decisions, ledger, run->decisions,
                    codebook.codebook(), options.out_dir + "/report.html", options.quiet, context);
  }
  const size_t errors = tally.status_count(AnswerStatus::kError);
  if (errors > 0) {
    context.err << "verbatim report: " << errors
                << " row(s) could not be read; the report lists them with the reason\n";
    return Outcome::kDataError;
  }
  return Outcome::kSuccess;
}

}  // namespace

CommandRunner SetupReportCommand(CLI::App& app) {
  auto options = std::make_shared<ReportCommandOptions>();
  app.add_option("input", options->input, "Answers: CSV, JSON Lines or text ('-' for stdin)")
      ->required();
  app.add_option("-c,--codebook", options->codebook, "YAML codebook (required)");
  app.add_option("-o,--out", options->out_dir, "Output folder (report.html, chart.svg)")
      ->capture_default_str();
  app.add_option("--gold", options->gold,
                 "Gold coding (CSV id,codes): adds agreement figures to the report");
  app.add_option("--sort", options->sort, "Order of the chart and the lists: 'codebook' or 'count'")
      ->capture_default_str();
  AddInputFormatFlags(app, &options->input_flags);
  app.add_option("--by", options->by,
                 "Input column whose values group the answers: the report gains one chart per "
                 "group, each share with its 95 % interval (Wilson)");
  app.add_option("--decisions", options->decisions,
                 "Reviewers' decisions (written by 'verbatim review apply'): the report shows the "
                 "final counts, the decided answers and the decisions still missing");
  app.add_option("-j,--threads", options->threads,
                 "Threads that code (default 0: every core); the report is the same for any number");
  app.add_flag("-q,--quiet", options->quiet, "Print nothing but errors");
  return [options](CommandContext& context) { return RunReport(*options, context); };
}

}  // namespace verbatim
