#include "cli/commands.h"

namespace verbatim {

const std::vector<CommandRegistration>& AllCommands() {
  static const std::vector<CommandRegistration> commands = {
      {"code", "Code every answer of an input file and write counts, coded table and review file",
       SetupCodeCommand},
      {"check", "Validate a codebook (every problem at once) and run its examples as tests",
       SetupCheckCommand},
      {"agree", "Measure agreement between a gold coding and the machine's coded table",
       SetupAgreeCommand},
      {"counts", "Work on counts.csv files: 'counts merge' adds the counts of a corpus coded in pieces",
       SetupCountsCommand},
  };
  return commands;
}

}  // namespace verbatim
