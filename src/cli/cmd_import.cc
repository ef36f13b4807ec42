// verbatim import <what>: files made by other tools, turned into verbatim's.
#include "cli/cmd_import.h"

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/commands.h"

namespace verbatim {

CommandRunner SetupImportCommand(CLI::App& app) {
  app.require_subcommand(1);
  const std::vector<NestedCommand> nested = {
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
