#include "cli/commands.h"

namespace verbatim {

const std::vector<CommandRegistration>& AllCommands() {
  static const std::vector<CommandRegistration> commands = {
      {"code", "Code every answer of an input file and write counts, coded table and review file",
       SetupCodeCommand},
  };
  return commands;
}

}  // namespace verbatim
