// verbatim code INPUT --codebook CB --out DIR [--decisions FILE] [--force]
//                     [--review-format csv|xlsx] [--excel-fr] [--threads N]
//                     [--report] [--strict] [--quiet]
// verbatim code INPUT --out - [--stdout-format csv|jsonl|counts]
//
// Design: the input is read in chunks of rows; a CodingPool codes chunk k on
// its threads while this thread writes chunk k-1's rows, so reading, coding
// and writing overlap and memory holds two chunks whatever the input's size.
// Rows are written in input order from per-row result slots, so every
// output is byte for byte the same for any number of threads. Files go
// through AtomicFile (nothing is replaced unless the whole run succeeds);
// with --out -, the coded table (or counts.csv) goes to standard output as it
// is made, and messages to stderr, so the command can sit in a pipe.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/codebook_setup.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/progress_meter.h"
#include "core/batch_coder.h"
#include "core/coder.h"
#include "core/decided_counts.h"
#include "core/decision_apply.h"
#include "core/duplicate_ids.h"
#include "core/tally.h"
#include "io/output/atomic_file.h"
#include "io/output/coded_jsonl.h"
#include "io/output/coded_table.h"
#include "io/output/counts_report.h"
#include "io/review/decisions_file.h"
#include "io/input/input_reader.h"
#include "io/review/review_file.h"
#include "io/review/review_reader.h"
#include "io/report/report_builder.h"
#include "io/review/review_xlsx.h"
#include "io/output/run_manifest.h"
#include "io/output/utc_time.h"
#include "io/input/sha256.h"

