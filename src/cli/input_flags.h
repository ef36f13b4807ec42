// The input options shared by the analyst commands (explain, kwic, diff,
// terms): --input, --column, --id-column, --format, --delimiter, --encoding,
// with the
// same meaning as in `verbatim code` (io/input/input_reader.h).
#ifndef VERBATIM_CLI_INPUT_FLAGS_H_
#define VERBATIM_CLI_INPUT_FLAGS_H_

#include <ostream>
#include <string>

#include "core/status.h"
#include "io/input/input_reader.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace verbatim {

struct InputFlags {
  std::string path;
  std::string format = "auto";
  std::string column;
  std::string id_column;
  std::string delimiter;
  std::string encoding = "auto";
};

enum class InputRequirement { kRequired, kOptional };

// Adds the options to `app`, bound to `*flags` (which must outlive parsing).
// Returns the --input option, for constraints such as needs().
CLI::Option* AddInputFlags(CLI::App& app, InputFlags* flags, InputRequirement requirement);

// The same options but --input, for commands whose input is a positional
// argument (report).
void AddInputFormatFlags(CLI::App& app, InputFlags* flags);

// The reader's options. Errors (usage): an unknown --format or --encoding,
// a --delimiter that is not one character, "tab", "comma" or "semicolon".
Result<InputOptions> MakeInputOptions(const InputFlags& flags);
// Same, reading `path` whatever flags.path holds.
Result<InputOptions> MakeInputOptions(const std::string& path, const InputFlags& flags);

// Writes the reader's Note() to `err` as "COMMAND: note" when it has one.
void PrintInputNote(const RecordReader& reader, const char* command, std::ostream& err);

}  // namespace verbatim

#endif  // VERBATIM_CLI_INPUT_FLAGS_H_
