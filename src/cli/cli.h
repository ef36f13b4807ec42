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

// How a command ended. Commands return an Outcome; the exit code is
// decided from it in one place, ExitCodeFor:
//
//   kSuccess      0   (warnings may have been printed)
//   kDataError    1   input, codebook or decisions errors: a codebook with
//                     errors, an input that cannot be read, rows in error,
//                     duplicate ids, a review file that would lose decisions
//   kOutputError  1   an output that cannot be written (nothing replaced)
//   kUsage        2   bad arguments (CLI11's own 100–127 map here)
//   kInternal     70  a bug: an invariant broken, an unexpected exception
//                     (EX_SOFTWARE of sysexits.h)
enum class Outcome { kSuccess, kDataError, kOutputError, kUsage, kInternal };

int ExitCodeFor(Outcome outcome);

// Runs the command line. Never throws: foreign exceptions (CLI11 parse
// errors, filesystem errors) are caught here and reported on `err`.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace verbatim

#endif  // VERBATIM_CLI_CLI_H_
