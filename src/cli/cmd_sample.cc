// verbatim sample [INPUT] --n N --seed S --out DIR [--run DIR] [--stratify-by status|code]
// [input flags]: a random sample of answers for hand coding (core/sampling.h,
// io/output/sample_table.h). With --run, the run's run.json says how to read
// the input (cli/run_input.h) wherever the command line does not.
#include <filesystem>
#include <unordered_map>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/run_input.h"
#include "cli/shell_word.h"
#include "core/sampling.h"
#include "io/input/code_sets_reader.h"
#include "io/input/input_reader.h"
#include "io/input/run_manifest_reader.h"
#include "io/output/output_set.h"
#include "io/output/sample_table.h"

namespace verbatim {
namespace {

struct SampleOptions {
  std::string input;
  InputFlags input_flags;
  size_t n = 0;
  uint64_t seed = 0;
  std::string stratify_by;
  std::string run;
  std::string out_dir;
  bool force = false;
};

// The stratum of a coded row: its status, or the theme of its first final
// code (the id up to its first '.'), "(no code)" without one.
std::string StratumOf(const CodedAnswer& row, const std::string& by) {
  if (by == "status") return row.status;
  if (row.codes.empty()) return "(no code)";
  return row.codes.front().substr(0, row.codes.front().find('.'));
}

Outcome RunSample(const SampleOptions& options, CommandContext& context) {
  if (!options.stratify_by.empty() && options.stratify_by != "status" &&
      options.stratify_by != "code") {
    context.err << "verbatim sample: --stratify-by must be 'status' or 'code', not '"
                << options.stratify_by << "'\n";
    return Outcome::kUsage;
  }
  if (!options.stratify_by.empty() && options.run.empty()) {
    context.err << "verbatim sample: --stratify-by needs --run DIR (the folder of the 'verbatim "
                   "code' run whose coded.csv gives each answer's status and codes)\n";
    return Outcome::kUsage;
  }
  if (options.n == 0) {
    context.err << "verbatim sample: --n must be at least 1\n";
    return Outcome::kUsage;
  }
  InputFlags flags = options.input_flags;
  flags.path = options.input;
  if (!options.run.empty()) {
    // The sample must come from the run's answers, read as the run read
    // them (same ids): run.json fills what the command line leaves out.
    const std::string manifest_path = (std::filesystem::path(options.run) / "run.json").string();
    if (std::filesystem::exists(manifest_path)) {
      auto manifest = ReadRunManifest(manifest_path);
      if (!manifest) {
        context.err << "verbatim sample: " << FormatError(manifest.error()) << '\n';
        return Outcome::kDataError;
      }
      flags = InputFlagsOfRun(flags, *manifest);
    } else if (flags.path.empty()) {
      context.err << "verbatim sample: no INPUT given and no run.json in " << options.run
                  << " to name the run's input\n";
      return Outcome::kUsage;
    }
  }
  if (flags.path.empty()) {
    context.err << "verbatim sample: give the answers to draw from (INPUT), or --run DIR of the "
                   "'verbatim code' run whose run.json names them\n";
    return Outcome::kUsage;
  }
  const std::string& input = flags.path;
  auto input_options = MakeInputOptions(flags);
  if (!input_options) {
    context.err << "verbatim sample: " << input_options.error().message << '\n';
    return Outcome::kUsage;
  }
  const std::filesystem::path dir(options.out_dir);
  const std::string csv_path = (dir / "sample.csv").string();
  const std::string xlsx_path = (dir / "sample.xlsx").string();
  const std::string strata_path = (dir / "sample_strata.csv").string();
  // A filled sample is hours of hand coding: never overwritten silently.
  for (const std::string& path : {csv_path, xlsx_path}) {
    if (!options.force && std::filesystem::exists(path)) {
      context.err << "verbatim sample: " << path
                  << " exists (it may hold hand coding); choose another --out, or pass --force "
                     "to replace it. Nothing was written.\n";
      return Outcome::kDataError;
    }
  }

  // The population: answers that can be read and have text.
  auto reader = OpenInput(*input_options);
  if (!reader) {
    context.err << "verbatim sample: " << FormatError(reader.error()) << '\n';
    return Outcome::kDataError;
  }
  PrintInputNote(**reader, "verbatim sample", context.err);
  std::vector<SampledAnswer> population;
  size_t skipped = 0;
  InputRecord record;
  while ((*reader)->Next(&record)) {
    if (!record.error.empty() ||
        record.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      ++skipped;
      continue;
    }
    population.push_back(SampledAnswer{record.id, record.text, ""});
  }

  // Strata: every answer in one, in order of first appearance in the input.
  std::vector<std::string> stratum_names;
  std::vector<std::vector<size_t>> strata;
  if (options.stratify_by.empty()) {
    strata.emplace_back(population.size());
    for (size_t i = 0; i < population.size(); ++i) strata[0][i] = i;
  } else {
    const std::string coded_path = (std::filesystem::path(options.run) / "coded.csv").string();
    auto coded = ReadCodedTable(coded_path, "codes");
    if (!coded) {
      context.err << "verbatim sample: " << FormatError(coded.error()) << '\n';
      return Outcome::kDataError;
    }
    std::unordered_map<std::string, const CodedAnswer*> by_id;
    for (const CodedAnswer& row : *coded) by_id.emplace(row.id, &row);
    std::unordered_map<std::string, size_t> index_of;
    size_t missing = 0;
    std::string first_missing;
    for (size_t i = 0; i < population.size(); ++i) {
      const auto found = by_id.find(population[i].id);
      if (found == by_id.end()) {
        if (missing++ == 0) first_missing = population[i].id;
        continue;
      }
      const std::string name = StratumOf(*found->second, options.stratify_by);
      auto [it, added] = index_of.try_emplace(name, strata.size());
      if (added) {
        stratum_names.push_back(name);
        strata.emplace_back();
      }
      strata[it->second].push_back(i);
      population[i].stratum = name;
    }
    if (missing > 0) {
      context.err << fmt::format(
          "verbatim sample: {} answer(s) of {} are not in {} (first: id '{}'); the sample must "
          "come from the run's answers: give the same input and --id-column as the run\n",
          missing, input, coded_path, first_missing);
      return Outcome::kDataError;
    }
  }
  if (population.empty()) {
    context.err << "verbatim sample: " << input << " has no answer with text\n";
    return Outcome::kDataError;
  }

  std::vector<size_t> per_stratum;
  auto chosen = DrawStratifiedSample(strata, options.n, options.seed, &per_stratum);
  if (!chosen) {
    context.err << "verbatim sample: " << chosen.error().message
                << "; ask for a larger --n or stratify by status\n";
    return Outcome::kUsage;
  }
  std::vector<SampledAnswer> sample;
  for (size_t index : *chosen) sample.push_back(population[index]);

  std::error_code fs_error;
  std::filesystem::create_directories(dir, fs_error);
  OutputSet outputs;
  auto csv = outputs.Open(csv_path);
  auto xlsx = csv ? outputs.Open(xlsx_path) : csv;
  if (!csv || !xlsx) {
    context.err << "verbatim sample: " << FormatError((csv ? xlsx : csv).error()) << '\n';
    return Outcome::kOutputError;
  }
  WriteSampleCsv(sample, **csv);
  if (auto written = WriteSampleXlsx(sample, **xlsx); !written) {
    context.err << "verbatim sample: " << FormatError(written.error()) << '\n';
    return Outcome::kOutputError;
  }
  if (!options.stratify_by.empty()) {
    auto strata_file = outputs.Open(strata_path);
    if (!strata_file) {
      context.err << "verbatim sample: " << FormatError(strata_file.error()) << '\n';
      return Outcome::kOutputError;
    }
    WriteSampleStrata(sample, **strata_file);
  }
  if (auto committed = outputs.Commit(); !committed) {
    context.err << "verbatim sample: " << FormatError(committed.error()) << '\n';
    return Outcome::kOutputError;
  }

  context.out << fmt::format("Drew {} of {} answers with text from {} (seed {}){}\n",
                             sample.size(), population.size(), input, options.seed,
                             skipped > 0 ? fmt::format("; {} row(s) without text or unreadable "
                                                       "left out", skipped)
                                         : std::string());
  if (!options.stratify_by.empty()) {
    context.out << "By " << options.stratify_by
                << " (proportional, at least one per stratum):\n";
    for (size_t s = 0; s < strata.size(); ++s) {
      context.out << fmt::format("  {:<24} {:>5} of {:>6}\n", stratum_names[s], per_stratum[s],
                                 strata[s].size());
    }
  }
  context.out << "Wrote " << csv_path << " and " << xlsx_path
              << (options.stratify_by.empty() ? "" : " (strata apart, in " + strata_path + ")")
              << ".\nFill the codes column (code ids separated by ';', empty for none), keep it "
                 "as CSV, then score the run on it:\n  verbatim agree --gold "
              << ShellWord(csv_path) << " --coded "
              << ShellWord(options.run.empty() ? "RUN/coded.csv"
                                               : (std::filesystem::path(options.run) / "coded.csv")
                                                     .string())
              << " --subset\n";
  return Outcome::kSuccess;
}

}  // namespace

CommandRunner SetupSampleCommand(CLI::App& app) {
  auto options = std::make_shared<SampleOptions>();
  app.add_option("input", options->input,
                 "Answers: CSV, JSON Lines or text (default with --run: the run's input)");
  AddInputFormatFlags(app, &options->input_flags);
  app.add_option("-n,--n", options->n, "How many answers to draw")->required();
  app.add_option("--seed", options->seed,
                 "Seed: the same seed, input and options draw the same sample on every machine")
      ->required();
  app.add_option("--stratify-by", options->stratify_by,
                 "Draw proportionally from each stratum, at least one per stratum: 'status' "
                 "(coded, uncoded, disputed, error) or 'code' (the theme of the first final "
                 "code); needs --run");
  app.add_option("--run", options->run,
                 "The output folder of the 'verbatim code' run of INPUT: its run.json says how to "
                 "read the input (path, format, column, id column, delimiter, encoding) where "
                 "flags do not; with --stratify-by its coded.csv gives each answer's status and "
                 "codes");
  app.add_option("-o,--out", options->out_dir,
                 "Folder for sample.csv and sample.xlsx (and sample_strata.csv)")
      ->required();
  app.add_flag("--force", options->force, "Replace an existing sample.csv / sample.xlsx");
  return [options](CommandContext& context) { return RunSample(*options, context); };
}

}  // namespace verbatim
