#include "cli/run_input.h"

namespace verbatim {

InputFlags InputFlagsOfRun(InputFlags given, const RunManifest& manifest) {
  auto fill = [&](std::string* flag, const char* key, const char* run_unset,
                  const char* default_value) {
    if (!flag->empty() && *flag != default_value) return;
    const auto found = manifest.settings.find(key);
    if (found == manifest.settings.end() || found->second.empty() || found->second == run_unset) {
      return;
    }
    *flag = found->second;
  };
  if (given.path.empty()) given.path = manifest.input_path;
  fill(&given.format, "format", "auto", "auto");
  fill(&given.column, "column", "", "");
  fill(&given.id_column, "id_column", "(row number)", "");
  fill(&given.delimiter, "delimiter", "auto", "");
  fill(&given.encoding, "encoding", "auto", "auto");
  if (given.format.empty()) given.format = "auto";
  if (given.encoding.empty()) given.encoding = "auto";
  return given;
}

}  // namespace verbatim
