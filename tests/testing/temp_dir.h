// A fresh folder per test, removed afterwards, and small file helpers.
// Files and folders only: tests that run the command line in-process
// include tests/testing/cli_runner.h, those that run the binary
// tests/testing/binary_runner.h.
#ifndef VERBATIM_TESTS_TESTING_TEMP_DIR_H_
#define VERBATIM_TESTS_TESTING_TEMP_DIR_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace verbatim::testing {

// Creates <temp>/<prefix>-<pid>-<suite>-<test>, empty (removing what a
// previous run left there), and returns it. The caller removes it.
// REQUIRES: called while a test runs (in its body, fixture or SetUp).
inline std::filesystem::path MakeTestDir(const std::string& prefix) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      (prefix + "-" + std::to_string(::getpid()) + "-" + info->test_suite_name() + "-" + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// The file's bytes; empty when it cannot be read.
inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Replaces the file with `content`. REQUIRES: its folder exists.
inline void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// The names of the entries of `dir`, sorted. Throws
// std::filesystem::filesystem_error when `dir` cannot be listed.
inline std::vector<std::string> SortedEntries(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A fixture giving each test a fresh folder dir_ (MakeTestDir("verbatim")),
// removed after the test. A fixture that overrides SetUp calls
// TempDirTest::SetUp() before using dir_; one that skips before that leaves
// dir_ empty and nothing is removed.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTestDir("verbatim"); }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // The names in dir_, sorted.
  std::vector<std::string> Entries() const { return SortedEntries(dir_); }
  // The bytes of dir_/name; empty when it cannot be read.
  std::string Read(const std::string& name) const { return ReadFile(dir_ / name); }

  std::filesystem::path dir_;
};

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_TEMP_DIR_H_
