#include "cli/run_input.h"

namespace verbatim {

Result<InputOptions> RunInputOptions(const InputOverrides& options, const RunManifest& manifest) {
  InputOptions input;
  input.path = options.input.empty() ? manifest.input_path : options.input;
  auto setting = [&](const std::string& given, const char* key, const char* none) {
    if (!given.empty()) return given;
    const auto found = manifest.settings.find(key);
    if (found == manifest.settings.end() || found->second == none) return std::string();
    return found->second;
  };
  input.column = setting(options.column, "column", "");
  input.id_column = setting(options.id_column, "id_column", "(row number)");
  const std::string format = setting(options.format, "format", "auto");
  const auto parsed = ParseInputFormat(format.empty() ? "auto" : format);
  if (!parsed) return MakeError("unknown input format '" + format + "'");
  input.format = *parsed;
  const std::string encoding = setting("", "encoding", "auto");
  const auto parsed_encoding = ParseInputEncoding(encoding.empty() ? "auto" : encoding);
  if (!parsed_encoding) return MakeError("unknown input encoding '" + encoding + "'");
  input.encoding = *parsed_encoding;
  const std::string delimiter = setting(options.delimiter, "delimiter", "auto");
  if (delimiter == "tab" || delimiter == "\\t") {
    input.delimiter = '\t';
  } else if (delimiter == "comma") {
    input.delimiter = ',';
  } else if (delimiter == "semicolon") {
    input.delimiter = ';';
  } else if (delimiter.size() == 1) {
    input.delimiter = delimiter[0];
  } else if (!delimiter.empty()) {
    return MakeError("unknown delimiter '" + delimiter + "'");
  }
  return input;
}

}  // namespace verbatim
