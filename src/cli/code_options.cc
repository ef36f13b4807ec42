#include "cli/code_options.h"

#include <fmt/format.h>

#include "io/input/sha256.h"
#include "run/run_record.h"

namespace verbatim {

std::optional<Plan> MakePlan(const CodeOptions& options, std::ostream& err) {
  Plan plan;
  plan.dir = options.out_dir;
  plan.report = options.report;
  plan.counts_xlsx = options.counts_xlsx;
  plan.input_path = options.input;
  plan.with_decisions = !options.decisions.empty();
  plan.dialect = options.excel_fr ? CsvDialect::kExcelFr : CsvDialect::kStandard;
  if (options.out_dir == "-") {
    const auto parsed = ParseStdoutFormat(options.stdout_format);
    if (!parsed) {
      err << "verbatim code: unknown --stdout-format '" << options.stdout_format
          << "' (use csv, jsonl or counts)\n";
      return std::nullopt;
    }
    plan.stdout_format = *parsed;
    if (options.report) {
      err << "verbatim code: --report writes report.html into the output folder; it does not go "
             "with --out -\n";
      return std::nullopt;
    }
    if (options.counts_xlsx) {
      err << "verbatim code: --counts-xlsx writes counts.xlsx into the output folder; it does not "
             "go with --out -\n";
      return std::nullopt;
    }
  }
  if (options.threads < 0) {
    err << "verbatim code: --threads must be 0 (every core) or more\n";
    return std::nullopt;
  }
  const auto review_format = ParseReviewFormat(options.review_format);
  if (!review_format) {
    err << "verbatim code: unknown --review-format '" << options.review_format
        << "' (use csv or xlsx)\n";
    return std::nullopt;
  }
  plan.review_format = *review_format;
  return plan;
}

std::vector<std::string> ExtraInputColumns(const CodeOptions& options) {
  std::vector<std::string> columns = options.keep;
  if (!options.by.empty()) columns.push_back(options.by);
  return columns;
}

// run.json: the codebook, input, settings, rows, timings and outputs.
RunManifest DescribeCodeRun(const CodeOptions& options, const Plan& plan, const Codebook& book,
                            const RecordReader& reader, const RunSummary& summary) {
  RunManifest manifest;
  manifest.tool_version = VERBATIM_VERSION;
  manifest.codebook_path = options.codebook;
  manifest.codebook_id = book.info.id;
  manifest.codebook_version = book.info.version;
  if (auto digest = Sha256File(options.codebook)) manifest.codebook_sha256 = *digest;
  manifest.input_path = options.input;
  const InputFlags& flags = options.input_flags;
  manifest.settings = {
      {"threads", options.threads == 0 ? "auto" : std::to_string(options.threads)},
      {"format", flags.format},
      {"column", flags.column.empty() ? reader.TextColumnName() : flags.column},
      {"id_column", !flags.id_column.empty()          ? flags.id_column
                    : !reader.IdColumnName().empty() ? reader.IdColumnName()
                                                     : "(row number)"},
      {"delimiter", flags.delimiter.empty() ? "auto" : flags.delimiter},
      {"threshold", fmt::format("{}", book.settings.threshold)},
      {"negation_window", std::to_string(book.settings.negation_window)},
      {"review_uncoded_min_words", std::to_string(book.settings.review_uncoded_min_words)}};
  // Recorded only when not the default, so that runs without them keep their run.json.
  if (book.settings.review_theme_alone) manifest.settings["review_theme_alone"] = "true";
  if (book.settings.review_dismissals) manifest.settings["review_dismissals"] = "true";
  if (plan.review_format != ReviewFormat::kCsv) manifest.settings["review_format"] = "xlsx";
  if (options.excel_fr) manifest.settings["review_dialect"] = "excel-fr";
  if (flags.encoding != "auto") manifest.settings["encoding"] = flags.encoding;
  if (options.counts_xlsx) manifest.settings["counts_xlsx"] = "true";
  // As given on the command line, so that later commands can pass them again.
  if (!options.keep.empty()) {
    std::string keep;
    for (const std::string& column : options.keep) keep += (keep.empty() ? "" : ",") + column;
    manifest.settings["keep"] = keep;
  }
  if (!options.by.empty()) manifest.settings["by"] = options.by;
  RecordRunRows(summary, &manifest);
  return manifest;
}

// After a failed run: what the user reads, and the outcome.
Outcome ReportRunError(const RunError& failure, const CodeOptions& options, const Plan& plan,
                       std::ostream& err) {
  switch (failure.failure) {
    case RunFailure::kUnreadableRow:
      err << "verbatim code: " << failure.error.message
          << "\nverbatim code: stopped at the first row that cannot be read (--strict); "
          << (plan.to_stdout() ? "rows before it may be on standard output already, none after it\n"
                               : "nothing was written\n");
      return Outcome::kDataError;
    case RunFailure::kDuplicateIds:
      err << "verbatim code: " << options.input << ": " << failure.error.message
          << "; ids must be unique: choose another --id-column, or pass --allow-duplicate-ids to "
             "keep them; "
          << (plan.to_stdout() ? "the coded rows went to standard output, but no counts\n"
                               : "nothing was written\n");
      return Outcome::kDataError;
    case RunFailure::kInvariant:
      err << "verbatim code: " << failure.error.message << "; no output was written\n";
      return Outcome::kInternal;
    case RunFailure::kSinkFailed:
      err << "verbatim code: " << FormatError(failure.error) << "; nothing was written\n";
      return Outcome::kOutputError;
  }
  return Outcome::kInternal;
}

}  // namespace verbatim
