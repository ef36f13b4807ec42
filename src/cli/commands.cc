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
      {"review", "Reviewers' decisions: 'review apply' records a filled review file's decisions",
       SetupReviewCommand},
  };
  return commands;
}

}  // namespace verbatim
