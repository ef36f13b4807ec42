// The command line: parses arguments and runs one subcommand.
//
// Design: RunCli is the whole program minus the process: tests call it
// in-process with string streams. Every subcommand lives in its own
// cmd_<name>.cc with one options struct and a Register/Run pair; only this
// layer knows about flags (CLI11) and exit codes.
#ifndef VERBATIM_CLI_CLI_H_
#define VERBATIM_CLI_CLI_H_

#include <ostream>

namespace verbatim {

// Exit codes, decided in one place (ExitCodeFor in cli.cc).
enum ExitCode : int {
  kExitSuccess = 0,
  kExitDataError = 1,  // Input or codebook errors (rows in error, a bad codebook…).
  kExitUsage = 2,      // Bad arguments (CLI11's own 100–127 map here).
};

// Runs the command line. Never throws: foreign exceptions (CLI11 parse
// errors, filesystem errors) are caught here and reported on `err`.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace verbatim

#endif  // VERBATIM_CLI_CLI_H_
