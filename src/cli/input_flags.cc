#include "cli/input_flags.h"

#include <CLI/CLI.hpp>

namespace verbatim {
namespace {

// One character, or the words "tab", "comma", "semicolon"; empty: detect.
bool ParseDelimiter(const std::string& text, char* delimiter) {
  if (text.empty()) return *delimiter = 0, true;
  if (text == "tab" || text == "\\t") return *delimiter = '\t', true;
  if (text == "comma") return *delimiter = ',', true;
  if (text == "semicolon") return *delimiter = ';', true;
  if (text.size() == 1) return *delimiter = text[0], true;
  return false;
}

}  // namespace

void AddInputFlags(CLI::App& app, InputFlags* flags) {
  app.add_option("--format", flags->format, "Input format: auto, csv, jsonl, text")
      ->capture_default_str();
  app.add_option("--column", flags->column,
                 "Text column: header name or 1-based index (default: the question column)");
  app.add_option("--id-column", flags->id_column,
                 "Id column: header name or 1-based index (default: the row number)");
  app.add_option("--delimiter", flags->delimiter,
                 "CSV delimiter: ',', ';', 'tab' (default: detected from the header)");
}

Result<InputOptions> MakeInputOptions(const std::string& path, const InputFlags& flags) {
  InputOptions options;
  options.path = path;
  options.column = flags.column;
  options.id_column = flags.id_column;
  const auto format = ParseInputFormat(flags.format);
  if (!format)
    return MakeError("unknown --format '" + flags.format + "' (use csv, jsonl, text or auto)");
  options.format = *format;
  if (!ParseDelimiter(flags.delimiter, &options.delimiter)) {
    return MakeError("--delimiter must be one character, 'tab', 'comma' or 'semicolon'");
  }
  return options;
}

}  // namespace verbatim
