#include "cli/code_command.h"

#include <cassert>

#include "cli/shell_word.h"

namespace verbatim {
namespace {

// A setting recorded with a value, and the flag that sets it; `unset` is the
// recorded value that means the flag was not given.
struct ValueFlag {
  const char* key;
  const char* flag;
  const char* unset;
};

// Order: how the user reads the input, then what the run writes.
constexpr ValueFlag kValueFlags[] = {{"format", "--format", "auto"},
                                     {"encoding", "--encoding", "auto"},
                                     {"delimiter", "--delimiter", "auto"},
                                     {"column", "--column", ""},
                                     {"id_column", "--id-column", "(row number)"},
                                     {"review_format", "--review-format", "csv"},
                                     {"keep", "--keep", ""},
                                     {"by", "--by", ""}};

}  // namespace

std::string CodeCommandLine(const RunManifest& manifest, const std::string& out_dir,
                            const std::string& decisions) {
  assert(!manifest.input_path.empty() && !manifest.codebook_path.empty());
  std::string line = "verbatim code " + ShellWord(manifest.input_path) + " --codebook " +
                     ShellWord(manifest.codebook_path);
  for (const ValueFlag& flag : kValueFlags) {
    const auto found = manifest.settings.find(flag.key);
    if (found == manifest.settings.end() || found->second.empty() ||
        found->second == flag.unset) {
      continue;
    }
    line += std::string(" ") + flag.flag + " " + ShellWord(found->second);
  }
  if (const auto dialect = manifest.settings.find("review_dialect");
      dialect != manifest.settings.end() && dialect->second == "excel-fr") {
    line += " --excel-fr";
  }
  if (const auto xlsx = manifest.settings.find("counts_xlsx");
      xlsx != manifest.settings.end() && xlsx->second == "true") {
    line += " --counts-xlsx";
  }
  line += " --out " + ShellWord(out_dir.empty() ? "." : out_dir) + " --decisions " +
          ShellWord(decisions);
  return line;
}

}  // namespace verbatim
