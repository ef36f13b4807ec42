// verbatim export qdc --codebook CB --out codebook.qdc
// verbatim export qdpx --input FILE --codebook CB [--decisions D] [--keep COL,...]
//                      [--format F] [--column C] [--id-column C] [--delimiter D]
//                      [--encoding E] [--threads N] --out project.qdpx
//
// Design: the REFI-QDA exports (io/refi/). `export qdpx` is the coding run
// of `verbatim code` (run/coding_run.h's CodeInput) with one sink that
// hands every resolved answer to the project writer, so the codes it
// exports are exactly the final codes `code --decisions` counts.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>

#include "cli/cli.h"
#include "cli/code_messages.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/nested_command.h"
#include "cli/output_file.h"
#include "io/refi/qdc_writer.h"
#include "io/refi/qdpx_writer.h"
#include "run/codebook_setup.h"
#include "run/coding_run.h"

namespace verbatim {
namespace {

struct ExportQdcOptions {
  std::string codebook;
  std::string out;
};

struct ExportQdpxOptions {
  InputFlags input;
  std::string codebook;
  std::string decisions;
  std::string out;
  std::vector<std::string> keep;
  int threads = 0;
};

// The codebook compiled, its diagnostics printed; null after errors.
std::unique_ptr<CompiledCodebook> LoadCodebook(const std::string& path, std::string_view command,
                                               std::ostream& err) {
  CodebookSetup setup = SetUpCodebook(path);
  PrintDiagnostics(err, setup.diagnostics);
  if (!setup.compiled) {
    err << "verbatim " << command << ": " << path << " has errors (above); nothing was written\n";
  }
  return std::move(setup.compiled);
}

Outcome CommitFile(AtomicFile& file, std::string_view command, std::ostream& err) {
  if (auto committed = file.Commit(); !committed) {
    err << "verbatim " << command << ": " << FormatError(committed.error()) << '\n';
    return Outcome::kOutputError;
  }
  return Outcome::kSuccess;
}

Outcome RunExportQdc(const ExportQdcOptions& options, CommandContext& context) {
  auto codebook = LoadCodebook(options.codebook, "export qdc", context.err);
  if (!codebook) return Outcome::kDataError;
  const Codebook& book = codebook->codebook();
  std::unique_ptr<AtomicFile> file = OpenOutputFile(options.out, "export qdc", context.err);
  if (!file) return Outcome::kOutputError;
  WriteQdc(book, file->stream());
  if (const Outcome committed = CommitFile(*file, "export qdc", context.err);
      committed != Outcome::kSuccess) {
    return committed;
  }
  context.out << fmt::format("Wrote {} ({} codes)\n", options.out, book.codes.size());
  return Outcome::kSuccess;
}

// The answer as the project writer takes it: its final codes, each with the
// spans of its include hits, the evidence `code` quotes (none for a code
// only a reviewer's decision gave). A negated hit is kept: when its code is
// final anyway (a reviewer decided it, or the cue did not apply), that text
// is still what the code is about.
QdpxAnswer ToQdpxAnswer(const ResolvedAnswer& row) {
  QdpxAnswer answer;
  answer.id = row.record->id;
  answer.text = row.record->text;
  answer.variables = row.record->extra;
  for (const int code : row.final.codes) {
    QdpxCoding coding;
    coding.code = code;
    if (const CodeFinding* finding = row.machine->FindingFor(code)) {
      for (const int hit_index : finding->include_hits) {
        const PatternHit& hit = row.machine->hits[static_cast<size_t>(hit_index)];
        if (hit.original_end <= hit.original_begin) continue;
        const QdpxSpan span{hit.original_begin, hit.original_end};
        const bool seen =
            std::any_of(coding.evidence.begin(), coding.evidence.end(), [&](const QdpxSpan& other) {
              return other.begin == span.begin && other.end == span.end;
            });
        if (!seen) coding.evidence.push_back(span);
      }
    }
    answer.codings.push_back(std::move(coding));
  }
  return answer;
}

Outcome RunExportQdpx(const ExportQdpxOptions& options, CommandContext& context) {
  constexpr std::string_view kCommand = "export qdpx";
  auto input_options = MakeInputOptions(options.input);
  if (!input_options) {
    context.err << "verbatim export qdpx: " << input_options.error().message << '\n';
    return Outcome::kUsage;
  }
  input_options->extra_columns = options.keep;
  input_options->all_other_columns = options.keep.empty();

  auto codebook = LoadCodebook(options.codebook, kCommand, context.err);
  if (!codebook) return Outcome::kDataError;
  const Codebook& book = codebook->codebook();
  if (book.codes.empty()) {
    context.err << "verbatim export qdpx: " << options.codebook << " has no code\n";
    return Outcome::kDataError;
  }

  auto reader = OpenInput(*input_options);
  if (!reader) {
    context.err << "verbatim export qdpx: " << FormatError(reader.error()) << '\n';
    return Outcome::kDataError;
  }
  PrintInputNote(**reader, "verbatim export qdpx", context.err);

  RunOptions run_options;
  run_options.threads = options.threads;
  // Ids name the sources and derive their GUIDs: they must be unique.
  run_options.check_duplicate_ids = true;
  DecisionLedger ledger;
  if (!options.decisions.empty()) {
    if (!LoadDecisions(options.decisions, "verbatim export qdpx", "nothing was written",
                       context.err, &ledger)) {
      return Outcome::kDataError;
    }
    run_options.ledger = &ledger;
  }

  const std::string name = std::filesystem::path(options.input.path).stem().string();
  QdpxWriter project(book, name.empty() ? "verbatim" : name, (*reader)->ExtraColumnNames());
  size_t unreadable = 0;
  CallbackSink sink([&](const ResolvedAnswer& row) {
    // A row that could not be read may hold invalid UTF-8: it has no place
    // in an XML project.
    if (!row.record->error.empty()) {
      ++unreadable;
      return;
    }
    project.AddAnswer(ToQdpxAnswer(row));
  });
  RowSink* sinks[] = {&sink};
  auto run = CodeInput(**reader, *codebook, run_options, sinks);
  if (!run) {
    context.err << "verbatim export qdpx: " << FormatError(run.error().error)
                << "; nothing was written\n";
    return run.error().failure == RunFailure::kInvariant ? Outcome::kInternal : Outcome::kDataError;
  }
  if (project.answers() == 0) {
    context.err << "verbatim export qdpx: " << options.input.path
                << " holds no readable answer; nothing was written\n";
    return Outcome::kDataError;
  }

  std::unique_ptr<AtomicFile> file = OpenOutputFile(options.out, kCommand, context.err);
  if (!file) return Outcome::kOutputError;
  if (auto written = project.Write(file->stream()); !written) {
    context.err << "verbatim export qdpx: " << options.out << ": " << FormatError(written.error())
                << '\n';
    return Outcome::kOutputError;
  }
  if (const Outcome committed = CommitFile(*file, kCommand, context.err);
      committed != Outcome::kSuccess) {
    return committed;
  }
  const Tally& tally = run->final;
  context.out << fmt::format(
      "Wrote {}: {} answers as text sources and cases ({} coded, {} with no final code), "
      "{} codes, {} case variables\n",
      options.out, project.answers(), tally.status_count(AnswerStatus::kCoded),
      project.answers() - tally.status_count(AnswerStatus::kCoded), book.codes.size(),
      (*reader)->ExtraColumnNames().size());
  if (!options.decisions.empty()) {
    ReportDecisions("verbatim export qdpx", options.decisions, ledger, run->decisions, book,
                    options.out + " (with the machine's codes)", /*quiet=*/false, context);
  }
  if (unreadable > 0) {
    context.err << "verbatim export qdpx: " << unreadable
                << " row(s) could not be read and are not in the project (run 'verbatim code' "
                   "to see why)\n";
    return Outcome::kDataError;
  }
  return Outcome::kSuccess;
}

NestedCommand AddExportQdcCommand(CLI::App& parent) {
  CLI::App* app = parent.add_subcommand(
      "qdc",
      "Write the codebook as a REFI-QDA codebook (.qdc) for NVivo, MAXQDA, ATLAS.ti, "
      "QualCoder");
  auto options = std::make_shared<ExportQdcOptions>();
  app->add_option("-c,--codebook", options->codebook, "YAML codebook")->required();
  app->add_option("-o,--out", options->out, "The .qdc file to write")->required();
  return {app, [options](CommandContext& context) { return RunExportQdc(*options, context); }};
}

NestedCommand AddExportQdpxCommand(CLI::App& parent) {
  CLI::App* app = parent.add_subcommand(
      "qdpx",
      "Code the answers and write a REFI-QDA project (.qdpx): one text source and case "
      "per answer, the codebook as code tree, every final code as a coding");
  auto options = std::make_shared<ExportQdpxOptions>();
  AddInputFlags(*app, &options->input, InputRequirement::kRequired);
  app->add_option("-c,--codebook", options->codebook, "YAML codebook")->required();
  app->add_option("-o,--out", options->out, "The .qdpx file to write")->required();
  app->add_option("--decisions", options->decisions,
                  "Reviewers' decisions (written by 'verbatim review apply'): the project "
                  "holds the final codes, as 'verbatim code --decisions' counts them");
  app->add_option("--keep", options->keep,
                  "Input columns (names or 1-based indices, comma-separated) that become case "
                  "variables (default: every CSV column but the text and id columns)")
      ->delimiter(',');
  app->add_option("-j,--threads", options->threads,
                  "Threads that code (default 0: every core); the project is the same for any "
                  "number");
  return {app, [options](CommandContext& context) { return RunExportQdpx(*options, context); }};
}

}  // namespace

CommandRunner SetupExportCommand(CLI::App& app) {
  return RunNestedCommand(app, {
                                   AddExportQdcCommand(app),
                                   AddExportQdpxCommand(app),
                               });
}

}  // namespace verbatim
