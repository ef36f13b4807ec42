// verbatim code INPUT --codebook CB --out DIR [--decisions FILE] [--force]
//                     [--review-format csv|xlsx] [--excel-fr] [--threads N]
//                     [--keep COL,...] [--by COL] [--report] [--strict] [--quiet]
// verbatim code INPUT --out - [--stdout-format csv|jsonl|counts]
//
// Design: the coding run is run/coding_run.h's CodeInput, with one sink per
// output. Every file of the output folder goes into one OutputSet, the
// report and chart included: none is replaced unless all are complete. With
// --out -, the coded table (or counts.csv) goes to standard output as it is
// made, and messages to stderr, so the command can sit in a pipe.
#include <chrono>
#include <filesystem>
#include <optional>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/tool_codebook.h"
#include "cli/code_messages.h"
#include "cli/code_options.h"
#include "cli/code_outputs.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/progress_meter.h"
#include "core/decided_counts.h"
#include "core/group_tally.h"
#include "io/output/counts_report.h"
#include "io/output/output_set.h"
#include "io/output/temporary_files.h"
#include "io/output/utc_time.h"
#include "io/review/decisions_file.h"
#include "io/review/review_xlsx.h"
#include "run/codebook_setup.h"
#include "run/coding_run.h"
#include "run/run_outputs.h"
#include "run/run_record.h"

