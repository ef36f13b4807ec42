#include "cli/input_flags.h"

#include <CLI/CLI.hpp>

namespace verbatim {

void AddInputFormatFlags(CLI::App& app, InputFlags* flags) {
  app.add_option("--column", flags->column,
                 "Text column: header name or 1-based index (default: the question column)");
  app.add_option("--id-column", flags->id_column,
                 "Id column: header name or 1-based index (default: a column named id, ResponseId, "
                 "respondent_id or identifiant, else the row number)");
  app.add_option("--format", flags->format, "Input format: auto, csv, jsonl, text")
      ->capture_default_str();
  app.add_option("--delimiter", flags->delimiter,
                 "CSV delimiter: ',', ';', 'tab' (default: detected from the header)");
  app.add_option("--encoding", flags->encoding,
                 "Input encoding: auto (UTF-8, or UTF-16 with a byte order mark), utf-8, "
                 "utf-16, windows-1252 (cp1252), iso-8859-15 (latin9), iso-8859-1 (latin1)")
      ->capture_default_str();
}

CLI::Option* AddInputFlags(CLI::App& app, InputFlags* flags, InputRequirement requirement) {
  CLI::Option* input =
      app.add_option("-i,--input", flags->path, "Answers: CSV, JSON Lines or text ('-' for stdin)");
  if (requirement == InputRequirement::kRequired) input->required();
  AddInputFormatFlags(app, flags);
  return input;
}

Result<InputOptions> MakeInputOptions(const std::string& path, const InputFlags& flags) {
  InputFlags with_path = flags;
  with_path.path = path;
  return MakeInputOptions(with_path);
}

Result<InputOptions> MakeInputOptions(const InputFlags& flags) {
  InputOptions options;
  options.path = flags.path;
  options.column = flags.column;
  options.id_column = flags.id_column;
  const auto format = ParseInputFormat(flags.format);
  if (!format) {
    return MakeError("unknown --format '" + flags.format + "' (use csv, jsonl, text or auto)");
  }
  options.format = *format;
  const auto encoding = ParseInputEncoding(flags.encoding);
  if (!encoding) {
    return MakeError("unknown --encoding '" + flags.encoding +
                     "' (use auto, utf-8, utf-16, windows-1252, iso-8859-15 or iso-8859-1)");
  }
  options.encoding = *encoding;
  const std::string& d = flags.delimiter;
  if (d.empty()) {
    options.delimiter = 0;
  } else if (d == "tab" || d == "\\t") {
    options.delimiter = '\t';
  } else if (d == "comma") {
    options.delimiter = ',';
  } else if (d == "semicolon") {
    options.delimiter = ';';
  } else if (d.size() == 1) {
    options.delimiter = d[0];
  } else {
    return MakeError("--delimiter must be one character, 'tab', 'comma' or 'semicolon'");
  }
  return options;
}

void PrintInputNote(const RecordReader& reader, const char* command, std::ostream& err) {
  const std::string note = reader.Note();
  if (!note.empty()) err << command << ": " << note << '\n';
}

}  // namespace verbatim
