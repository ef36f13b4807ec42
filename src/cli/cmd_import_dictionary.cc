// verbatim import dictionary FILE [--format quanteda|liwc|wordstat] --out CB.yaml
//                            [--id ID] [--language CODE]
// What cannot be carried over goes to stderr, one line each, and into the
// codebook's opening comment, so the list travels with the file.
#include <filesystem>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/cmd_import.h"
#include "cli/output_file.h"
#include "core/codebook_checker.h"
#include "core/dictionary.h"
#include "io/input/codebook_loader.h"
#include "io/input/dictionary_reader.h"
#include "io/output/codebook_writer.h"

namespace verbatim {
namespace {

constexpr std::string_view kCommand = "import dictionary";

struct ImportDictionaryOptions {
  std::string file;
  std::string format;  // Default: from the file's extension.
  std::string out;
  std::string id;      // Default: from the file's name.
  std::string language = "en";
};

bool IsValidId(const std::string& id) {
  return !id.empty() && id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") ==
                            std::string::npos;
}

std::string NoteLine(const DictionaryNote& note) {
  return FormatLocation(note.location) + ": " + note.message;
}

Outcome RunImportDictionary(const ImportDictionaryOptions& options, CommandContext& context) {
  const std::string prefix = fmt::format("verbatim {}: ", kCommand);
  std::optional<DictionaryFormat> format = options.format.empty()
                                               ? DictionaryFormatFromPath(options.file)
                                               : ParseDictionaryFormat(options.format);
  if (!format) {
    context.err << prefix
                << (options.format.empty()
                        ? "cannot tell the format from the file's extension: pass --format "
                          "quanteda, liwc or wordstat\n"
                        : "unknown --format '" + options.format +
                              "': use quanteda, liwc or wordstat\n");
    return Outcome::kUsage;
  }
  if (!options.id.empty() && !IsValidId(options.id)) {
    context.err << prefix << "--id must be [a-z0-9_]+, not '" << options.id << "'\n";
    return Outcome::kUsage;
  }
  auto normalizer = Normalizer::Create();
  if (!normalizer) {
    context.err << prefix << FormatError(normalizer.error()) << '\n';
    return Outcome::kInternal;
  }
  Result<Dictionary> dictionary = ReadDictionaryFile(options.file, *format);
  if (!dictionary) {
    context.err << prefix << FormatError(dictionary.error()) << '\n';
    return Outcome::kDataError;
  }
  const std::string file_name = std::filesystem::path(options.file).filename().string();
  DictionaryCodebookOptions convert;
  convert.id = options.id;
  if (convert.id.empty()) {
    convert.id = SlugForId(std::filesystem::path(options.file).stem().string(), **normalizer);
    if (convert.id.empty()) convert.id = "dictionary";
  }
  convert.language = options.language;
  convert.description = fmt::format("Imported from the {} dictionary {} by verbatim import "
                                    "dictionary.",
                                    DictionaryFormatName(*format), file_name);
  const DictionaryCodebook imported = DictionaryToCodebook(*dictionary, convert, **normalizer);

  std::vector<std::string> comments = {
      fmt::format("Imported by `verbatim import dictionary` from {} ({}).", file_name,
                  DictionaryFormatName(*format)),
      "Negation is off (negation_window: 0): a dictionary counts words whatever surrounds them."};
  if (imported.notes.empty()) {
    comments.push_back("Everything in the dictionary was carried over.");
  } else {
    comments.push_back(fmt::format("Not carried over, or carried differently ({}):",
                                   imported.notes.size()));
    for (const DictionaryNote& note : imported.notes) comments.push_back("  " + NoteLine(note));
  }
  std::ostringstream yaml;
  WriteCodebookYaml(imported.codebook, comments, yaml);

  // The codebook is read back as `check` reads it before it is written: an
  // error here is a bug of the importer, and no file is left behind.
  LoadedCodebook reread = LoadCodebookText(yaml.str(), options.out);
  std::vector<Diagnostic> problems = std::move(reread.diagnostics);
  if (!HasErrors(problems)) {
    for (Diagnostic& d : CheckCodebook(reread.codebook)) problems.push_back(std::move(d));
  }
  if (HasErrors(problems)) {
    for (const Diagnostic& d : problems) {
      if (d.severity == Severity::kError) context.err << prefix << FormatDiagnostic(d) << '\n';
    }
    context.err << prefix << "the codebook made from " << options.file
                << " does not load; nothing written\n";
    return Outcome::kInternal;
  }

  for (const DictionaryNote& note : imported.notes) {
    context.err << NoteLine(note) << '\n';
  }
  std::unique_ptr<AtomicFile> out = OpenOutputFile(options.out, kCommand, context.err);
  if (!out) return Outcome::kOutputError;
  out->stream() << yaml.str();
  if (auto committed = out->Commit(); !committed) {
    context.err << prefix << FormatError(committed.error()) << '\n';
    return Outcome::kOutputError;
  }
  size_t themes = 0, subthemes = 0, patterns = 0;
  for (const CodeDefinition& code : imported.codebook.codes) {
    (code.level == CodeLevel::kTheme ? themes : subthemes) += 1;
    patterns += code.patterns.size();
  }
  context.out << fmt::format("{}: {} themes, {} subthemes, {} patterns from {} ({}); {} note(s) "
                             "on what was not carried over{}\n",
                             options.out, themes, subthemes, patterns, options.file,
                             DictionaryFormatName(*format), imported.notes.size(),
                             imported.notes.empty() ? "" : " (listed above and atop the codebook)");
  return Outcome::kSuccess;
}

}  // namespace

NestedCommand SetupImportDictionary(CLI::App& import) {
  CLI::App* app = import.add_subcommand(
      "dictionary",
      "Turn a quanteda (YAML), LIWC (.dic) or WordStat (.CAT) dictionary into a codebook; "
      "list what it cannot carry over");
  auto options = std::make_shared<ImportDictionaryOptions>();
  app->add_option("file", options->file, "The dictionary file")->required();
  app->add_option("--format", options->format,
                  "quanteda, liwc or wordstat (default: from the extension: .yml/.yaml, .dic, "
                  ".cat)");
  app->add_option("-o,--out", options->out, "The codebook to write (YAML)")->required();
  app->add_option("--id", options->id, "Codebook id, [a-z0-9_]+ (default: from the file's name)");
  app->add_option("--language", options->language, "Codebook language")->capture_default_str();
  return {app, [options](CommandContext& context) { return RunImportDictionary(*options, context); }};
}

}  // namespace verbatim