namespace verbatim {
namespace {

uint64_t InputFileSize(const std::string& path) {
  if (path == "-") return 0;
  std::error_code error;
  const uintmax_t size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<uint64_t>(size);
}

// The input, opened as `options` say, into `reader`, its note printed; the
// kept columns recorded in `plan`. Errors are printed: a usage error for
// flags, a data error for the file.
Outcome OpenCodeInput(const CodeOptions& options, Plan* plan, std::ostream& err,
                      std::unique_ptr<RecordReader>* opened) {
  auto input_options = MakeInputOptions(options.input, options.input_flags);
  if (!input_options) {
    err << "verbatim code: " << input_options.error().message << '\n';
    return Outcome::kUsage;
  }
  input_options->allow_empty = options.allow_empty;
  input_options->extra_columns = ExtraInputColumns(options);
  auto reader = OpenInput(*input_options);
  if (!reader) {
    err << "verbatim code: " << FormatError(reader.error()) << '\n';
    return Outcome::kDataError;
  }
  PrintInputNote(**reader, "verbatim code", err);
  const std::vector<std::string> extra_names = (*reader)->ExtraColumnNames();
  plan->kept_columns.assign(extra_names.begin(),
                            extra_names.begin() + static_cast<std::ptrdiff_t>(options.keep.size()));
  *opened = std::move(*reader);
  return Outcome::kSuccess;
}

Outcome RunCode(const CodeOptions& options, CommandContext& context) {
  RunClock clock;
  if (options.codebook.empty()) {
    context.err << CodebookRequiredMessage("code") << '\n';
    return Outcome::kUsage;
  }
  std::optional<Plan> plan = MakePlan(options, context.err);
  if (!plan) return Outcome::kUsage;
  // With --out -, standard output carries data: the summary goes to stderr.
  std::ostream& summary_out = plan->to_stdout() ? context.err : context.out;

  CodebookSetup setup = SetUpCodebook(options.codebook);
  PrintDiagnostics(context.err, setup.diagnostics);
  if (!setup.compiled) {
    context.err << "verbatim code: " << options.codebook
                << " has errors (above); nothing was coded. Run 'verbatim check "
                << options.codebook << "' after fixing them.\n";
    return Outcome::kDataError;
  }
  const CompiledCodebook& codebook = *setup.compiled;
  const Codebook& book = codebook.codebook();
  clock.load_seconds = SecondsSince(clock.started);

  std::unique_ptr<RecordReader> input;
  if (const Outcome opened = OpenCodeInput(options, &*plan, context.err, &input);
      opened != Outcome::kSuccess) {
    return opened;
  }
  RecordReader& reader = *input;
  // --by's column is the reader's last extra column.
  std::optional<GroupTally> groups;
  if (!options.by.empty()) groups.emplace(book);
  RunOptions run_options;
  run_options.threads = options.threads;
  run_options.strict = options.strict;
  // CSV and text ids default to the row number: unique by construction, so
  // they need no memory to check (JSON Lines default to an "id" key).
  run_options.check_duplicate_ids =
      !options.allow_duplicate_ids && !(reader.IdColumnName().empty() &&
                                        reader.Format() != InputFormat::kJsonl);

  const bool with_decisions = !options.decisions.empty();
  DecisionLedger ledger;
  if (with_decisions) {
    if (!LoadDecisions(options.decisions, "verbatim code", "nothing was coded", context.err, &ledger)) {
      return Outcome::kDataError;
    }
    run_options.ledger = &ledger;
  }

  RunOutputs outputs;
  const std::string review_path = ReviewPath(*plan);
  if (const Outcome opened = OpenCodeOutputs(options, *plan, codebook, ledger, context, &outputs);
      opened != Outcome::kSuccess) {
    return opened;
  }

  ProgressMeter progress(context.err, context.err_is_terminal && !options.quiet,
                         InputFileSize(options.input));
  std::vector<RowSink*> sinks;
  for (const auto& sink : outputs.sinks) sinks.push_back(sink.get());
  CallbackSink group_sink([&groups](const ResolvedAnswer& row) {
    const std::vector<std::string>& extra = row.record->extra;
    groups->Add(extra.empty() ? std::string_view() : std::string_view(extra.back()),
                row.final.status, row.final.codes);
  });
  if (groups) sinks.push_back(&group_sink);
  auto run = CodeInput(reader, codebook, run_options, sinks,
                       [&](size_t rows, uint64_t bytes) { progress.Update(rows, bytes); });
  progress.Finish();
  if (!run) return ReportRunError(run.error(), options, *plan, context.err);
  const RunSummary& summary = *run;
  if (summary.machine.rows() == 0 && !options.allow_empty) {
    context.err << "verbatim code: warning: " << options.input
                << " holds no answer (a header only?); the outputs have no rows\n";
  }

  const std::vector<DecidedCountRow> decided_rows =
      BuildDecidedCountRows(book, summary.machine, summary.final, summary.changes);
  const Outcome written = WriteCodeOutputs(options, *plan, book, reader,
                                           groups ? &*groups : nullptr, summary, decided_rows,
                                           with_decisions ? &ledger : nullptr, clock,
                                           outputs.manifest != nullptr ? reader.FinishInputDigest()
                                                                       : std::nullopt,
                                           outputs, context);
  if (written != Outcome::kSuccess) return written;

  if (!options.quiet) {
    PrintCodeSummary(summary_out, options.input, book, summary, decided_rows, with_decisions,
                     reader.IdColumnName(),
                     options.by.empty() ? "" : reader.ExtraColumnNames().back(),
                     groups ? &*groups : nullptr);
    if (!plan->to_stdout()) {
      summary_out << fmt::format(
          "\nWrote {}/coded.csv ({} rows), {} ({} to review), {}/counts.csv{}, {}/run.json{}\n",
          options.out_dir, summary.final.rows(), review_path, outputs.review->rows(),
          options.out_dir, options.counts_xlsx ? ", " + options.out_dir + "/counts.xlsx" : "",
          options.out_dir,
          options.report ? fmt::format(", {0}/report.html, {0}/chart.svg", options.out_dir) : "");
    }
  }
  if (with_decisions) {
    ReportDecisions("verbatim code", options.decisions, ledger, summary.decisions, book, review_path,
                    options.quiet, context);
  }
  const size_t errors = summary.final.status_count(AnswerStatus::kError);
  if (errors > 0) {
    context.err << "verbatim code: " << errors << " row(s) could not be read; they are in "
                << (plan->to_stdout() ? "the coded table" : "coded.csv")
                << " with status 'error' and the reason\n";
    return Outcome::kDataError;
  }
  return Outcome::kSuccess;
}

}  // namespace

CommandRunner SetupCodeCommand(CLI::App& app) {
  auto options = std::make_shared<CodeOptions>();
  app.add_option("input", options->input, "Answers: CSV, JSON Lines or text ('-' for stdin)")
      ->required();
  app.add_option("-c,--codebook", options->codebook, "YAML codebook (required)");
  app.add_option("-o,--out", options->out_dir, "Output folder ('-': standard output, see --stdout-format)")->capture_default_str();
  AddInputFormatFlags(app, &options->input_flags);
  app.add_option("--decisions", options->decisions,
                 "Reviewers' decisions (written by 'verbatim review apply'): final counts use "
                 "them over the machine's codes");
  app.add_option("--review-format", options->review_format, "Review file: csv or xlsx")
      ->capture_default_str();
  app.add_flag("--excel-fr", options->excel_fr,
               "Every CSV for French Excel (coded.csv, review.csv, counts.csv, and standard "
               "output): UTF-8 BOM, ';' separator, decimal comma");
  app.add_option("--keep", options->keep,
                 "Input columns (names or 1-based indices, comma-separated) passed through to "
                 "coded.csv, the review file and coded JSON Lines, after their own columns")
      ->delimiter(',');
  app.add_option("--by", options->by,
                 "Input column whose values group the counts: counts.csv gains one set of rows "
                 "per group, and the summary a code x group table");
  app.add_flag("--counts-xlsx", options->counts_xlsx,
               "Also write counts.xlsx: the counts table (sheet 'counts') and, with --by, the "
               "by-group table (sheet 'groups'), numbers as numbers");
  app.add_flag("--force", options->force,
               "Overwrite a review file even if it holds decisions never applied (kept as .bak, .bak.1, …: never replacing an older backup)");
  app.add_flag("-q,--quiet", options->quiet, "Print nothing but errors");
  app.add_flag("--strict", options->strict,
               "Stop at the first row that cannot be read (invalid UTF-8, wrong field count...) "
               "instead of flagging it");
  app.add_flag("--allow-duplicate-ids", options->allow_duplicate_ids,
               "Accept ids found on more than one row (refused by default)");
  app.add_flag("--allow-empty", options->allow_empty,
               "An empty input is zero answers, not an error (map steps over partitions that "
               "may be empty)");
  app.add_option("-j,--threads", options->threads,
                 "Threads that code (default 0: every core); outputs are the same for any number");
  app.add_flag("--report", options->report,
               "Also write report.html and chart.svg (see 'verbatim report') to the output folder");
  app.add_option("--stdout-format", options->stdout_format,
                 "With --out -: what goes to standard output: csv or jsonl (the coded table, "
                 "row by row) or counts (counts.csv, at the end)")
      ->capture_default_str();
  return [options](CommandContext& context) { return RunCode(*options, context); };
}

}  // namespace verbatim
