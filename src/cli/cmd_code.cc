// verbatim code INPUT --codebook CB --out DIR [--decisions FILE] [--force]
//                     [--review-format csv|xlsx] [--excel-fr]
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/codebook_setup.h"
#include "cli/commands.h"
#include "core/coder.h"
#include "core/decided_counts.h"
#include "core/decision_apply.h"
#include "core/duplicate_ids.h"
#include "core/tally.h"
#include "io/atomic_file.h"
#include "io/coded_table.h"
#include "io/counts_report.h"
#include "io/decisions_file.h"
#include "io/input_reader.h"
#include "io/review_file.h"
#include "io/review_reader.h"
#include "io/review_xlsx.h"
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
  std::string decisions;
  std::string review_format = "csv";
  bool excel_fr = false;
  bool force = false;
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

std::string JoinLimited(const std::vector<std::string>& ids, size_t limit = 10) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < limit; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > limit) out += fmt::format(", … ({} in all)", ids.size());
  return out;
}

std::string ShellWord(const std::string& word) {
  if (word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./") ==
      std::string::npos) {
    return word;
  }
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Nothing lost: refuses to overwrite a review file whose decision column
// holds entries the decisions file does not have. With --force, keeps the
// old file as <name>.bak. Returns false when `code` must stop.
bool GuardExistingReviewFile(const std::string& review_path, const CodeOptions& options,
                             const DecisionLedger& ledger, CommandContext& context) {
  std::error_code exists_error;
  if (!std::filesystem::exists(review_path, exists_error)) return true;
  const std::string decisions_path = options.decisions.empty() ? "decisions.csv" : options.decisions;
  auto existing = ReadReviewFile(review_path);
  std::vector<WrittenDecision> unapplied;
  if (existing) {
    std::vector<WrittenDecision> written;
    for (const ReviewedRow& row : existing->rows) {
      written.push_back(WrittenDecision{row.id, row.decision, row.comment, row.line});
    }
    unapplied = UnappliedDecisions(written, ledger);
    if (unapplied.empty()) return true;
  }
  if (!options.force) {
    if (!existing) {
      context.err << "verbatim code: cannot read " << review_path
                  << " to check it for decisions not yet applied: "
                  << FormatError(existing.error())
                  << "\nMove it away, or pass --force to overwrite it (it is then kept as "
                  << review_path << ".bak). Nothing was written.\n";
      return false;
    }
    std::vector<std::string> ids;
    for (const WrittenDecision& row : unapplied) ids.push_back(row.id);
    context.err << fmt::format(
        "verbatim code: {} holds {} decision(s) that were never applied (answer(s) {}); a new "
        "review file would lose them. Nothing was written.\n"
        "Apply them first:\n"
        "  verbatim review apply {} --decisions {}\n"
        "then run this command again with --decisions {}; or pass --force to overwrite the "
        "review file (the old one is then kept as {}.bak).\n",
        review_path, unapplied.size(), JoinLimited(ids), ShellWord(review_path),
        ShellWord(decisions_path), ShellWord(decisions_path), review_path);
    return false;
  }
  // --force: keep the old file beside the new one.
  std::ifstream in(review_path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto backup = AtomicFile::Open(review_path + ".bak");
  if (!backup) {
    context.err << "verbatim code: " << FormatError(backup.error()) << '\n';
    return false;
  }
  (*backup)->stream() << bytes.str();
  if (auto committed = (*backup)->Commit(); !committed) {
    context.err << "verbatim code: " << FormatError(committed.error()) << '\n';
    return false;
  }
  context.err << "verbatim code: --force: " << review_path << " held "
              << (existing ? std::to_string(unapplied.size()) + " decision(s) never applied"
                           : std::string("content that could not be read"))
              << "; kept as " << review_path << ".bak\n";
  return true;
}

void ReportDecisions(const CodeOptions& options, const DecisionLedger& ledger,
                     const DecisionRunSummary& summary, const Codebook& book,
                     const std::string& review_path, CommandContext& context) {
  for (const auto& entry : summary.stale()) {
    context.err << fmt::format(
        "verbatim code: warning: the decision for answer {} ('{}', {}) is stale: the answer's text "
        "changed since; not applied, kept in {}, listed again in {}\n",
        entry.id, entry.record->decision, entry.record->decided_at, options.decisions, review_path);
  }
  for (const auto& entry : summary.unknown_code()) {
    std::string codes;
    for (const std::string& code : entry.unknown_codes) codes += (codes.empty() ? "" : ", ") + code;
    context.err << fmt::format(
        "verbatim code: warning: the decision for answer {} ('{}') names {}, which codebook {} {} "
        "does not have; not applied, kept in {}, listed again in {}\n",
        entry.id, entry.record->decision, codes, book.info.id, book.info.version,
        options.decisions, review_path);
  }
  const std::vector<std::string> missing = summary.NotInInput(ledger);
  if (!missing.empty()) {
    context.err << fmt::format(
        "verbatim code: warning: {} decision(s) name answers this input does not have ({}); kept "
        "in {}\n",
        missing.size(), JoinLimited(missing), options.decisions);
  }
  if (!options.quiet) {
    context.out << fmt::format(
        "Decisions ({}, {} recorded): {} applied, {} stale (text changed), {} naming unknown "
        "codes, {} for answers not in this input\n",
        options.decisions, ledger.size(), summary.applied().size(), summary.stale().size(),
        summary.unknown_code().size(), missing.size());
  }
}

ManifestDecisions MakeManifestDecisions(const CodeOptions& options, const DecisionLedger& ledger,
                                        const DecisionRunSummary& summary) {
  ManifestDecisions decisions;
  decisions.path = options.decisions;
  if (auto digest = Sha256File(options.decisions)) decisions.sha256 = *digest;
  decisions.recorded = ledger.size();
  decisions.applied = summary.applied().size();
  for (const auto& entry : summary.stale()) {
    decisions.stale.push_back(
        ManifestDecision{entry.id, entry.record->decision, entry.record->decided_at, {}});
  }
  for (const auto& entry : summary.unknown_code()) {
    decisions.unknown_code.push_back(ManifestDecision{entry.id, entry.record->decision,
                                                      entry.record->decided_at, entry.unknown_codes});
  }
  decisions.not_in_input = summary.NotInInput(ledger);
  return decisions;
}

int RunCode(const CodeOptions& options, CommandContext& context) {
  const auto started = std::chrono::steady_clock::now();
  RunManifest manifest;
  manifest.tool_version = VERBATIM_VERSION;
  manifest.started_at = UtcNow();

  const auto review_format = ParseReviewFormat(options.review_format);
  if (!review_format) {
    context.err << "verbatim code: unknown --review-format '" << options.review_format
                << "' (use csv or xlsx)\n";
    return kExitUsage;
  }
  if (options.excel_fr && *review_format != ReviewFormat::kCsv) {
    context.err << "verbatim code: --excel-fr is a CSV dialect; it does not go with "
                   "--review-format xlsx\n";
    return kExitUsage;
  }

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

  const bool with_decisions = !options.decisions.empty();
  DecisionLedger ledger;
  if (with_decisions) {
    LoadedDecisions loaded = ReadDecisionsFile(options.decisions);
    PrintDiagnostics(context.err, loaded.diagnostics);
    if (HasErrors(loaded.diagnostics)) {
      context.err << "verbatim code: cannot use the decisions file " << options.decisions
                  << " (above); nothing was coded. Decisions files are written by 'verbatim "
                     "review apply'.\n";
      return kExitDataError;
    }
    ledger = std::move(loaded.ledger);
  }

  const std::filesystem::path out_dir(options.out_dir);
  const std::string review_name =
      *review_format == ReviewFormat::kXlsx ? "review.xlsx" : "review.csv";
  const std::string review_path = (out_dir / review_name).string();
  if (!GuardExistingReviewFile(review_path, options, ledger, context)) return kExitDataError;

  std::error_code fs_error;
  std::filesystem::create_directories(options.out_dir, fs_error);
  if (fs_error) {
    context.err << "verbatim code: cannot create output folder " << options.out_dir << ": "
                << fs_error.message() << '\n';
    return kExitDataError;
  }
  auto coded_file = AtomicFile::Open((out_dir / "coded.csv").string());
  auto review_file = AtomicFile::Open(review_path);
  auto counts_file = AtomicFile::Open((out_dir / "counts.csv").string());
  auto manifest_file = AtomicFile::Open((out_dir / "run.json").string());
  for (auto* file : {&coded_file, &review_file, &counts_file, &manifest_file}) {
    if (!*file) {
      context.err << "verbatim code: " << FormatError(file->error()) << '\n';
      return kExitDataError;
    }
  }

  ReviewFileOptions review_options;
  review_options.dialect = options.excel_fr ? CsvDialect::kExcelFr : CsvDialect::kStandard;
  review_options.previous =
      with_decisions ? PreviousDecisionColumn::kInclude : PreviousDecisionColumn::kOmit;
  std::unique_ptr<ReviewWriter> review_writer;
  if (*review_format == ReviewFormat::kXlsx) {
    auto opened = OpenXlsxReviewWriter((*review_file)->stream(), codebook, review_options);
    if (!opened) {
      context.err << "verbatim code: " << FormatError(opened.error()) << '\n';
      return kExitDataError;
    }
    review_writer = std::move(*opened);
  } else {
    review_writer =
        std::make_unique<ReviewFileWriter>((*review_file)->stream(), codebook, review_options);
  }

  const auto coding_started = std::chrono::steady_clock::now();
  const Codebook& book = codebook.codebook();
  CodedTableWriter coded_writer((*coded_file)->stream(), codebook,
                                with_decisions ? DecisionColumns::kInclude : DecisionColumns::kOmit);
  Tally machine_tally(book);
  Tally final_tally(book);
  CountChanges changes(book);
  DecisionRunSummary summary;
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
    DecisionMatch match;
    if (with_decisions) {
      match = MatchDecision(ledger, book, record.id,
                            record.error.empty() ? Sha256Hex(record.text) : std::string());
      summary.Add(record.id, match);
    }
    const FinalCoding final = FinalCodingOf(result, match);
    coded_writer.Write(record, result, final, match);
    const bool not_applied =
        match.state == DecisionState::kStale || match.state == DecisionState::kUnknownCode;
    if ((NeedsReview(record, result) && match.state != DecisionState::kApplied) ||
        (not_applied && record.error.empty())) {
      review_writer->WriteRow(record, result, ReviewRowExtras{DescribeUnapplied(match), "", ""});
    }
    machine_tally.Add(result.status, result.counted);
    final_tally.Add(final.status, final.codes);
    changes.Add(result.status, result.counted, final.status, final.codes);
  }
  manifest.seconds["code"] = SecondsSince(coding_started);
  if (machine_tally.rows() == 0) {
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

  for (const Tally* tally : {&machine_tally, &final_tally}) {
    size_t by_status = 0;
    for (AnswerStatus status : kAllAnswerStatuses) by_status += tally->status_count(status);
    if (by_status != tally->rows()) {
      context.err << "verbatim code: internal error: rows read (" << tally->rows()
                  << ") != coded + uncoded + disputed + error (" << by_status
                  << "); no output was written\n";
      return kExitDataError;
    }
  }
  if (auto finished = review_writer->Finish(); !finished) {
    context.err << "verbatim code: " << FormatError(finished.error()) << '\n';
    return kExitDataError;
  }

  const std::vector<CountRow> rows = BuildCountRows(book, final_tally);
  const std::vector<DecidedCountRow> decided_rows =
      BuildDecidedCountRows(book, machine_tally, final_tally, changes);
  if (with_decisions) {
    WriteDecidedCountsCsv((*counts_file)->stream(), decided_rows);
  } else {
    WriteCountsCsv((*counts_file)->stream(), rows);
  }

  manifest.codebook_path = options.codebook;
  manifest.codebook_id = book.info.id;
  manifest.codebook_version = book.info.version;
  if (auto digest = Sha256File(options.codebook)) manifest.codebook_sha256 = *digest;
  manifest.input_path = options.input;
  if (options.input != "-") {
    if (auto digest = Sha256File(options.input)) manifest.input_sha256 = *digest;
  }
  manifest.settings = {{"format", options.format},
                       {"column", options.column.empty() ? (*reader)->TextColumnName() : options.column},
                       {"id_column", options.id_column.empty() ? "(row number)" : options.id_column},
                       {"delimiter", options.delimiter.empty() ? "auto" : options.delimiter},
                       {"threshold", fmt::format("{}", book.settings.threshold)},
                       {"negation_window", std::to_string(book.settings.negation_window)},
                       {"review_uncoded_min_words",
                        std::to_string(book.settings.review_uncoded_min_words)}};
  // Recorded only when not the default, so that runs without them keep their run.json.
  if (*review_format != ReviewFormat::kCsv) manifest.settings["review_format"] = "xlsx";
  if (options.excel_fr) manifest.settings["review_dialect"] = "excel-fr";
  manifest.rows["read"] = final_tally.rows();
  for (AnswerStatus status : kAllAnswerStatuses) {
    manifest.rows[std::string(AnswerStatusName(status))] = final_tally.status_count(status);
  }
  manifest.outputs = {(*coded_file)->path(), (*review_file)->path(), (*counts_file)->path(),
                      (*manifest_file)->path()};
  if (with_decisions) manifest.decisions = MakeManifestDecisions(options, ledger, summary);
  manifest.seconds["total"] = SecondsSince(started);
  WriteRunManifest((*manifest_file)->stream(), manifest);

  for (auto* file : {&coded_file, &review_file, &counts_file, &manifest_file}) {
    if (auto committed = (**file)->Commit(); !committed) {
      context.err << "verbatim code: " << FormatError(committed.error()) << '\n';
      return kExitDataError;
    }
  }

  if (!options.quiet) {
    context.out << fmt::format("{} — {} (codebook {} {})\n\n", options.input, book.info.question,
                               book.info.id, book.info.version);
    if (with_decisions) {
      PrintDecidedCountsTable(context.out, decided_rows);
    } else {
      PrintCountsTable(context.out, rows);
    }
    context.out << fmt::format(
        "\nWrote {}/coded.csv ({} rows), {} ({} to review), {}/counts.csv, {}/run.json\n",
        options.out_dir, final_tally.rows(), review_path, review_writer->rows_written(),
        options.out_dir, options.out_dir);
  }
  if (with_decisions) ReportDecisions(options, ledger, summary, book, review_path, context);
  const size_t errors = final_tally.status_count(AnswerStatus::kError);
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
  app.add_option("--decisions", options->decisions,
                 "Reviewers' decisions (written by 'verbatim review apply'): final counts use "
                 "them over the machine's codes");
  app.add_option("--review-format", options->review_format, "Review file: csv or xlsx")
      ->capture_default_str();
  app.add_flag("--excel-fr", options->excel_fr,
               "Review CSV for French Excel: UTF-8 BOM and ';' separator");
  app.add_flag("--force", options->force,
               "Overwrite a review file even if it holds decisions never applied (kept as .bak)");
  app.add_flag("-q,--quiet", options->quiet, "Print nothing but errors");
  app.add_flag("--strict", options->strict,
               "Stop at the first row that cannot be read (invalid UTF-8, wrong field count...) "
               "instead of flagging it");
  app.add_flag("--allow-duplicate-ids", options->allow_duplicate_ids,
               "Accept ids found on more than one row (refused by default)");
  return [options](CommandContext& context) { return RunCode(*options, context); };
}

}  // namespace verbatim
