// verbatim explain (--text TEXT | --id ID --input FILE) --codebook CB:
// how one answer is coded, from the one coding path.
#include <CLI/CLI.hpp>
#include <cstdlib>

#include "cli/cli.h"
#include "cli/color_choice.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/tool_codebook.h"
#include "core/coder.h"
#include "io/output/explain_report.h"

namespace verbatim {
namespace {

struct ExplainOptions {
  std::string codebook;  // Required: no default (tool_codebook.h).
  std::string text;
  std::string id;
  InputFlags input;
  std::string color = "auto";
};

// Finds the answer with this id. Returns false (with a message) when the
// input cannot be read or has no such answer.
// What the reader assumed of standard input goes to `err`, as `code` says it.
bool FindAnswer(const ExplainOptions& options, std::string* text, std::string* message,
                std::ostream& err) {
  auto input_options = MakeInputOptions(options.input);
  if (!input_options) return *message = input_options.error().message, false;
  auto reader = OpenInput(*input_options);
  if (!reader) return *message = FormatError(reader.error()), false;
  PrintInputNote(**reader, "verbatim explain", err);
  InputRecord record;
  while ((*reader)->Next(&record)) {
    if (record.id != options.id) continue;
    if (!record.error.empty()) return *message = record.error, false;
    *text = record.text;
    return true;
  }
  *message =
      "no answer with id '" + options.id + "' in " + options.input.path +
      (options.input.id_column.empty() ? " (ids are row numbers unless --id-column is given)" : "");
  return false;
}

Outcome RunExplain(const ExplainOptions& options, CommandContext& context) {
  const auto choice = ParseColorChoice(options.color);
  if (!choice) {
    context.err << "verbatim explain: --color must be auto, always or never\n";
    return Outcome::kUsage;
  }
  if (options.text.empty() == options.id.empty()) {
    context.err << "verbatim explain: give the answer with --text, or with --id and --input\n";
    return Outcome::kUsage;
  }
  if (options.codebook.empty()) {
    context.err << CodebookRequiredMessage("explain") << '\n';
    return Outcome::kUsage;
  }
  if (auto checked = MakeInputOptions(options.input); !checked) {
    context.err << "verbatim explain: " << checked.error().message << '\n';
    return Outcome::kUsage;
  }
  std::unique_ptr<CompiledCodebook> codebook =
      SetUpToolCodebook(options.codebook, "explain", context.err);
  if (!codebook) return Outcome::kDataError;

  std::string text = options.text;
  if (!options.id.empty()) {
    std::string message;
    if (!FindAnswer(options, &text, &message, context.err)) {
      context.err << "verbatim explain: " << message << '\n';
      return Outcome::kDataError;
    }
  }
  const CodingResult result = CodeAnswer(*codebook, text);
  const ColorMode color =
      ResolveColorMode(*choice, context.out_is_terminal, std::getenv("NO_COLOR"));
  WriteExplanation(context.out, *codebook, ExplainSubject{options.id, text}, result, color);
  return Outcome::kSuccess;
}

}  // namespace

CommandRunner SetupExplainCommand(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::Option* text = app.add_option("-t,--text", options->text, "The answer to explain");
  CLI::Option* id = app.add_option("--id", options->id, "Id of the answer in --input");
  CLI::Option* input = AddInputFlags(app, &options->input, InputRequirement::kOptional);
  text->excludes(id);
  id->needs(input);
  app.add_option("-c,--codebook", options->codebook, "YAML codebook (required)");
  app.add_option("--color", options->color,
                 "Colours: auto (a terminal and NO_COLOR unset), always, never")
      ->capture_default_str();
  return [options](CommandContext& context) { return RunExplain(*options, context); };
}

}  // namespace verbatim
