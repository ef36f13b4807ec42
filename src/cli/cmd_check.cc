// verbatim check CODEBOOK.yaml: every problem at once, then the examples.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "run/codebook_setup.h"
#include "cli/commands.h"
#include "core/codebook_checker.h"
#include "core/evidence.h"
#include "core/example_check.h"
#include "core/typo_reach.h"
#include "io/input/word_list.h"

namespace verbatim {
namespace {

struct CheckOptions {
  std::string codebook;
  bool skip_examples = false;
  bool verbose = false;
  bool dump_regexes = false;
  std::string typo_words;  // Optional word list for typo-reach warnings.
};

// One JSON object per pattern, in codebook order: the code, the role, the
// kind, the source as written (near: its groups), the weight and the
// normalized RE2 sources of its atoms (one, or one
// per near group). For benchmarks and baselines that search the same regexes
// with another engine.
void DumpRegexes(const CompiledCodebook& compiled, std::ostream& out) {
  const Codebook& book = compiled.codebook();
  for (const CompiledPattern& pattern : compiled.patterns()) {
    nlohmann::json line;
    line["code"] = book.codes[pattern.code].id;
    line["role"] = pattern.role == PatternRole::kInclude ? "include" : "exclude";
    line["kind"] = pattern.pattern->kind == PatternKind::kTerm     ? "term"
                   : pattern.pattern->kind == PatternKind::kPhrase ? "phrase"
                   : pattern.pattern->kind == PatternKind::kRegex  ? "regex"
                                                                  : "near";
    line["source"] = pattern.pattern->source;
    line["groups"] = pattern.pattern->groups;
    line["weight"] = pattern.pattern->weight;
    line["within"] = pattern.pattern->within;
    line["regexes"] = PatternRegexSources(*pattern.pattern, compiled.normalizer());
    out << line.dump() << '\n';
  }
}

Outcome RunCheck(const CheckOptions& options, CommandContext& context) {
  CompileOptions compile_options;
  compile_options.defer_generated_regexes = false;  // check compiles every regex.
  CodebookSetup setup = SetUpCodebook(options.codebook, compile_options);
  PrintDiagnostics(context.err, setup.diagnostics);
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : setup.diagnostics) {
    (d.severity == Severity::kError ? errors : warnings) += 1;
  }
  if (!setup.compiled) {
    context.out << fmt::format("{}: {} error(s), {} warning(s); examples not run\n", options.codebook,
                               errors, warnings);
    return Outcome::kDataError;
  }
  if (options.dump_regexes) {
    DumpRegexes(*setup.compiled, context.out);
    return Outcome::kSuccess;
  }
  std::vector<TypoReachWords> extra;
  if (!options.typo_words.empty()) {
    auto words = ReadWordList(options.typo_words, setup.compiled->normalizer());
    if (!words) {
      context.err << FormatError(words.error()) << '\n';
      return Outcome::kDataError;
    }
    extra.push_back(TypoReachWords{std::move(*words), "a word of " + options.typo_words});
  }
  std::vector<Diagnostic> lints = FindTypoReach(*setup.compiled, extra);
  for (Diagnostic& loose : FindLoosePhrases(setup.compiled->codebook())) {
    lints.push_back(std::move(loose));
  }
  SortByLocation(&lints);
  PrintDiagnostics(context.err, lints);
  warnings += lints.size();
  const Codebook& book = setup.compiled->codebook();
  context.out << fmt::format("{}: {} themes, {} codes, {} patterns; {} error(s), {} warning(s)\n",
                             options.codebook,
                             std::count_if(book.codes.begin(), book.codes.end(),
                                           [](const CodeDefinition& c) { return c.level == CodeLevel::kTheme; }),
                             book.codes.size(), setup.compiled->patterns().size(), errors, warnings);
  if (options.skip_examples) return Outcome::kSuccess;

  size_t passed = 0, failed = 0;
  for (const ExampleOutcome& outcome : RunExamples(*setup.compiled)) {
    const std::string& id = book.codes[outcome.code].id;
    const char* kind = outcome.kind == ExampleKind::kExample ? "example" : "counterexample";
    if (outcome.passed) {
      ++passed;
      if (options.verbose) context.out << fmt::format("PASS {} of {}: \"{}\"\n", kind, id, outcome.example->text);
      continue;
    }
    ++failed;
    const CodingResult& r = outcome.result;
    context.out << fmt::format(
        "{}: FAIL {} of {}: \"{}\"\n    {} {}; got status {}, counted [{}], proposed [{}]{}{}\n",
        FormatLocation(outcome.example->location), kind, id, outcome.example->text,
        outcome.kind == ExampleKind::kExample ? "expected" : "expected NOT", id,
        AnswerStatusName(r.status), JoinCodeIds(book, r.counted), JoinCodeIds(book, r.proposed),
        r.reasons.empty() ? "" : "; reasons: " + JoinReasonDetails(r),
        r.findings.empty() ? ""
                           : "\n    evidence: " +
                                 DescribeEvidence(*setup.compiled, r, outcome.example->text, 0));
  }
  context.out << fmt::format("examples: {} passed, {} failed\n", passed, failed);
  return failed == 0 ? Outcome::kSuccess : Outcome::kDataError;
}

}  // namespace

CommandRunner SetupCheckCommand(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  app.add_option("codebook", options->codebook, "YAML codebook")->required();
  app.add_flag("--no-examples", options->skip_examples, "Only validate; do not run the examples");
  app.add_flag("-v,--verbose", options->verbose, "List passing examples too");
  app.add_option("--typo-words", options->typo_words,
                 "A word list (one word per line, e.g. /usr/share/dict/french): warn about pattern "
                 "words whose typo tolerance reaches one of its words");
  app.add_flag("--dump-regexes", options->dump_regexes,
               "Print each pattern's normalized RE2 sources as JSON Lines (for benchmarks); "
               "nothing else");
  return [options](CommandContext& context) { return RunCheck(*options, context); };
}

}  // namespace verbatim
