#include "cli/nested_command.h"

#include <CLI/CLI.hpp>

#include "cli/cli.h"

namespace verbatim {

CommandRunner RunNestedCommand(CLI::App& parent, std::vector<NestedCommand> nested) {
  parent.require_subcommand(1);
  return [nested = std::move(nested)](CommandContext& context) {
    for (const NestedCommand& command : nested) {
      if (command.app->parsed()) return command.run(context);
    }
    // Unreachable after a successful parse: CLI11 requires one of them.
    return Outcome::kUsage;
  };
}

}  // namespace verbatim
