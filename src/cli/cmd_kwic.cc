// verbatim kwic PATTERN --input FILE [--regex] [--width 40]
// [--sort input|left|right|match] [--limit N] [--out CSV]: keyword in
// context over every answer.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>

#include "cli/excel_fr_flag.h"
#include "cli/cli.h"
#include "run/codebook_setup.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/output_file.h"
#include "core/kwic.h"
#include "io/output/csv_writer.h"
#include "io/output/kwic_table.h"

namespace verbatim {
namespace {

struct KwicOptions {
  std::string pattern;
  InputFlags input;
  bool regex = false;
  size_t width = 40;
  KwicOrder order = KwicOrder::kInput;
  size_t limit = 0;  // 0: every hit.
  std::string out;   // CSV of the hits shown, written atomically.
  bool excel_fr = false;
};

// One hit, with what sorting and the CSV need.
struct KwicRow {
  KwicLine line;
  std::string key;  // Empty under KwicOrder::kInput.
  std::string left, match, right;  // The whole answer around the match.
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

  std::unique_ptr<AtomicFile> csv_file;
  if (!options.out.empty()) {
    csv_file = OpenOutputFile(options.out, "kwic", context.err);
    if (!csv_file) return Outcome::kOutputError;
  }

  std::vector<KwicRow> rows;
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
    const std::string_view text = record.text;
    for (const KwicHit& hit : hits) {
      KwicRow row;
      row.line = MakeKwicLine(record.id, text, hit, options.width);
      if (options.order != KwicOrder::kInput) row.key = matcher->SortKey(text, hit, options.order);
      if (csv_file) {
        row.left = text.substr(0, hit.begin);
        row.match = text.substr(hit.begin, hit.end - hit.begin);
        row.right = text.substr(hit.end);
      }
      rows.push_back(std::move(row));
    }
  }
  const size_t hit_count = rows.size();
  // Stable: equal keys keep input order.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const KwicRow& a, const KwicRow& b) { return a.key < b.key; });
  if (options.limit > 0 && rows.size() > options.limit) rows.resize(options.limit);
  std::vector<KwicLine> lines;
  for (const KwicRow& row : rows) lines.push_back(row.line);
  WriteKwicLines(context.out, lines);
  const Pattern& pattern = matcher->pattern();
  std::string shown;
  if (rows.size() < hit_count) shown += fmt::format("; {} shown", rows.size());
  if (options.order != KwicOrder::kInput) {
    shown += fmt::format("; sorted by {}", options.order == KwicOrder::kMatch
                                               ? "the match"
                                               : std::string(KwicOrderName(options.order)) +
                                                     " context");
  }
  context.out << fmt::format("{}{} '{}': {} hit(s) in {} of {} answers{}\n",
                             lines.empty() ? "" : "\n", PatternKindName(pattern.kind),
                             pattern.source, hit_count, answers_hit, answers, shown);
  if (csv_file) {
    WriteCsvPreamble(csv_file->stream(), DialectFor(options.excel_fr));
    CsvWriter csv(csv_file->stream(), CsvDelimiter(DialectFor(options.excel_fr)));
    csv.WriteRow({"id", "left", "match", "right"});
    for (const KwicRow& row : rows) csv.WriteRow({row.line.id, row.left, row.match, row.right});
    if (auto committed = csv_file->Commit(); !committed) {
      context.err << "verbatim kwic: " << FormatError(committed.error()) << '\n';
      return Outcome::kOutputError;
    }
    context.out << "Wrote " << options.out << " (" << rows.size() << " hits)\n";
  }
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
  const std::map<std::string, KwicOrder> orders = {{"input", KwicOrder::kInput},
                                                   {"left", KwicOrder::kLeft},
                                                   {"right", KwicOrder::kRight},
                                                   {"match", KwicOrder::kMatch}};
  app.add_option("--sort", options->order,
                 "Line order: input (default), left (by the words before the match, nearest "
                 "first), right (by the words after it), match (by the matched text)")
      ->transform(CLI::CheckedTransformer(orders, CLI::ignore_case));
  app.add_option("-n,--limit", options->limit, "Show at most N hits (after sorting); 0: all")
      ->capture_default_str();
  app.add_option("-o,--out", options->out,
                 "Also write the hits shown as CSV (id,left,match,right: the whole answer around "
                 "each match)");
  AddExcelFrFlag(app, &options->excel_fr);
  return [options](CommandContext& context) { return RunKwic(*options, context); };
}

}  // namespace verbatim
