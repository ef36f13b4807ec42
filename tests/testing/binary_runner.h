// Runs the real binary, VERBATIM_BINARY, as its own process through
// /bin/sh, for end-to-end tests: its standard output and error captured,
// its exit code. A test that needs the process itself (its pid, to send
// it a signal) forks it on its own.
#ifndef VERBATIM_TESTS_TESTING_BINARY_RUNNER_H_
#define VERBATIM_TESTS_TESTING_BINARY_RUNNER_H_

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace verbatim::testing {

// `word` between single quotes for /bin/sh, its own single quotes escaped.
inline std::string ShellQuote(const std::string& word) {
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs `command` with /bin/sh; its exit code, or -1 when it did not exit
// (killed by a signal, or no shell could be started).
inline int RunShell(const std::string& command) {
  const int status = std::system(command.c_str());
  return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The executable `name` in a folder of $PATH (/usr/bin:/bin when unset),
// the first found; nullopt when there is none. For tests that skip, saying
// why, when a tool they drive is not installed.
inline std::optional<std::filesystem::path> FindInPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : dir) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

// Where the binary's standard error goes.
enum class Stderr {
  kApart,       // BinaryRun::err.
  kWithStdout,  // BinaryRun::out, interleaved as written (2>&1).
};

struct BinaryOptions {
  // The folder it runs in. Default: empty, the test's own.
  std::filesystem::path working_dir;
  // The file on its standard input. Default: empty, the test's own.
  std::filesystem::path stdin_file;
  Stderr stderr_to = Stderr::kApart;
};

struct BinaryRun {
  int exit_code = -1;  // -1 when it did not exit.
  std::string out;     // Standard output (and error, with Stderr::kWithStdout).
  std::string err;     // Standard error with Stderr::kApart, else empty.
};

// Runs `VERBATIM_BINARY <args>`, each argument quoted; waits for it. Its
// output goes through temporary files in std::filesystem::temp_directory_path(),
// removed before returning. Fails the test when they cannot be made.
inline BinaryRun RunBinary(const std::vector<std::string>& args,
                           const BinaryOptions& options = {}) {
  BinaryRun run;
  std::string name =
      (std::filesystem::temp_directory_path() / "verbatim-binary-run-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  EXPECT_GE(fd, 0) << "cannot make a temporary file like " << name;
  if (fd < 0) return run;
  ::close(fd);
  const std::string out = name, err = name + ".err";

  std::string command;
  if (!options.working_dir.empty()) {
    command = "cd " + ShellQuote(options.working_dir.string()) + " && ";
  }
  command += ShellQuote(VERBATIM_BINARY);
  for (const std::string& arg : args) command += " " + ShellQuote(arg);
  if (!options.stdin_file.empty()) command += " < " + ShellQuote(options.stdin_file.string());
  command += " > " + ShellQuote(out);
  command += options.stderr_to == Stderr::kWithStdout ? " 2>&1" : " 2> " + ShellQuote(err);
  run.exit_code = RunShell(command);
  run.out = ReadFile(out);
  if (options.stderr_to == Stderr::kApart) run.err = ReadFile(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return run;
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_BINARY_RUNNER_H_
