#include "cli/import_qdpx_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/cli.h"
#include "cli/output_file.h"
#include "io/output/csv_writer.h"
#include "io/refi/refi_gold.h"
#include "run/codebook_setup.h"

namespace verbatim {
namespace {

struct ImportQdpxOptions {
  std::string project;
  std::string codebook;
  std::string out;
  std::string map;
};

constexpr std::string_view kCommand = "verbatim import qdpx";

Outcome RunImportQdpx(const ImportQdpxOptions& options, CommandContext& context) {
  CodebookSetup setup = SetUpCodebook(options.codebook);
  PrintDiagnostics(context.err, setup.diagnostics);
  if (!setup.compiled) {
    context.err << kCommand << ": " << options.codebook
                << " has errors (above); nothing was written\n";
    return Outcome::kDataError;
  }
  const Codebook& book = setup.compiled->codebook();
  CodeNameMap map;
  if (!options.map.empty()) {
    auto read = ReadCodeNameMap(options.map);
    if (!read) {
      context.err << kCommand << ": " << FormatError(read.error()) << '\n';
      return Outcome::kDataError;
    }
    map = std::move(*read);
  }
  auto project = ReadQdpx(options.project);
  if (!project) {
    context.err << kCommand << ": " << FormatError(project.error()) << '\n';
    return Outcome::kDataError;
  }
  const RefiGold gold = GoldFromRefiProject(*project, book, map);

  // Every name that maps to nothing is reported, used or not: an unused one
  // may be a code the analyst meant to use.
  for (const UnmappedCode& code : gold.unmapped) {
    context.err << fmt::format("{}: code '{}' matches no code id or label of {}{}\n", kCommand,
                               code.name, options.codebook,
                               code.sources == 0
                                   ? " (it codes no answer)"
                                   : fmt::format(" and codes {} answer(s)", code.sources));
  }
  for (const std::string& ref : project->dangling_code_refs) {
    context.err << fmt::format(
        "{}: warning: a coding refers to code {}, which the project does "
        "not define; ignored\n",
        kCommand, ref);
  }
  bool refuse = false;
  for (const std::string& row : gold.bad_map_rows) {
    context.err << fmt::format("{}: {}: '{}' is not a code of {}\n", kCommand, options.map, row,
                               options.codebook);
    refuse = true;
  }
  if (!DescribeUsedUnmapped(gold.unmapped).empty()) {
    context.err << kCommand
                << ": codes above code answers but match no code of the codebook; map them "
                   "with --map NAMES.csv (columns name,code; an empty code drops the name on "
                   "purpose). Nothing was written.\n";
    refuse = true;
  }
  if (gold.answers.empty()) {
    context.err << kCommand << ": " << options.project
                << " holds no source (document) to take as an answer; nothing was written\n";
    refuse = true;
  }
  if (refuse) return Outcome::kDataError;
  if (gold.merged_sources > 0) {
    context.err << fmt::format(
        "{}: warning: {} source(s) have the name of an earlier source; their codes are merged "
        "into one answer\n",
        kCommand, gold.merged_sources);
  }

  std::unique_ptr<AtomicFile> file = OpenOutputFile(options.out, "import qdpx", context.err);
  if (!file) return Outcome::kOutputError;
  CsvWriter writer(file->stream());
  writer.WriteRow({"id", "codes"});
  size_t coded = 0;
  for (const CodedAnswer& answer : gold.answers) {
    std::string codes;
    for (const std::string& code : answer.codes) codes += (codes.empty() ? "" : ";") + code;
    if (!codes.empty()) ++coded;
    writer.WriteRow({answer.id, codes});
  }
  if (auto committed = file->Commit(); !committed) {
    context.err << kCommand << ": " << FormatError(committed.error()) << '\n';
    return Outcome::kOutputError;
  }
  context.out << fmt::format(
      "Wrote {}: {} answers ({} with codes, {} without) from {} codes of {}{}\n", options.out,
      gold.answers.size(), coded, gold.answers.size() - coded, project->codes.size(),
      options.project,
      gold.dropped_codings > 0
          ? fmt::format("; {} coding(s) dropped by --map", gold.dropped_codings)
          : "");
  return Outcome::kSuccess;
}

}  // namespace

NestedCommand AddImportQdpxCommand(CLI::App& parent) {
  CLI::App* app = parent.add_subcommand(
      "qdpx",
      "A REFI-QDA project's codings (NVivo, MAXQDA, ATLAS.ti, QualCoder) as the id,codes "
      "gold that 'verbatim agree' reads: one answer per source, named by the source");
  auto options = std::make_shared<ImportQdpxOptions>();
  app->add_option("project", options->project, "The .qdpx project")->required();
  app->add_option("-c,--codebook", options->codebook,
                  "YAML codebook whose code ids the tool's code names are mapped to")
      ->required();
  app->add_option("-o,--out", options->out, "The gold CSV to write (columns id,codes)")->required();
  app->add_option("--map", options->map,
                  "CSV with columns name,code: the tool's code name and the codebook id it "
                  "stands for (empty: drop the name). Without it, a name maps by code id, by "
                  "the 'verbatim id:' line an export put in its description, or by label");
  return {app, [options](CommandContext& context) { return RunImportQdpx(*options, context); }};
}

}  // namespace verbatim
