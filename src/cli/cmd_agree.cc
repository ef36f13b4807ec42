// verbatim agree --gold GOLD.csv|PROJECT.qdpx --coded coded.csv [--codebook CB] [--out FILE]
//                [--map NAMES.csv]
//                [--subset] [--bootstrap N] [--seed S]
#include <filesystem>
#include <fstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/excel_fr_flag.h"
#include "cli/cli.h"
#include "core/id_list.h"
#include "run/codebook_setup.h"
#include "cli/commands.h"
#include "core/agreement.h"
#include "core/bootstrap.h"
#include "io/output/agreement_writer.h"
#include "io/output/atomic_file.h"
#include "io/input/code_sets_reader.h"
#include "io/refi/refi_gold.h"

namespace verbatim {
namespace {

struct AgreeOptions {
  std::string gold;
  std::string coded;
  std::string codebook;
  std::string out;
  std::string machine_column = "proposed";
  std::string map;  // With a .qdpx gold: the tool's code names to code ids.
  bool subset = false;
  int bootstrap = -1;  // -1: kDefaultResamples with --subset, none without.
  uint64_t seed = 1;
  bool excel_fr = false;
};

// The codebook named in the run.json beside coded.csv, if any.
std::string CodebookFromRunManifest(const std::string& coded_path) {
  const auto manifest_path = std::filesystem::path(coded_path).parent_path() / "run.json";
  std::ifstream in(manifest_path);
  if (!in) return {};
  const nlohmann::json manifest = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!manifest.is_object() || !manifest.contains("codebook")) return {};
  const auto& codebook = manifest["codebook"];
  return codebook.contains("path") && codebook["path"].is_string() ? codebook["path"].get<std::string>()
                                                                   : std::string();
}

Outcome RunAgree(AgreeOptions options, CommandContext& context) {
  if (options.codebook.empty()) options.codebook = CodebookFromRunManifest(options.coded);
  if (options.codebook.empty()) {
    context.err << "verbatim agree: no --codebook given and no run.json beside " << options.coded
                << " names one\n";
    return Outcome::kUsage;
  }
  CodebookSetup setup = SetUpCodebook(options.codebook);
  PrintDiagnostics(context.err, setup.diagnostics);
  if (!setup.compiled) return Outcome::kDataError;
  const Codebook& book = setup.compiled->codebook();

  // A REFI-QDA project is read as `verbatim import qdpx` would write it.
  const bool refi_gold = std::filesystem::path(options.gold).extension() == ".qdpx";
  if (!options.map.empty() && !refi_gold) {
    context.err << "verbatim agree: --map applies to a .qdpx gold only\n";
    return Outcome::kUsage;
  }
  CodeNameMap name_map;
  if (!options.map.empty()) {
    auto read = ReadCodeNameMap(options.map);
    if (!read) {
      context.err << "verbatim agree: " << FormatError(read.error()) << '\n';
      return Outcome::kDataError;
    }
    name_map = std::move(*read);
  }
  auto gold = refi_gold ? ReadQdpxGold(options.gold, book, name_map) : ReadGoldCodes(options.gold);
  if (!gold) {
    context.err << "verbatim agree: " << FormatError(gold.error()) << '\n';
    return Outcome::kDataError;
  }
  auto coded = ReadCodedTable(options.coded, options.machine_column);
  if (!coded) {
    context.err << "verbatim agree: " << FormatError(coded.error()) << '\n';
    return Outcome::kDataError;
  }
  std::vector<std::string> gold_ids, coded_ids;
  for (const CodedAnswer& a : *gold) gold_ids.push_back(a.id);
  for (const CodedAnswer& a : *coded) coded_ids.push_back(a.id);
  const IdMismatch mismatch = CompareAnswerIds(gold_ids, coded_ids);
  if (!options.subset && (!mismatch.gold_only.empty() || !mismatch.machine_only.empty())) {
    if (!mismatch.gold_only.empty()) {
      context.err << "verbatim agree: ids in " << options.gold << " but not in " << options.coded
                  << ": " << JoinIds(mismatch.gold_only, 20) << '\n';
    }
    if (!mismatch.machine_only.empty()) {
      context.err << "verbatim agree: ids in " << options.coded << " but not in " << options.gold
                  << ": " << JoinIds(mismatch.machine_only, 20) << '\n';
    }
    context.err << "verbatim agree: to score a validation sample on the answers both files hold, "
                   "pass --subset\n";
    return Outcome::kDataError;
  }

  std::unordered_map<std::string, const CodedAnswer*> machine_by_id;
  for (const CodedAnswer& a : *coded) machine_by_id[a.id] = &a;
  std::vector<AnswerCodes> answers;
  for (const CodedAnswer& g : *gold) {
    const auto found = machine_by_id.find(g.id);
    if (found == machine_by_id.end()) continue;  // --subset: gold only.
    const CodedAnswer& m = *found->second;
    answers.push_back(AnswerCodes{g.id, g.codes, m.codes, m.status == "disputed", m.evidence});
  }
  if (options.subset) {
    if (answers.empty()) {
      context.err << "verbatim agree: " << options.gold << " and " << options.coded
                  << " have no id in common; nothing to compare (do both use the same id "
                     "column?)\n";
      return Outcome::kDataError;
    }
    if (!mismatch.gold_only.empty()) {
      // Ids of a hand-coded sample missing from the run are likely mistakes: name them.
      context.err << "verbatim agree: warning: " << mismatch.gold_only.size() << " id(s) in "
                  << options.gold << " but not in " << options.coded
                  << " are left out: " << JoinIds(mismatch.gold_only, 20) << '\n';
    }
  }
  const std::vector<Diagnostic> unknown = CheckAnswerCodes(book, answers);
  if (!unknown.empty()) {
    for (const Diagnostic& d : unknown) context.err << "verbatim agree: " << d.message << '\n';
    return Outcome::kDataError;
  }
  auto report = ComputeAgreement(book, answers, ReviewFlags::kPresent);
  if (!report) {
    context.err << "verbatim agree: " << FormatError(report.error()) << '\n';
    return Outcome::kDataError;
  }
  if (options.subset) {
    report->subset = SubsetFigures{static_cast<int>(answers.size()),
                                   static_cast<int>(mismatch.gold_only.size()),
                                   static_cast<int>(mismatch.machine_only.size())};
  }
  const int resamples =
      options.bootstrap >= 0 ? options.bootstrap : (options.subset ? kDefaultResamples : 0);
  if (resamples > 0) {
    auto intervals = BootstrapAgreement(book, answers, resamples, options.seed);
    if (!intervals) {
      context.err << "verbatim agree: " << FormatError(intervals.error()) << '\n';
      return Outcome::kDataError;
    }
    report->intervals = *intervals;
  }
  context.out << "gold: " << options.gold << "\nmachine: " << options.coded << " (column '"
              << options.machine_column << "')\n\n";
  WriteAgreementTable(*report, context.out);

  if (!options.out.empty()) {
    const auto parent = std::filesystem::path(options.out).parent_path();
    std::error_code fs_error;
    if (!parent.empty()) std::filesystem::create_directories(parent, fs_error);
    auto file = AtomicFile::Open(options.out);
    if (!file) {
      context.err << "verbatim agree: " << FormatError(file.error()) << '\n';
      return Outcome::kDataError;
    }
    if (std::filesystem::path(options.out).extension() == ".json") {
      WriteAgreementJson(*report, (*file)->stream());
    } else {
      WriteAgreementCsv(*report, (*file)->stream(), DialectFor(options.excel_fr));
    }
    if (auto committed = (*file)->Commit(); !committed) {
      context.err << "verbatim agree: " << FormatError(committed.error()) << '\n';
      return Outcome::kDataError;
    }
    context.out << "\nWrote " << options.out << '\n';
  }
  return Outcome::kSuccess;
}

}  // namespace

