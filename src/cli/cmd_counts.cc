// verbatim counts merge PART.csv... [--out FILE]: the reduce step of a corpus
// coded in pieces (see README, "Performance", and docs/scaling.md). Each
// file, or standard input for '-', may hold several counts.csv concatenated.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "cli/excel_fr_flag.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "io/output/atomic_file.h"
#include "io/output/counts_merge.h"
#include "io/output/counts_report.h"

namespace verbatim {
namespace {

struct CountsMergeOptions {
  std::vector<std::string> parts;
  std::string out = "-";
  bool excel_fr = false;
};

Outcome RunCountsMerge(const CountsMergeOptions& options, CommandContext& context) {
  std::vector<CountRow> total;
  for (const std::string& path : options.parts) {
    std::ifstream file;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        context.err << "verbatim counts merge: cannot open " << path << '\n';
        return Outcome::kDataError;
      }
    }
    std::istream& in = path == "-" ? std::cin : file;
    auto parts = ReadCountsCsvParts(in, path == "-" ? "<stdin>" : path);
    if (!parts) {
      context.err << "verbatim counts merge: " << FormatError(parts.error()) << '\n';
      return Outcome::kDataError;
    }
    for (const CountsPart& part : *parts) {
      if (auto added = AddCounts(part, &total); !added) {
        context.err << "verbatim counts merge: " << FormatError(added.error()) << '\n';
        return Outcome::kDataError;
      }
    }
  }
  if (options.out == "-") {
    WriteCountsCsv(context.out, total, {DialectFor(options.excel_fr), "", {}});
    return Outcome::kSuccess;
  }
  auto file = AtomicFile::Open(options.out);
  if (!file) {
    context.err << "verbatim counts merge: " << FormatError(file.error()) << '\n';
    return Outcome::kDataError;
  }
  WriteCountsCsv((*file)->stream(), total, {DialectFor(options.excel_fr), "", {}});
  if (auto committed = (*file)->Commit(); !committed) {
    context.err << "verbatim counts merge: " << FormatError(committed.error()) << '\n';
    return Outcome::kDataError;
  }
  return Outcome::kSuccess;
}

}  // namespace

CommandRunner SetupCountsCommand(CLI::App& app) {
  app.require_subcommand(1);
  CLI::App* merge = app.add_subcommand(
      "merge",
      "Add partial counts.csv files (pieces of one corpus, same codebook) exactly; '-' reads "
      "standard input, and a file or stream may hold several counts.csv concatenated");
  auto options = std::make_shared<CountsMergeOptions>();
  merge->add_option("parts", options->parts, "counts.csv files to add ('-' for standard input)")
      ->required();
  merge->add_option("-o,--out", options->out, "Output file ('-' for standard output)")
      ->capture_default_str();
  AddExcelFrFlag(*merge, &options->excel_fr);
  return [options, merge](CommandContext& context) {
    if (merge->parsed()) return RunCountsMerge(*options, context);
    return Outcome::kUsage;
  };
}

}  // namespace verbatim
