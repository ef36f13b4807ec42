// A fresh folder per test, removed afterwards, and small file helpers.
#ifndef VERBATIM_TESTS_TESTING_TEMP_DIR_H_
#define VERBATIM_TESTS_TESTING_TEMP_DIR_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace verbatim::testing {

inline std::filesystem::path MakeTestDir(const std::string& prefix) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      (prefix + "-" + std::to_string(::getpid()) + "-" + info->test_suite_name() + "-" + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the command line in-process.
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

#endif  // VERBATIM_TESTS_TESTING_TEMP_DIR_H_
