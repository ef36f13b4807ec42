// verbatim import <what>: files made by other tools, turned into verbatim's.
#include "cli/cmd_import.h"

#include <CLI/CLI.hpp>
#include <vector>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/import_qdpx_command.h"

namespace verbatim {

CommandRunner SetupImportCommand(CLI::App& app) {
  app.require_subcommand(1);
  const std::vector<NestedCommand> nested = {
      AddImportQdpxCommand(app),
      SetupImportDictionary(app),
  };
  return [nested](CommandContext& context) {
    for (const NestedCommand& command : nested) {
      if (command.app->parsed()) return command.run(context);
    }
    return Outcome::kUsage;
  };
}

}  // namespace verbatim
