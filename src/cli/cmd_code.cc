#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/commands.h"

namespace verbatim {

CommandRunner SetupCodeCommand(CLI::App& app) {
  (void)app;
  return [](CommandContext& context) {
    context.err << "verbatim code: not implemented yet\n";
    return static_cast<int>(kExitDataError);
  };
}

}  // namespace verbatim
