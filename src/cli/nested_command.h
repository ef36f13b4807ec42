// Commands made of nested subcommands (`verbatim import qdpx`, `verbatim
// export qdc`): each nested subcommand sets itself up (one function, often
// its own file) and the parent lists them, one line each, then dispatches
// with RunNestedCommand, so adding a format touches no other.
#ifndef VERBATIM_CLI_NESTED_COMMAND_H_
#define VERBATIM_CLI_NESTED_COMMAND_H_

#include <vector>

#include "cli/command.h"

namespace verbatim {

// A nested subcommand: its CLI11 app (added to the parent's) and what runs
// when it was the one parsed.
struct NestedCommand {
  CLI::App* app = nullptr;
  CommandRunner run;
};

// Makes `parent` require exactly one of its subcommands (CLI11 then refuses
// none or an unknown one as a usage error) and returns the parent's runner:
// the run of the nested command that was parsed.
// REQUIRES: every `nested[i].app` is a subcommand of `parent`.
CommandRunner RunNestedCommand(CLI::App& parent, std::vector<NestedCommand> nested);

}  // namespace verbatim

#endif  // VERBATIM_CLI_NESTED_COMMAND_H_
