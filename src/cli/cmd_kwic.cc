// verbatim kwic PATTERN --input FILE [--regex] [--width 40]: keyword in
// context over every answer.
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "run/codebook_setup.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "core/kwic.h"
#include "io/output/kwic_table.h"

namespace verbatim {
namespace {

struct KwicOptions {
  std::string pattern;
  InputFlags input;
  bool regex = false;
  size_t width = 40;
};

Outcome RunKwic(const KwicOptions& options, CommandContext& context) {
  auto input_options = MakeInputOptions(options.input);
  if (!input_options) {
    context.err << "verbatim kwic: " << input_options.error().message << '\n';
    return Outcome::kUsage;
  }
  auto normalizer = SharedNormalizer();
  if (!normalizer) {
    context.err << "verbatim kwic: " << normalizer.error().message << '\n';
    return Outcome::kDataError;
  }
  auto matcher = KwicMatcher::Create(
      options.pattern, options.regex ? KwicSyntax::kRegex : KwicSyntax::kKeyword, *normalizer);
  if (!matcher) {
    context.err << "verbatim kwic: " << matcher.error().message << '\n';
    return Outcome::kUsage;
  }
  auto reader = OpenInput(*input_options);
  if (!reader) {
    context.err << "verbatim kwic: " << FormatError(reader.error()) << '\n';
    return Outcome::kDataError;
  }
  PrintInputNote(**reader, "verbatim kwic", context.err);

  std::vector<KwicLine> lines;
  size_t answers = 0, answers_hit = 0, errors = 0;
  InputRecord record;
  while ((*reader)->Next(&record)) {
    if (!record.error.empty()) {
      ++errors;
      continue;
    }
    ++answers;
    const std::vector<KwicHit> hits = matcher->Find(record.text);
    if (!hits.empty()) ++answers_hit;
    for (const KwicHit& hit : hits) {
      lines.push_back(MakeKwicLine(record.id, record.text, hit, options.width));
    }
  }
  WriteKwicLines(context.out, lines);
  const Pattern& pattern = matcher->pattern();
  context.out << fmt::format("{}{} '{}': {} hit(s) in {} of {} answers\n",
                             lines.empty() ? "" : "\n", PatternKindName(pattern.kind),
                             pattern.source, lines.size(), answers_hit, answers);
  if (errors > 0) {
    context.err << "verbatim kwic: " << errors << " row(s) could not be read and were skipped\n";
    return Outcome::kDataError;
  }
  return Outcome::kSuccess;
}

}  // namespace

CommandRunner SetupKwicCommand(CLI::App& app) {
  auto options = std::make_shared<KwicOptions>();
  app.add_option("pattern", options->pattern,
                 "A codebook term (revalori* is a stem), phrase (with a space), or with --regex "
                 "an RE2 regex on normalized text")
      ->required();
  AddInputFlags(app, &options->input, InputRequirement::kRequired);
  app.add_flag("--regex", options->regex, "PATTERN is an RE2 regex on normalized text");
  app.add_option("-w,--width", options->width, "Columns of context on each side")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1000}));
  return [options](CommandContext& context) { return RunKwic(*options, context); };
}

}  // namespace verbatim
