// verbatim review serve DIR: see review_serve.h.
// verbatim review apply REVIEW_FILE --decisions FILE [--codebook CB] [--input FILE]
//                      [--format F] [--column C] [--id-column C] [--delimiter D] [--dry-run]
//                      [--lock-timeout SECONDS] [--excel-fr]
#include <ctime>
#include <filesystem>
#include <unordered_map>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/code_command.h"
#include "cli/excel_fr_flag.h"
#include "cli/input_flags.h"
#include "cli/run_input.h"
#include "core/id_list.h"
#include "run/codebook_setup.h"
#include "cli/commands.h"
#include "cli/review_serve.h"
#include "cli/run_input.h"
#include "core/review_merge.h"
#include "io/review/decisions_file.h"
#include "io/review/file_lock.h"
#include "io/input/input_reader.h"
#include "io/review/review_reader.h"
#include "io/input/run_manifest_reader.h"
#include "io/input/sha256.h"
#include "io/output/utc_time.h"

namespace verbatim {
namespace {

struct ApplyOptions {
  std::string review;
  std::string decisions;
  std::string codebook;
  std::string input;
  std::string format;
  std::string column;
  std::string id_column;
  std::string delimiter;
  bool dry_run = false;
  bool excel_fr = false;
  double lock_timeout = 60;  // LockWait's default.
};

Outcome RunApply(const ApplyOptions& options, CommandContext& context) {
  auto review = ReadReviewFile(options.review);
  if (!review) {
    context.err << "verbatim review apply: " << FormatError(review.error()) << '\n';
    return Outcome::kDataError;
  }

  const std::string manifest_path =
      (std::filesystem::path(options.review).parent_path() / "run.json").string();
  RunManifest manifest;
  if (std::filesystem::exists(manifest_path)) {
    auto read = ReadRunManifest(manifest_path);
    if (!read) {
      context.err << "verbatim review apply: warning: " << FormatError(read.error()) << '\n';
    } else {
      manifest = std::move(*read);
    }
  }
  const std::string codebook_path =
      options.codebook.empty() ? manifest.codebook_path : options.codebook;
  if (codebook_path.empty()) {
    context.err << "verbatim review apply: no --codebook given and no run.json beside "
                << options.review << " names one\n";
    return Outcome::kUsage;
  }
  InputFlags given;
  given.path = options.input;
  given.format = options.format;
  given.column = options.column;
  given.id_column = options.id_column;
  given.delimiter = options.delimiter;
  auto input_options = MakeInputOptions(InputFlagsOfRun(given, manifest));
  if (!input_options) {
    context.err << "verbatim review apply: " << input_options.error().message << '\n';
    return Outcome::kUsage;
  }
  if (input_options->path.empty() || input_options->path == "-") {
    context.err << "verbatim review apply: the answers of the run are needed to check ids and "
                   "texts: give them with --input (run.json beside "
                << options.review << " names "
                << (input_options->path.empty() ? "none" : "standard input") << ")\n";
    return Outcome::kUsage;
  }

  CodebookSetup setup = SetUpCodebook(codebook_path);
  PrintDiagnostics(context.err, setup.diagnostics);
  if (!setup.compiled) {
    context.err << "verbatim review apply: " << codebook_path
                << " has errors (above); nothing was recorded\n";
    return Outcome::kDataError;
  }
  const Codebook& book = setup.compiled->codebook();
  if (!manifest.codebook_sha256.empty() && codebook_path == manifest.codebook_path) {
    auto digest = Sha256File(codebook_path);
    if (digest && *digest != manifest.codebook_sha256) {
      context.err << "verbatim review apply: warning: " << codebook_path
                  << " changed since the run that wrote " << options.review
                  << "; decisions are checked against its current version (" << book.info.id
                  << " " << book.info.version << ")\n";
    }
  }

  auto reader = OpenInput(*input_options);
  if (!reader) {
    context.err << "verbatim review apply: " << FormatError(reader.error()) << '\n';
    return Outcome::kDataError;
  }
  PrintInputNote(**reader, "verbatim review apply", context.err);
  std::unordered_map<std::string, RunAnswer> run;
  InputRecord record;
  while ((*reader)->Next(&record)) {
    auto [it, added] = run.try_emplace(record.id);
    if (!added) {
      ++it->second.occurrences;
      continue;
    }
    it->second.text = record.text;
    it->second.text_sha256 = Sha256Hex(record.text);
    it->second.unreadable = !record.error.empty();
  }

  DecisionBatchOptions batch_options;
  batch_options.review_path = options.review;
  batch_options.input_name = input_options->path;
  batch_options.decided_at = UtcNow();
  batch_options.has_proposed_column = review->has_proposed;
  DecisionBatch batch = BuildDecisionRecords(review->rows, run, book, batch_options);
  if (!batch.diagnostics.empty()) {
    PrintDiagnostics(context.err, batch.diagnostics);
    context.err << fmt::format(
        "verbatim review apply: {} error(s) in {} (above); nothing was recorded in {}\n",
        batch.diagnostics.size(), options.review, options.decisions);
    return Outcome::kDataError;
  }
  if (options.dry_run) {
    context.out << fmt::format("{}: {} decision(s) valid, {} row(s) without a decision; nothing "
                               "recorded (--dry-run)\n",
                               options.review, batch.records.size(), batch.blank);
    return Outcome::kSuccess;
  }

  // One name for the lock, the read and the replace: through a link, its
  // target (l.csv -> d.csv updates d.csv, and both names take one lock).
  auto resolved = ResolveDecisionsPath(options.decisions);
  if (!resolved) {
    context.err << "verbatim review apply: " << FormatError(resolved.error()) << '\n';
    return Outcome::kDataError;
  }
  const std::string& decisions = *resolved;
  LockWait wait;
  wait.timeout_seconds = options.lock_timeout;
  wait.on_wait = [&](const std::string& holder) {
    context.err << fmt::format(
        "verbatim review apply: waiting for {} to finish with {} (lock {}.lock; giving up "
        "after {} s, --lock-timeout)\n",
        holder, decisions, decisions, options.lock_timeout);
    context.err.flush();
  };
  auto lock = FileLock::Acquire(decisions, wait);
  if (!lock) {
    context.err << "verbatim review apply: " << FormatError(lock.error()) << '\n';
    return Outcome::kDataError;
  }
  DecisionLedger ledger;
  const bool existed = std::filesystem::exists(decisions);
  if (existed) {
    LoadedDecisions loaded = ReadDecisionsFile(decisions);
    if (HasErrors(loaded.diagnostics)) {
      PrintDiagnostics(context.err, loaded.diagnostics);
      context.err << "verbatim review apply: " << decisions
                  << " has errors (above); it was left as it is and nothing was recorded\n";
      return Outcome::kDataError;
    }
    ledger = std::move(loaded.ledger);
  }
  std::vector<std::string> added, replaced;
  size_t unchanged = 0;
  for (DecisionRecord& decision : batch.records) {
    const std::string id = decision.id;
    switch (ledger.Upsert(std::move(decision))) {
      case UpsertOutcome::kAdded: added.push_back(id); break;
      case UpsertOutcome::kReplaced: replaced.push_back(id); break;
      case UpsertOutcome::kUnchanged: ++unchanged; break;
    }
  }
  if (added.empty() && replaced.empty() && existed) {
    context.out << fmt::format(
        "{}: unchanged: its {} decision(s) from {} are already recorded ({} row(s) without a "
        "decision)\n",
        decisions, unchanged, options.review, batch.blank);
    return Outcome::kSuccess;
  }
  // French Excel's dialect when asked, when the run wrote its CSVs so, or
  // when the file already is in it (a later apply does not switch it back).
  const auto run_dialect = manifest.settings.find("review_dialect");
  const CsvDialect dialect = DialectFor(
      options.excel_fr ||
      (run_dialect != manifest.settings.end() && run_dialect->second == "excel-fr") ||
      (existed && DecisionsFileDialect(decisions) == CsvDialect::kExcelFr));
  auto saved = SaveDecisionsFile(decisions, ledger, KeepBackup::kYes, dialect);
  if (!saved) {
    context.err << "verbatim review apply: " << FormatError(saved.error()) << "\nverbatim review "
                << "apply: " << decisions
                << " was left as it was; nothing was recorded\n";
    return Outcome::kDataError;
  }
  context.out << fmt::format(
      "Recorded in {}: {} new decision(s), {} replaced{}, {} unchanged; {} row(s) without a "
      "decision skipped; {} decision(s) in all.\n",
      decisions, added.size(), replaced.size(),
      replaced.empty() ? "" : " (" + JoinIds(replaced, 10) + ")", unchanged, batch.blank,
      ledger.size());
  if (!saved->empty()) {
    context.out << "The previous version is kept as " << *saved
                << " (older versions are never replaced).\n";
  }
  // The run as recorded, with what this command line overrode.
  RunManifest rerun = manifest;
  rerun.input_path = input_options->path;
  rerun.codebook_path = codebook_path;
  if (!options.format.empty()) rerun.settings["format"] = options.format;
  if (!options.column.empty()) rerun.settings["column"] = options.column;
  if (!options.id_column.empty()) rerun.settings["id_column"] = options.id_column;
  if (!options.delimiter.empty()) rerun.settings["delimiter"] = options.delimiter;
  const std::string out_dir = std::filesystem::path(options.review).parent_path().string();
  context.out << "Apply them: " << CodeCommandLine(rerun, out_dir, options.decisions) << '\n';
  return Outcome::kSuccess;
}

}  // namespace

CommandRunner SetupReviewCommand(CLI::App& app) {
  app.require_subcommand(1);
  CLI::App* apply = app.add_subcommand(
      "apply", "Validate the decisions of a filled review file and record them in a decisions file");
  auto options = std::make_shared<ApplyOptions>();
  apply->add_option("review", options->review, "The filled review file (review.csv or review.xlsx)")
      ->required();
  apply->add_option("--decisions", options->decisions,
                    "The decisions file to update (created if absent; its previous version is "
                    "kept as FILE.bak, or FILE.bak.1, .bak.2, … when taken: never replaced)")
      ->required();
  apply->add_option("-c,--codebook", options->codebook,
                    "Codebook (default: the one named in run.json beside the review file)");
  apply->add_option("--input", options->input,
                    "The run's answers (default: the input named in run.json beside the review "
                    "file)");
  apply->add_option("--format", options->format, "Input format (default: the run's)");
  apply->add_option("--column", options->column, "Text column (default: the run's)");
  apply->add_option("--id-column", options->id_column, "Id column (default: the run's)");
  apply->add_option("--delimiter", options->delimiter, "CSV delimiter (default: the run's)");
  apply->add_flag("--dry-run", options->dry_run, "Validate only; record nothing");
  AddExcelFrFlag(*apply, &options->excel_fr);
  apply->add_option("--lock-timeout", options->lock_timeout,
                    "Seconds to wait for another process holding the decisions file's lock "
                    "(default: 60); who holds it is said after 1 s")
      ->check(CLI::NonNegativeNumber);
  auto serve = SetupReviewServe(app);
  return [options, apply, serve](CommandContext& context) {
    if (apply->parsed()) return RunApply(*options, context);
    return serve(context);
  };
}

}  // namespace verbatim
