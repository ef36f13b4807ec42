// verbatim terms --input FILE [--uncoded] [--codebook CB] [--stopwords FILE]
// [--out CSV]: the most frequent words and short phrases, inflections
// grouped, to find what a codebook misses.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/excel_fr_flag.h"
#include "cli/cli.h"
#include "run/coding_run.h"
#include "run/codebook_setup.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/output_file.h"
#include "cli/tool_codebook.h"
#include "core/coder.h"
#include "core/term_stats.h"
#include "core/words.h"
#include "io/input/word_list.h"
#include "io/output/terms_table.h"

namespace verbatim {
namespace {

struct TermsOptions {
  InputFlags input;
  bool uncoded = false;
  std::string codebook;  // Required: no default (tool_codebook.h).
  size_t top = 30;
  size_t min_count = 2;
  std::string stopwords;  // One word per line, added to the built-in list.
  std::string out;        // CSV of both lists, written atomically.
  bool excel_fr = false;
};

// An answer that got no code: uncoded, or disputed only for having none.
bool GotNoCode(const CodingResult& result) {
  if (result.status == AnswerStatus::kUncoded) return true;
  return std::any_of(result.reasons.begin(), result.reasons.end(),
                     [](const ReviewNote& note) { return note.reason == ReviewReason::kNoCode; });
}

Outcome RunTerms(const TermsOptions& options, CommandContext& context) {
  auto input_options = MakeInputOptions(options.input);
  if (!input_options) {
    context.err << "verbatim terms: " << input_options.error().message << '\n';
    return Outcome::kUsage;
  }
  auto normalizer = SharedNormalizer();
  if (!normalizer) {
    context.err << "verbatim terms: " << normalizer.error().message << '\n';
    return Outcome::kDataError;
  }
  std::unique_ptr<CompiledCodebook> codebook;
  if (options.uncoded && options.codebook.empty()) {
    context.err << CodebookRequiredMessage("terms --uncoded") << '\n';
    return Outcome::kUsage;
  }
  if (options.uncoded) {
    codebook = SetUpToolCodebook(options.codebook, "terms", context.err);
    if (!codebook) return Outcome::kDataError;
  }
  std::vector<std::string> extra_stopwords;
  if (!options.stopwords.empty()) {
    auto words = ReadWordList(options.stopwords, **normalizer);
    if (!words) {
      context.err << "verbatim terms: " << FormatError(words.error()) << '\n';
      return Outcome::kDataError;
    }
    extra_stopwords = std::move(*words);
  }
  std::unique_ptr<AtomicFile> csv_file;
  if (!options.out.empty()) {
    csv_file = OpenOutputFile(options.out, "terms", context.err);
    if (!csv_file) return Outcome::kOutputError;
  }
  auto reader = OpenInput(*input_options);
  if (!reader) {
    context.err << "verbatim terms: " << FormatError(reader.error()) << '\n';
    return Outcome::kDataError;
  }
  PrintInputNote(**reader, "verbatim terms", context.err);

  TermCounter counter(std::move(extra_stopwords));
  size_t with_text = 0, errors = 0;
  std::vector<WordToken> tokens;
  // Counts one answer's terms, unless it got a code (with --uncoded).
  auto count = [&](const InputRecord& record, const CodingResult* result) {
    if (!record.error.empty()) {
      ++errors;
      return;
    }
    const std::string normalized = (*normalizer)->Normalize(record.text);
    TokenizeWords(normalized, &tokens);
    if (tokens.empty()) return;
    ++with_text;
    if (result != nullptr && !GotNoCode(*result)) return;
    counter.Add(normalized);
  };
  if (codebook) {
    CallbackSink sink([&](const ResolvedAnswer& row) { count(*row.record, row.machine); });
    RowSink* sinks[] = {&sink};
    RunOptions run_options;
    run_options.check_duplicate_ids = false;
    if (auto run = CodeInput(**reader, *codebook, run_options, sinks); !run) {
      context.err << "verbatim terms: " << FormatError(run.error().error) << '\n';
      return Outcome::kInternal;
    }
  } else {
    InputRecord record;
    while ((*reader)->Next(&record)) count(record, nullptr);
  }

  if (codebook) {
    context.out << fmt::format("{}: {} of {} answers with text got no code (codebook {} {})\n",
                               options.input.path, counter.answers(), with_text,
                               codebook->codebook().info.id, codebook->codebook().info.version);
  } else {
    context.out << fmt::format("{}: {} answers with text\n", options.input.path, with_text);
  }
  context.out << fmt::format(
      "terms in at least {} answer(s), inflections grouped, stopwords{} left out; top {}\n\n",
      options.min_count, options.stopwords.empty() ? "" : " (and " + options.stopwords + ")",
      options.top);
  const std::vector<TermCount> words = counter.Top(TermLength::kWord, options.top, options.min_count);
  const std::vector<TermCount> phrases =
      counter.Top(TermLength::kPhrase, options.top, options.min_count);
  WriteTermsTable(context.out, "words", words, counter.answers());
  context.out << '\n';
  WriteTermsTable(context.out, "phrases (2-3 words)", phrases, counter.answers());
  if (csv_file) {
    WriteTermsCsv(csv_file->stream(), words, phrases, counter.answers(),
                  DialectFor(options.excel_fr));
    if (auto committed = csv_file->Commit(); !committed) {
      context.err << "verbatim terms: " << FormatError(committed.error()) << '\n';
      return Outcome::kOutputError;
    }
    context.out << "\nWrote " << options.out << " (" << words.size() + phrases.size()
                << " terms)\n";
  }
  if (errors > 0) {
    context.err << "verbatim terms: " << errors << " row(s) could not be read and were skipped\n";
    return Outcome::kDataError;
  }
  return Outcome::kSuccess;
}

}  // namespace

CommandRunner SetupTermsCommand(CLI::App& app) {
  auto options = std::make_shared<TermsOptions>();
  AddInputFlags(app, &options->input, InputRequirement::kRequired);
  app.add_flag("-u,--uncoded", options->uncoded,
               "Only answers that got no code (uncoded, or disputed for no_code)");
  app.add_option("-c,--codebook", options->codebook, "YAML codebook (required with --uncoded)");
  app.add_option("--top", options->top, "Terms shown per list")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{100000}));
  app.add_option("--min-count", options->min_count, "Fewest answers a term must be in")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1000000000}));
  app.add_option("--stopwords", options->stopwords,
                 "A file of more words to leave out, one per line (added to the built-in list)");
  app.add_option("-o,--out", options->out,
                 "Also write both lists as CSV (list,term,answers,percent,forms)");
  AddExcelFrFlag(app, &options->excel_fr);
  return [options](CommandContext& context) { return RunTerms(*options, context); };
}

}  // namespace verbatim