CommandRunner SetupAgreeCommand(CLI::App& app) {
  auto options = std::make_shared<AgreeOptions>();
  app.add_option("--gold", options->gold,
                 "Gold coding: CSV with columns id,codes, or a REFI-QDA project (.qdpx) coded in "
                 "another tool (read as 'verbatim import qdpx' does)")
      ->required();
  app.add_option("--map", options->map,
                 "With a .qdpx gold: CSV with columns name,code mapping the tool's code names "
                 "to code ids (see 'verbatim import qdpx --help')");
  app.add_option("--coded", options->coded, "The coded.csv written by 'verbatim code'")->required();
  app.add_option("-c,--codebook", options->codebook,
                 "Codebook (default: the one named in run.json beside coded.csv)");
  app.add_option("-o,--out", options->out, "Also write the figures to FILE.csv or FILE.json");
  AddExcelFrFlag(app, &options->excel_fr);
  app.add_option("--machine-column", options->machine_column,
                 "Column of coded.csv with the machine's codes: 'proposed' (before review) or "
                 "'codes' (counted only)")
      ->capture_default_str();
  app.add_flag("--subset", options->subset,
               "Compare on the ids both files share (a hand-coded validation sample against a "
               "whole run); says how many were compared and left out, and adds bootstrap "
               "intervals");
  app.add_option("--bootstrap", options->bootstrap,
                 "Resamples for the 95% percentile intervals of micro F1 and kappa (default: "
                 "1000 with --subset, none without; 0: none)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--seed", options->seed, "Seed of the bootstrap resamples")->capture_default_str();
  return [options](CommandContext& context) { return RunAgree(*options, context); };
}

}  // namespace verbatim
