// Runs the command line in-process, through RunCli, with string streams.
// Including it makes a test link verbatim_cli (tests/CMakeLists.txt).
#ifndef VERBATIM_TESTS_TESTING_CLI_RUNNER_H_
#define VERBATIM_TESTS_TESTING_CLI_RUNNER_H_

#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace verbatim::testing {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `verbatim <args>` in-process; what it printed and its exit code.
inline CliRun RunCommand(const std::vector<std::string>& args) {
  std::vector<const char*> argv = {"verbatim"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out, err;
  CliRun run;
  run.exit_code = RunCli(static_cast<int>(argv.size()), argv.data(), out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_CLI_RUNNER_H_
