// verbatim import <what>: files made by other tools, turned into verbatim's.
#include "cli/cmd_import.h"

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/import_qdpx_command.h"

namespace verbatim {

CommandRunner SetupImportCommand(CLI::App& app) {
  return RunNestedCommand(app, {
                                   AddImportQdpxCommand(app),
                                   SetupImportDictionary(app),
                               });
}

}  // namespace verbatim
