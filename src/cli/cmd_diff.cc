// verbatim diff --old A.yaml --new B.yaml --input FILE [--out changes.csv]:
// the effect of a codebook edit before it is kept.
#include <CLI/CLI.hpp>

#include "cli/excel_fr_flag.h"
#include "cli/cli.h"
#include "run/coding_run.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/output_file.h"
#include "cli/tool_codebook.h"
#include "core/coder.h"
#include "core/coding_diff.h"
#include "io/output/atomic_file.h"
#include "io/output/diff_report.h"

namespace verbatim {
namespace {

struct DiffOptions {
  std::string old_codebook;
  std::string new_codebook;
  InputFlags input;
  std::string out;
  bool excel_fr = false;
};

Outcome RunDiff(const DiffOptions& options, CommandContext& context) {
  auto input_options = MakeInputOptions(options.input);
  if (!input_options) {
    context.err << "verbatim diff: " << input_options.error().message << '\n';
    return Outcome::kUsage;
  }
  std::unique_ptr<CompiledCodebook> old_codebook =
      SetUpToolCodebook(options.old_codebook, "diff", context.err);
  std::unique_ptr<CompiledCodebook> new_codebook =
      SetUpToolCodebook(options.new_codebook, "diff", context.err);
  if (!old_codebook || !new_codebook) return Outcome::kDataError;
  auto reader = OpenInput(*input_options);
  if (!reader) {
    context.err << "verbatim diff: " << FormatError(reader.error()) << '\n';
    return Outcome::kDataError;
  }
  PrintInputNote(**reader, "verbatim diff", context.err);
  std::unique_ptr<AtomicFile> csv_file;
  if (!options.out.empty()) {
    csv_file = OpenOutputFile(options.out, "diff", context.err);
    if (!csv_file) return Outcome::kDataError;
  }

  const Codebook& old_book = old_codebook->codebook();
  const Codebook& new_book = new_codebook->codebook();
  // The old codebook's run keeps every row and result; the new codebook's
  // reads the kept rows again, so that standard input is read once.
  std::vector<InputRecord> records;
  std::vector<CodingResult> old_results;
  CallbackSink keep_old([&](const ResolvedAnswer& row) {
    records.push_back(*row.record);
    old_results.push_back(*row.machine);
  });
  RowSink* old_sinks[] = {&keep_old};
  RunOptions run_options;
  run_options.check_duplicate_ids = false;
  if (auto run = CodeInput(**reader, *old_codebook, run_options, old_sinks); !run) {
    context.err << "verbatim diff: " << FormatError(run.error().error) << '\n';
    return run.error().failure == RunFailure::kInvariant ? Outcome::kInternal : Outcome::kDataError;
  }
  CodingDiffTally tally(old_book, new_book);
  std::vector<ChangedAnswer> changes;
  size_t errors = 0, row = 0;
  CallbackSink compare([&](const ResolvedAnswer& answer) {
    const CodingResult& old_result = old_results[row++];
    const CodingResult& new_result = *answer.machine;
    if (!answer.record->error.empty()) ++errors;
    tally.Add(old_result, new_result);
    AnswerChange change = CompareCodings(old_book, old_result, new_book, new_result);
    if (change.changed()) {
      changes.push_back({answer.record->id, answer.record->text, std::move(change), old_result,
                         new_result});
    }
  });
  RecordListReader kept(std::move(records), (*reader)->TextColumnName());
  RowSink* new_sinks[] = {&compare};
  if (auto run = CodeInput(kept, *new_codebook, run_options, new_sinks); !run) {
    context.err << "verbatim diff: " << FormatError(run.error().error) << '\n';
    return run.error().failure == RunFailure::kInvariant ? Outcome::kInternal : Outcome::kDataError;
  }

  const DiffSides sides{old_codebook.get(), new_codebook.get(), options.old_codebook,
                        options.new_codebook, options.input.path};
  WriteDiffReport(context.out, sides, tally, changes);
  if (csv_file) {
    WriteDiffCsv(csv_file->stream(), sides, changes, DialectFor(options.excel_fr));
    if (auto committed = csv_file->Commit(); !committed) {
      context.err << "verbatim diff: " << FormatError(committed.error()) << '\n';
      return Outcome::kDataError;
    }
    context.out << "\nWrote " << options.out << " (" << changes.size() << " changed answers)\n";
  }
  if (errors > 0) {
    context.err << "verbatim diff: " << errors
                << " row(s) could not be read; they are in error on both sides\n";
    return Outcome::kDataError;
  }
  return Outcome::kSuccess;
}

}  // namespace

CommandRunner SetupDiffCommand(CLI::App& app) {
  auto options = std::make_shared<DiffOptions>();
  app.add_option("--old", options->old_codebook, "The codebook before the edit")->required();
  app.add_option("--new", options->new_codebook, "The codebook after the edit")->required();
  AddInputFlags(app, &options->input, InputRequirement::kRequired);
  app.add_option("-o,--out", options->out,
                 "Also write the changed answers to this CSV file (folders are created)");
  AddExcelFrFlag(app, &options->excel_fr);
  return [options](CommandContext& context) { return RunDiff(*options, context); };
}

}  // namespace verbatim
