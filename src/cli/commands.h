// The table of subcommands. Adding a subcommand is one line in commands.cc.
#ifndef VERBATIM_CLI_COMMANDS_H_
#define VERBATIM_CLI_COMMANDS_H_

#include <functional>
#include <vector>

#include "cli/command.h"

namespace verbatim {

struct CommandRegistration {
  const char* name;
  const char* description;
  std::function<CommandRunner(CLI::App&)> setup;
};

// In the order `verbatim --help` lists them.
const std::vector<CommandRegistration>& AllCommands();

// One per cmd_<name>.cc.
CommandRunner SetupCodeCommand(CLI::App& app);
CommandRunner SetupCheckCommand(CLI::App& app);
CommandRunner SetupAgreeCommand(CLI::App& app);
CommandRunner SetupSampleCommand(CLI::App& app);
CommandRunner SetupExplainCommand(CLI::App& app);
CommandRunner SetupKwicCommand(CLI::App& app);
CommandRunner SetupDiffCommand(CLI::App& app);
CommandRunner SetupTermsCommand(CLI::App& app);
CommandRunner SetupSuggestCommand(CLI::App& app);
CommandRunner SetupReportCommand(CLI::App& app);
CommandRunner SetupReviewCommand(CLI::App& app);
CommandRunner SetupCountsCommand(CLI::App& app);
CommandRunner SetupImportCommand(CLI::App& app);

}  // namespace verbatim

#endif  // VERBATIM_CLI_COMMANDS_H_
