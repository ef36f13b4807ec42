// The input flags every coding subcommand shares (--format, --column,
// --id-column, --delimiter), parsed into io's InputOptions in one place.
//
// Design: `report` uses it; `code` has its own copy of the same flags for
// now and can switch to this with no change of behaviour (same names, same
// help, same messages).
#ifndef VERBATIM_CLI_INPUT_FLAGS_H_
#define VERBATIM_CLI_INPUT_FLAGS_H_

#include <string>

#include "core/status.h"
#include "io/input_reader.h"

namespace CLI {
class App;
}

namespace verbatim {

struct InputFlags {
  std::string format = "auto";
  std::string column;
  std::string id_column;
  std::string delimiter;
};

// Adds --format, --column, --id-column and --delimiter to `app`, bound to
// `flags`. REQUIRES: `flags` outlives `app`'s parsing.
void AddInputFlags(CLI::App& app, InputFlags* flags);

// InputOptions for reading `path`. Errors (usage errors: the caller exits
// with kExitUsage) are an unknown --format and a --delimiter that is not one
// character, "tab", "comma" or "semicolon".
Result<InputOptions> MakeInputOptions(const std::string& path, const InputFlags& flags);

}  // namespace verbatim

#endif  // VERBATIM_CLI_INPUT_FLAGS_H_
