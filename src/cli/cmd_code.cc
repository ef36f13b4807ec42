// verbatim code INPUT --codebook CB --out DIR
#include <chrono>
#include <ctime>
#include <filesystem>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/codebook_setup.h"
#include "cli/commands.h"
#include "core/coder.h"
#include "core/duplicate_ids.h"
#include "core/tally.h"
#include "io/atomic_file.h"
#include "io/coded_table.h"
#include "io/counts_report.h"
#include "io/input_reader.h"
#include "io/review_file.h"
#include "io/run_manifest.h"
#include "io/sha256.h"

namespace verbatim {
namespace {

struct CodeOptions {
  std::string input;
  std::string codebook = "codebooks/optam_changes.yaml";
  std::string out_dir = "out";
  std::string format = "auto";
  std::string column;
  std::string id_column;
  std::string delimiter;
  bool quiet = false;
  bool strict = false;
  bool allow_duplicate_ids = false;
};

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Parses --delimiter: one character, or the words "tab", "comma", "semicolon".
bool ParseDelimiter(const std::string& text, char* delimiter) {
  if (text.empty()) return *delimiter = 0, true;
  if (text == "tab" || text == "\\t") return *delimiter = '\t', true;
  if (text == "comma") return *delimiter = ',', true;
  if (text == "semicolon") return *delimiter = ';', true;
  if (text.size() == 1) return *delimiter = text[0], true;
  return false;
}

int RunCode(const CodeOptions& options, CommandContext& context) {
  const auto started = std::chrono::steady_clock::now();
  RunManifest manifest;
  manifest.tool_version = VERBATIM_VERSION;
  manifest.started_at = UtcNow();

  CodebookSetup setup = SetUpCodebook(options.codebook);
  PrintDiagnostics(context.err, setup.diagnostics);
  if (!setup.compiled) {
    context.err << "verbatim code: " << options.codebook
                << " has errors (above); nothing was coded. Run 'verbatim check "
                << options.codebook << "' after fixing them.\n";
    return kExitDataError;
  }
  const CompiledCodebook& codebook = *setup.compiled;
  manifest.seconds["load_codebook"] = SecondsSince(started);

  InputOptions input_options;
  input_options.path = options.input;
  input_options.column = options.column;
  input_options.id_column = options.id_column;
  const auto format = ParseInputFormat(options.format);
  if (!format) {
    context.err << "verbatim code: unknown --format '" << options.format
                << "' (use csv, jsonl, text or auto)\n";
    return kExitUsage;
  }
  input_options.format = *format;
  if (!ParseDelimiter(options.delimiter, &input_options.delimiter)) {
    context.err << "verbatim code: --delimiter must be one character, 'tab', 'comma' or "
                   "'semicolon'\n";
    return kExitUsage;
  }
  auto reader = OpenInput(input_options);
  if (!reader) {
    context.err << "verbatim code: " << FormatError(reader.error()) << '\n';
    return kExitDataError;
  }

  std::error_code fs_error;
  std::filesystem::create_directories(options.out_dir, fs_error);
  if (fs_error) {
    context.err << "verbatim code: cannot create output folder " << options.out_dir << ": "
                << fs_error.message() << '\n';
    return kExitDataError;
  }
  const std::filesystem::path out_dir(options.out_dir);
  auto coded_file = AtomicFile::Open((out_dir / "coded.csv").string());
  auto review_file = AtomicFile::Open((out_dir / "review.csv").string());
  auto counts_file = AtomicFile::Open((out_dir / "counts.csv").string());
  auto manifest_file = AtomicFile::Open((out_dir / "run.json").string());
  for (auto* file : {&coded_file, &review_file, &counts_file, &manifest_file}) {
    if (!*file) {
      context.err << "verbatim code: " << FormatError(file->error()) << '\n';
      return kExitDataError;
    }
  }

  const auto coding_started = std::chrono::steady_clock::now();
  CodedTableWriter coded_writer((*coded_file)->stream(), codebook);
  ReviewFileWriter review_writer((*review_file)->stream(), codebook);
  Tally tally(codebook.codebook());
  CodingScratch scratch;
  CodingResult result;
  InputRecord record;
  DuplicateIds duplicate_ids;
  while ((*reader)->Next(&record)) {
    if (options.strict && !record.error.empty()) {
      context.err << "verbatim code: " << record.error
                  << "\nverbatim code: stopped at the first row that cannot be read (--strict); "
                     "nothing was written\n";
      return kExitDataError;
    }
    if (!options.allow_duplicate_ids) duplicate_ids.Add(record.id, record.line);
    if (!record.error.empty()) {
      result = CodingResult{};
      result.status = AnswerStatus::kError;
      result.error = record.error;
    } else {
      CodeAnswer(codebook, record.text, &scratch, &result);
    }
    coded_writer.Write(record, result);
    review_writer.Write(record, result);
    tally.Add(result.status, result.counted);
  }
  manifest.seconds["code"] = SecondsSince(coding_started);
  if (tally.rows() == 0) {
    context.err << "verbatim code: warning: " << options.input
                << " holds no answer (a header only?); the outputs have no rows\n";
  }
  if (!duplicate_ids.empty()) {
    context.err << "verbatim code: " << options.input << ": " << duplicate_ids.count()
                << " id(s) on more than one row: " << duplicate_ids.Describe(10)
                << "; ids must be unique: choose another --id-column, or pass "
                   "--allow-duplicate-ids to keep them; nothing was written\n";
    return kExitDataError;
  }

  size_t by_status = 0;
  for (AnswerStatus status : kAllAnswerStatuses) by_status += tally.status_count(status);
  if (by_status != tally.rows()) {
    context.err << "verbatim code: internal error: rows read (" << tally.rows()
                << ") != coded + uncoded + disputed + error (" << by_status
                << "); no output was written\n";
    return kExitDataError;
  }

  const std::vector<CountRow> rows = BuildCountRows(codebook.codebook(), tally);
  WriteCountsCsv((*counts_file)->stream(), rows);

  manifest.codebook_path = options.codebook;
  manifest.codebook_id = codebook.codebook().info.id;
  manifest.codebook_version = codebook.codebook().info.version;
  if (auto digest = Sha256File(options.codebook)) manifest.codebook_sha256 = *digest;
  manifest.input_path = options.input;
  if (options.input != "-") {
    if (auto digest = Sha256File(options.input)) manifest.input_sha256 = *digest;
  }
  manifest.settings = {{"format", options.format},
                       {"column", options.column.empty() ? (*reader)->TextColumnName() : options.column},
                       {"id_column", options.id_column.empty() ? "(row number)" : options.id_column},
                       {"delimiter", options.delimiter.empty() ? "auto" : options.delimiter},
                       {"threshold", fmt::format("{}", codebook.codebook().settings.threshold)},
                       {"negation_window", std::to_string(codebook.codebook().settings.negation_window)},
                       {"review_uncoded_min_words",
                        std::to_string(codebook.codebook().settings.review_uncoded_min_words)}};
  manifest.rows["read"] = tally.rows();
  for (AnswerStatus status : kAllAnswerStatuses) {
    manifest.rows[std::string(AnswerStatusName(status))] = tally.status_count(status);
  }
  manifest.outputs = {(*coded_file)->path(), (*review_file)->path(), (*counts_file)->path(),
                      (*manifest_file)->path()};
  manifest.seconds["total"] = SecondsSince(started);
  WriteRunManifest((*manifest_file)->stream(), manifest);

  for (auto* file : {&coded_file, &review_file, &counts_file, &manifest_file}) {
    if (auto committed = (**file)->Commit(); !committed) {
      context.err << "verbatim code: " << FormatError(committed.error()) << '\n';
      return kExitDataError;
    }
  }

  if (!options.quiet) {
    context.out << fmt::format("{} — {} (codebook {} {})\n\n", options.input,
                               codebook.codebook().info.question, codebook.codebook().info.id,
                               codebook.codebook().info.version);
    PrintCountsTable(context.out, rows);
    context.out << fmt::format(
        "\nWrote {}/coded.csv ({} rows), {}/review.csv ({} to review), {}/counts.csv, "
        "{}/run.json\n",
        options.out_dir, tally.rows(), options.out_dir, review_writer.rows_written(),
        options.out_dir, options.out_dir);
  }
  const size_t errors = tally.status_count(AnswerStatus::kError);
  if (errors > 0) {
    context.err << "verbatim code: " << errors
                << " row(s) could not be read; they are in coded.csv with status 'error' and the "
                   "reason\n";
    return kExitDataError;
  }
  return kExitSuccess;
}

}  // namespace

CommandRunner SetupCodeCommand(CLI::App& app) {
  auto options = std::make_shared<CodeOptions>();
  app.add_option("input", options->input, "Answers: CSV, JSON Lines or text ('-' for stdin)")
      ->required();
  app.add_option("-c,--codebook", options->codebook, "YAML codebook")->capture_default_str();
  app.add_option("-o,--out", options->out_dir, "Output folder")->capture_default_str();
  app.add_option("--format", options->format, "Input format: auto, csv, jsonl, text")
      ->capture_default_str();
  app.add_option("--column", options->column,
                 "Text column: header name or 1-based index (default: the question column)");
  app.add_option("--id-column", options->id_column,
                 "Id column: header name or 1-based index (default: the row number)");
  app.add_option("--delimiter", options->delimiter,
                 "CSV delimiter: ',', ';', 'tab' (default: detected from the header)");
  app.add_flag("-q,--quiet", options->quiet, "Print nothing but errors");
  app.add_flag("--strict", options->strict,
               "Stop at the first row that cannot be read (invalid UTF-8, wrong field count...) "
               "instead of flagging it");
  app.add_flag("--allow-duplicate-ids", options->allow_duplicate_ids,
               "Accept ids found on more than one row (refused by default)");
  return [options](CommandContext& context) { return RunCode(*options, context); };
}

}  // namespace verbatim
