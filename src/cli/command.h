// What every subcommand gets from RunCli, and how it registers itself.
#ifndef VERBATIM_CLI_COMMAND_H_
#define VERBATIM_CLI_COMMAND_H_

#include <functional>
#include <ostream>

namespace CLI {
class App;
}

namespace verbatim {

struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  bool err_is_terminal = false;
  bool out_is_terminal = false;
};

// A subcommand's Register function adds its options to `app` and returns the
// function that runs it once parsing succeeded; that function returns how
// the command ended (cli.h's Outcome, which decides the exit code).
enum class Outcome;
using CommandRunner = std::function<Outcome(CommandContext&)>;

}  // namespace verbatim

#endif  // VERBATIM_CLI_COMMAND_H_
