// The command line: parses arguments and runs one subcommand.
//
// Design: RunCli is the whole program minus the process: tests call it
// in-process with string streams. Every subcommand lives in its own
// cmd_<name>.cc with one options struct and a Register/Run pair; only this
// layer knows about flags (CLI11) and exit codes.
#ifndef VERBATIM_CLI_CLI_H_
#define VERBATIM_CLI_CLI_H_

#include <functional>
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
//
// Every command's writes to `out` are checked here, once, after it ran:
// `out` is flushed, then `close_out` is called when given (main closes
// standard output with it: a full disk or an NFS quota may fail only at
// the close). A failure prints "verbatim <command>: cannot write to
// standard output" and exits 1, unless the command already reported an
// output error (Outcome::kOutputError). Default: no close (tests' string
// streams).
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
           const std::function<bool()>& close_out = {});

}  // namespace verbatim

#endif  // VERBATIM_CLI_CLI_H_
