// `verbatim import <what>`: each nested subcommand sets itself up in its own
// file (cmd_import_<what>.cc) and is listed in SetupImportCommand, one line
// each.
#ifndef VERBATIM_CLI_CMD_IMPORT_H_
#define VERBATIM_CLI_CMD_IMPORT_H_

#include "cli/nested_command.h"

namespace verbatim {

// verbatim import dictionary FILE --format quanteda|liwc|wordstat --out CB.yaml
NestedCommand SetupImportDictionary(CLI::App& import);

}  // namespace verbatim

#endif  // VERBATIM_CLI_CMD_IMPORT_H_
