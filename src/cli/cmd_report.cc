// verbatim report INPUT --codebook CB --out DIR [--gold GOLD.csv] [--sort codebook|count]
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/codebook_setup.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "core/chart_rows.h"
#include "core/coder.h"
#include "io/input/input_reader.h"
#include "io/report/report_builder.h"

namespace verbatim {
namespace {

struct ReportCommandOptions {
  std::string input;
  std::string codebook = "codebooks/optam_changes.yaml";
  std::string out_dir = "out";
  std::string gold;
  std::string sort = "codebook";
  InputFlags input_flags;
  bool quiet = false;
};

int RunReport(const ReportCommandOptions& options, CommandContext& context) {
  const std::optional<ChartOrder> order = ParseChartOrder(options.sort);
  auto input_options = MakeInputOptions(options.input, options.input_flags);
  if (!order || !input_options) {
    context.err << "verbatim report: "
                << (order ? input_options.error().message
                          : "--sort must be 'codebook' or 'count', not '" + options.sort + "'")
                << '\n';
    return kExitUsage;
  }

  CodebookSetup setup = SetUpCodebook(options.codebook);
  PrintDiagnostics(context.err, setup.diagnostics);
  if (!setup.compiled) {
    context.err << "verbatim report: " << options.codebook
                << " has errors (above); no report was written. Run 'verbatim check "
                << options.codebook << "' after fixing them.\n";
    return kExitDataError;
  }
  const CompiledCodebook& codebook = *setup.compiled;

  auto reader = OpenInput(*input_options);
  if (!reader) {
    context.err << "verbatim report: " << FormatError(reader.error()) << '\n';
    return kExitDataError;
  }

  ReportBuilder report(codebook, ReportOptions{options.input, *order, ""});
  CodingScratch scratch;
  CodingResult result;
  InputRecord record;
  while ((*reader)->Next(&record)) {
    if (!record.error.empty()) {
      result = CodingResult{};
      result.status = AnswerStatus::kError;
      result.error = record.error;
    } else {
      CodeAnswer(codebook, record.text, &scratch, &result);
    }
    report.Add(record, result);
  }

  const Tally& tally = report.tally();
  size_t by_status = 0;
  for (AnswerStatus status : kAllAnswerStatuses) by_status += tally.status_count(status);
  if (by_status != tally.rows()) {
    context.err << "verbatim report: internal error: rows read (" << tally.rows()
                << ") != coded + uncoded + disputed + error (" << by_status
                << "); no report was written\n";
    return kExitDataError;
  }
  if (!options.gold.empty()) {
    if (auto compared = report.CompareWithGold(options.gold); !compared) {
      context.err << "verbatim report: " << FormatError(compared.error())
                  << "; no report was written\n";
      return kExitDataError;
    }
  }
  if (auto written = report.Write(options.out_dir); !written) {
    context.err << "verbatim report: " << FormatError(written.error()) << '\n';
    return kExitDataError;
  }

  if (!options.quiet) {
    context.out << fmt::format(
        "{}: {} answers read: {} coded, {} not coded, {} disputed, {} error\n"
        "Wrote {}/report.html and {}/chart.svg\n",
        options.input, tally.rows(), tally.status_count(AnswerStatus::kCoded),
        tally.status_count(AnswerStatus::kUncoded), tally.status_count(AnswerStatus::kDisputed),
        tally.status_count(AnswerStatus::kError), options.out_dir, options.out_dir);
  }
  const size_t errors = tally.status_count(AnswerStatus::kError);
  if (errors > 0) {
    context.err << "verbatim report: " << errors
                << " row(s) could not be read; the report lists them with the reason\n";
    return kExitDataError;
  }
  return kExitSuccess;
}

}  // namespace

CommandRunner SetupReportCommand(CLI::App& app) {
  auto options = std::make_shared<ReportCommandOptions>();
  app.add_option("input", options->input, "Answers: CSV, JSON Lines or text ('-' for stdin)")
      ->required();
  app.add_option("-c,--codebook", options->codebook, "YAML codebook")->capture_default_str();
  app.add_option("-o,--out", options->out_dir, "Output folder (report.html, chart.svg)")
      ->capture_default_str();
  app.add_option("--gold", options->gold,
                 "Gold coding (CSV id,codes): adds agreement figures to the report");
  app.add_option("--sort", options->sort, "Order of the chart and the lists: 'codebook' or 'count'")
      ->capture_default_str();
  AddInputFormatFlags(app, &options->input_flags);
  app.add_flag("-q,--quiet", options->quiet, "Print nothing but errors");
  return [options](CommandContext& context) { return RunReport(*options, context); };
}

}  // namespace verbatim
