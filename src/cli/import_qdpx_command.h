// verbatim import qdpx PROJECT.qdpx --codebook CB --out gold.csv [--map NAMES.csv]
//
// Design: each `import` format is its own subcommand in its own file, added
// to the `import` parent (cmd_import.cc) by one line, so formats are added
// without touching each other.
#ifndef VERBATIM_CLI_IMPORT_QDPX_COMMAND_H_
#define VERBATIM_CLI_IMPORT_QDPX_COMMAND_H_

#include "cli/cmd_import.h"

namespace verbatim {

// Adds `qdpx` to `parent`: a REFI-QDA project's codings as the id,codes
// gold `verbatim agree` reads.
NestedCommand AddImportQdpxCommand(CLI::App& parent);

}  // namespace verbatim

#endif  // VERBATIM_CLI_IMPORT_QDPX_COMMAND_H_