namespace verbatim {
namespace {

struct CodeOptions {
  std::string input;
  std::string codebook = "codebooks/optam_changes.yaml";
  std::string out_dir = "out";
  InputFlags input_flags;  // --column, --id-column, --format, --delimiter.
  std::string decisions;
  std::string review_format = "csv";
  bool excel_fr = false;
  bool force = false;
  bool quiet = false;
  bool strict = false;
  bool allow_duplicate_ids = false;
  bool report = false;
  bool allow_empty = false;
  int threads = 0;  // 0: every core.
  std::string stdout_format = "csv";
};

// Rows are read, coded and written in chunks of this many rows (or fewer
// when their text reaches kChunkTextBytes): large enough that handing a chunk
// to the pool costs nothing, small enough that two chunks in memory do not
// show.
constexpr size_t kChunkRows = 2048;
constexpr size_t kChunkTextBytes = size_t{4} << 20;

struct Chunk {
  std::vector<InputRecord> records;  // Reused: strings keep their capacity.
  size_t size = 0;                   // Rows in use.
  std::vector<std::string_view> texts;
  std::vector<CodingResult> results;
  // Output formatted by the coding threads (see RunCode), when the run
  // formats it there: the lines of a block of rows, held at the block's
  // first row (the other rows' entries are empty), so that each block
  // reaches its stream in one write, large enough to bypass the stream's
  // buffer. review_rows counts the review lines of each block.
  std::vector<std::string> coded_lines;
  std::vector<std::string> review_lines;
  std::vector<size_t> review_rows;
};

// A row that could not be read counts as an error row, with the reader's
// reason: it was not coded.
void ApplyReadError(const InputRecord& record, CodingResult* result) {
  if (record.error.empty()) return;
  *result = CodingResult{};
  result->status = AnswerStatus::kError;
  result->error = record.error;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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
  auto existing = ReadReviewFile(review_path, ReviewRows::kDecided);
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

// Where `code` writes: files in the output folder (the default), or the
// coded table or counts.csv on standard output (--out -).
enum class StdoutFormat { kNone, kCodedCsv, kCodedJsonl, kCounts };

std::optional<StdoutFormat> ParseStdoutFormat(const std::string& name) {
  if (name == "csv") return StdoutFormat::kCodedCsv;
  if (name == "jsonl") return StdoutFormat::kCodedJsonl;
  if (name == "counts") return StdoutFormat::kCounts;
  return std::nullopt;
}

uint64_t InputFileSize(const std::string& path) {
  if (path == "-") return 0;
  std::error_code error;
  const uintmax_t size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<uint64_t>(size);
}

// Fills `chunk` from `reader`. Returns false at the end of the input with an
// empty chunk. With --strict, stops at the first bad row: *strict_error is
// then its message.
bool ReadChunk(RecordReader& reader, bool strict, Chunk* chunk, std::string* strict_error) {
  chunk->size = 0;
  size_t text_bytes = 0;
  while (chunk->size < kChunkRows && text_bytes < kChunkTextBytes) {
    if (chunk->records.size() == chunk->size) chunk->records.emplace_back();
    InputRecord& record = chunk->records[chunk->size];
    if (!reader.Next(&record)) break;
    if (strict && !record.error.empty()) {
      *strict_error = record.error;
      return false;
    }
    text_bytes += record.text.size();
    ++chunk->size;
  }
  chunk->texts.clear();
  for (size_t i = 0; i < chunk->size; ++i) {
    const InputRecord& record = chunk->records[i];
    // A row that could not be read is not coded (its result is replaced by
    // the error); an empty view costs nothing to code.
    chunk->texts.emplace_back(record.error.empty() ? std::string_view(record.text)
                                                   : std::string_view());
  }
  return chunk->size > 0;
}

int RunCode(const CodeOptions& options, CommandContext& context) {
  const auto started = std::chrono::steady_clock::now();
  RunManifest manifest;
  manifest.tool_version = VERBATIM_VERSION;
  manifest.started_at = UtcNow();

  const bool to_stdout = options.out_dir == "-";
  StdoutFormat stdout_format = StdoutFormat::kNone;
  if (to_stdout) {
    const auto parsed = ParseStdoutFormat(options.stdout_format);
    if (!parsed) {
      context.err << "verbatim code: unknown --stdout-format '" << options.stdout_format
                  << "' (use csv, jsonl or counts)\n";
      return kExitUsage;
    }
    stdout_format = *parsed;
    if (options.report) {
      context.err << "verbatim code: --report writes report.html into the output folder; it "
                     "does not go with --out -\n";
      return kExitUsage;
    }
  }
  if (options.threads < 0) {
    context.err << "verbatim code: --threads must be 0 (every core) or more\n";
    return kExitUsage;
  }
  // With --out -, standard output carries data: the summary goes to stderr.
  std::ostream& summary_out = to_stdout ? context.err : context.out;

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

  auto made_options = MakeInputOptions(options.input, options.input_flags);
  if (!made_options) {
    context.err << "verbatim code: " << made_options.error().message << '\n';
    return kExitUsage;
  }
  InputOptions input_options = std::move(*made_options);
  input_options.allow_empty = options.allow_empty;
  auto reader = OpenInput(input_options);
  if (!reader) {
    context.err << "verbatim code: " << FormatError(reader.error()) << '\n';
    return kExitDataError;
  }
  // CSV and text ids default to the row number: unique by construction, so
  // they need no memory to check (JSON Lines default to an "id" key).
  const bool ids_are_row_numbers =
      options.input_flags.id_column.empty() && ResolveInputFormat(input_options) != InputFormat::kJsonl;
  const bool check_duplicate_ids = !options.allow_duplicate_ids && !ids_are_row_numbers;

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

  const std::filesystem::path out_dir(to_stdout ? "." : options.out_dir);
  const std::string review_name =
      *review_format == ReviewFormat::kXlsx ? "review.xlsx" : "review.csv";
  const std::string review_path = (out_dir / review_name).string();
  std::unique_ptr<AtomicFile> coded_file, review_file, counts_file, manifest_file;
  if (!to_stdout) {
    if (!GuardExistingReviewFile(review_path, options, ledger, context)) return kExitDataError;
    std::error_code fs_error;
    std::filesystem::create_directories(options.out_dir, fs_error);
    if (fs_error) {
      context.err << "verbatim code: cannot create output folder " << options.out_dir << ": "
                  << fs_error.message() << '\n';
      return kExitDataError;
    }
    const std::pair<std::unique_ptr<AtomicFile>*, std::string> files[] = {
        {&coded_file, (out_dir / "coded.csv").string()},
        {&review_file, review_path},
        {&counts_file, (out_dir / "counts.csv").string()},
        {&manifest_file, (out_dir / "run.json").string()}};
    for (const auto& [file, path] : files) {
      auto opened = AtomicFile::Open(path);
      if (!opened) {
        context.err << "verbatim code: " << FormatError(opened.error()) << '\n';
        return kExitDataError;
      }
      *file = std::move(*opened);
    }
  }

  const Codebook& book = codebook.codebook();
  std::unique_ptr<ReviewWriter> review_writer;
  ReviewFileWriter* review_csv_writer = nullptr;  // review_writer, when it writes CSV.
  if (review_file != nullptr) {
    ReviewFileOptions review_options;
    review_options.dialect = options.excel_fr ? CsvDialect::kExcelFr : CsvDialect::kStandard;
    review_options.previous =
        with_decisions ? PreviousDecisionColumn::kInclude : PreviousDecisionColumn::kOmit;
    if (*review_format == ReviewFormat::kXlsx) {
      auto opened = OpenXlsxReviewWriter(review_file->stream(), codebook, review_options);
      if (!opened) {
        context.err << "verbatim code: " << FormatError(opened.error()) << '\n';
        return kExitDataError;
      }
      review_writer = std::move(*opened);
    } else {
      auto csv_writer =
          std::make_unique<ReviewFileWriter>(review_file->stream(), codebook, review_options);
      review_csv_writer = csv_writer.get();
      review_writer = std::move(csv_writer);
    }
  }

  const DecisionColumns decision_columns =
      with_decisions ? DecisionColumns::kInclude : DecisionColumns::kOmit;
  std::unique_ptr<CodedTableWriter> coded_writer;
  std::unique_ptr<CodedJsonlWriter> coded_jsonl_writer;
  if (coded_file != nullptr) {
    coded_writer = std::make_unique<CodedTableWriter>(coded_file->stream(), codebook, decision_columns);
  } else if (stdout_format == StdoutFormat::kCodedCsv) {
    coded_writer = std::make_unique<CodedTableWriter>(context.out, codebook, decision_columns);
  } else if (stdout_format == StdoutFormat::kCodedJsonl) {
    coded_jsonl_writer = std::make_unique<CodedJsonlWriter>(context.out, codebook, decision_columns);
  }
  std::optional<ReportBuilder> report;
  if (options.report) report.emplace(codebook, ReportOptions{options.input, ChartOrder::kCodebook, ""});

  Tally machine_tally(book);
  Tally final_tally(book);
  CountChanges changes(book);
  DecisionRunSummary summary;
  DuplicateIds duplicate_ids;
  ProgressMeter progress(context.err, context.err_is_terminal && !options.quiet,
                         InputFileSize(options.input));
  uint64_t text_bytes = 0;
  double read_seconds = 0, code_seconds = 0, write_seconds = 0;

  // Without decisions, a row's CSV lines depend on the row alone: the
  // threads that code a block format its lines too, and this thread only
  // writes them in order. That keeps the single writing thread from
  // capping the speed of several coding threads. (With decisions, rows are
  // matched to the ledger here, in order.)
  const bool format_coded_in_pool = coded_writer != nullptr && !with_decisions;
  const bool format_review_in_pool = review_csv_writer != nullptr && !with_decisions;
  std::vector<CodedRow> coded_row_scratch;  // One per coding thread.
  auto format_rows = [&](Chunk* chunk) -> CodingPool::AfterBlock {
    if (!format_coded_in_pool && !format_review_in_pool) return nullptr;
    chunk->coded_lines.resize(chunk->size);
    chunk->review_lines.resize(chunk->size);
    chunk->review_rows.assign(chunk->size, 0);
    return [&, chunk](size_t begin, size_t end, int slot) {
      std::string& coded = chunk->coded_lines[begin];
      std::string& review = chunk->review_lines[begin];
      coded.clear();
      review.clear();
      for (size_t i = begin; i < end; ++i) {
        const InputRecord& record = chunk->records[i];
        CodingResult& result = chunk->results[i];
        ApplyReadError(record, &result);
        const DecisionMatch no_decision;
        if (i > begin) {
          chunk->coded_lines[i].clear();
          chunk->review_lines[i].clear();
        }
        if (format_coded_in_pool) {
          AppendCodedLine(codebook, decision_columns, record, result,
                          FinalCodingOf(result, no_decision), no_decision,
                          &coded_row_scratch[static_cast<size_t>(slot)], &coded);
        }
        if (format_review_in_pool && NeedsReview(record, result)) {
          AppendReviewLine(codebook, record, result,
                           ReviewRowExtras{DescribeUnapplied(no_decision), "", ""},
                           review_csv_writer->options(), &review);
          ++chunk->review_rows[begin];
        }
      }
    };
  };

  // Writes one coded chunk: the coded table, review rows, tallies.
  auto emit = [&](Chunk& chunk) {
    const auto write_started = std::chrono::steady_clock::now();
    for (size_t i = 0; i < chunk.size; ++i) {
      const InputRecord& record = chunk.records[i];
      CodingResult& result = chunk.results[i];
      ApplyReadError(record, &result);
      if (check_duplicate_ids) duplicate_ids.Add(record.id, record.line);
      DecisionMatch match;
      if (with_decisions) {
        match = MatchDecision(ledger, book, record.id,
                              record.error.empty() ? Sha256Hex(record.text) : std::string());
        summary.Add(record.id, match);
      }
      const FinalCoding final = FinalCodingOf(result, match);
      if (format_coded_in_pool) {
        coded_writer->WriteLine(chunk.coded_lines[i]);  // A block's lines, or nothing.
      } else if (coded_writer) {
        coded_writer->Write(record, result, final, match);
      }
      if (coded_jsonl_writer) coded_jsonl_writer->Write(record, result, final, match);
      const bool not_applied =
          match.state == DecisionState::kStale || match.state == DecisionState::kUnknownCode;
      if (format_review_in_pool) {
        // The block's review lines, or nothing.
        review_csv_writer->WriteLines(chunk.review_lines[i], chunk.review_rows[i]);
      } else if (review_writer &&
                 ((NeedsReview(record, result) && match.state != DecisionState::kApplied) ||
                  (not_applied && record.error.empty()))) {
        review_writer->WriteRow(record, result, ReviewRowExtras{DescribeUnapplied(match), "", ""});
      }
      if (report) report->Add(record, result);
      machine_tally.Add(result.status, result.counted);
      final_tally.Add(final.status, final.codes);
      changes.Add(result.status, result.counted, final.status, final.codes);
      text_bytes += record.text.size();
    }
    write_seconds += SecondsSince(write_started);
    const uint64_t consumed = (*reader)->BytesConsumed();
    progress.Update(final_tally.rows(), consumed > 0 ? consumed : text_bytes);
  };

  // The input's digest for run.json: on a thread of its own while the
  // input is coded, when the run has more than one thread (it then costs no
  // wall time); at the end on this thread otherwise.
  const int run_threads =
      options.threads > 0 ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::future<Result<std::string>> input_digest;
  if (options.input != "-") {
    input_digest = std::async(run_threads > 1 ? std::launch::async : std::launch::deferred,
                              [path = options.input] { return Sha256File(path); });
  }

  {
    // Three chunks: one read while the pool codes the next older one and
    // this thread writes the oldest. Declared before the pool, so that they
    // outlive any batch in flight.
    Chunk chunks[3];
    Chunk* coding = &chunks[0];
    Chunk* next = &chunks[1];
    Chunk* done = &chunks[2];
    CodingPool pool(codebook, options.threads);
    coded_row_scratch.resize(static_cast<size_t>(pool.threads()));
    manifest.settings["threads"] = options.threads == 0 ? "auto" : std::to_string(options.threads);
    std::string strict_error;
    auto read = [&](Chunk* chunk) {
      const auto read_started = std::chrono::steady_clock::now();
      const bool more = ReadChunk(**reader, options.strict, chunk, &strict_error);
      read_seconds += SecondsSince(read_started);
      return more;
    };
    bool have = read(coding);
    if (have) pool.Start(coding->texts, &coding->results, format_rows(coding));
    while (have) {
      const bool have_next = read(next);  // While the pool codes `coding`.
      emit(*done);                        // The chunk coded before it.
      const auto wait_started = std::chrono::steady_clock::now();
      pool.Wait();
      code_seconds += SecondsSince(wait_started);
      std::swap(done, coding);  // Coded: written next time round.
      std::swap(coding, next);  // Read: coded now.
      have = have_next;
      if (have) pool.Start(coding->texts, &coding->results, format_rows(coding));
    }
    if (!strict_error.empty()) {
      progress.Finish();
      context.err << "verbatim code: " << strict_error
                  << "\nverbatim code: stopped at the first row that cannot be read (--strict); "
                  << (to_stdout ? "rows before it may be on standard output already, none after it\n"
                                : "nothing was written\n");
      return kExitDataError;
    }
    emit(*done);
  }
  progress.Finish();
  // Wall time of each phase on this thread: reading, waiting for the pool
  // (coding, with this thread's share), writing rows. They overlap with the
  // workers' coding, so they add up to the wall time, not to CPU time.
  manifest.seconds["read"] = read_seconds;
  manifest.seconds["code"] = code_seconds;
  manifest.seconds["write"] = write_seconds;
  if (machine_tally.rows() == 0 && !options.allow_empty) {
    context.err << "verbatim code: warning: " << options.input
                << " holds no answer (a header only?); the outputs have no rows\n";
  }
  if (!duplicate_ids.empty()) {
    context.err << "verbatim code: " << options.input << ": " << duplicate_ids.count()
                << " id(s) on more than one row: " << duplicate_ids.Describe(10)
                << "; ids must be unique: choose another --id-column, or pass "
                   "--allow-duplicate-ids to keep them; "
                << (to_stdout ? "the coded rows went to standard output, but no counts\n"
                              : "nothing was written\n");
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
  const auto finish_started = std::chrono::steady_clock::now();
  if (review_writer) {
    if (auto finished = review_writer->Finish(); !finished) {
      context.err << "verbatim code: " << FormatError(finished.error()) << '\n';
      return kExitDataError;
    }
  }

  const std::vector<CountRow> rows = BuildCountRows(book, final_tally);
  const std::vector<DecidedCountRow> decided_rows =
      BuildDecidedCountRows(book, machine_tally, final_tally, changes);
  std::ostream* counts_out = counts_file ? &counts_file->stream()
                             : stdout_format == StdoutFormat::kCounts ? &context.out
                                                                      : nullptr;
  if (counts_out != nullptr) {
    if (with_decisions) {
      WriteDecidedCountsCsv(*counts_out, decided_rows);
    } else {
      WriteCountsCsv(*counts_out, rows);
    }
  }
  if (to_stdout) {
    context.out.flush();
    if (!context.out) {
      context.err << "verbatim code: cannot write to standard output\n";
      return kExitDataError;
    }
  }

  if (manifest_file != nullptr) {
    manifest.codebook_path = options.codebook;
    manifest.codebook_id = book.info.id;
    manifest.codebook_version = book.info.version;
    if (auto digest = Sha256File(options.codebook)) manifest.codebook_sha256 = *digest;
    manifest.input_path = options.input;
    if (input_digest.valid()) {
      if (auto digest = input_digest.get()) manifest.input_sha256 = *digest;
    }
    const InputFlags& flags = options.input_flags;
    manifest.settings.insert(
        {{"format", flags.format},
         {"column", flags.column.empty() ? (*reader)->TextColumnName() : flags.column},
         {"id_column", flags.id_column.empty() ? "(row number)" : flags.id_column},
         {"delimiter", flags.delimiter.empty() ? "auto" : flags.delimiter},
         {"threshold", fmt::format("{}", book.settings.threshold)},
         {"negation_window", std::to_string(book.settings.negation_window)},
         {"review_uncoded_min_words", std::to_string(book.settings.review_uncoded_min_words)}});
    // Recorded only when not the default, so that runs without them keep their run.json.
    if (*review_format != ReviewFormat::kCsv) manifest.settings["review_format"] = "xlsx";
    if (options.excel_fr) manifest.settings["review_dialect"] = "excel-fr";
    manifest.rows["read"] = final_tally.rows();
    for (AnswerStatus status : kAllAnswerStatuses) {
      manifest.rows[std::string(AnswerStatusName(status))] = final_tally.status_count(status);
    }
    manifest.outputs = {coded_file->path(), review_file->path(), counts_file->path(),
                        manifest_file->path()};
    if (options.report) {
      manifest.outputs.push_back((out_dir / "report.html").string());
      manifest.outputs.push_back((out_dir / "chart.svg").string());
    }
    if (with_decisions) manifest.decisions = MakeManifestDecisions(options, ledger, summary);
    manifest.seconds["finish"] = SecondsSince(finish_started);
    manifest.seconds["total"] = SecondsSince(started);
    WriteRunManifest(manifest_file->stream(), manifest);

    for (AtomicFile* file : {coded_file.get(), review_file.get(), counts_file.get(),
                             manifest_file.get()}) {
      if (auto committed = file->Commit(); !committed) {
        context.err << "verbatim code: " << FormatError(committed.error()) << '\n';
        return kExitDataError;
      }
    }
  }
  if (report) {
    if (auto written = report->Write(options.out_dir); !written) {
      context.err << "verbatim code: " << FormatError(written.error()) << '\n';
      return kExitDataError;
    }
  }

  if (!options.quiet) {
    summary_out << fmt::format("{} — {} (codebook {} {})\n\n", options.input, book.info.question,
                               book.info.id, book.info.version);
    if (with_decisions) {
      PrintDecidedCountsTable(summary_out, decided_rows);
    } else {
      PrintCountsTable(summary_out, rows);
    }
    if (!to_stdout) {
      summary_out << fmt::format(
          "\nWrote {}/coded.csv ({} rows), {} ({} to review), {}/counts.csv, {}/run.json{}\n",
          options.out_dir, final_tally.rows(), review_path, review_writer->rows_written(),
          options.out_dir, options.out_dir,
          options.report ? fmt::format(", {0}/report.html, {0}/chart.svg", options.out_dir) : "");
    }
  }
  if (with_decisions) ReportDecisions(options, ledger, summary, book, review_path, context);
  const size_t errors = final_tally.status_count(AnswerStatus::kError);
  if (errors > 0) {
    context.err << "verbatim code: " << errors
                << " row(s) could not be read; they are in "
                << (to_stdout ? "the coded table" : "coded.csv")
                << " with status 'error' and the reason\n";
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
  app.add_option("-o,--out", options->out_dir, "Output folder ('-': standard output, see --stdout-format)")->capture_default_str();
  AddInputFormatFlags(app, &options->input_flags);
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
