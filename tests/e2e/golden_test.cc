// End-to-end golden tests: each folder tests/e2e/cases/<case>/ holds `args`
// (the arguments of the real binary, one per line, paths relative to the
// repository root; the token {out} stands for a fresh output folder) and
// `expected/` with the files the run must write, compared byte for byte, plus
// `expected/stdout` and `expected/exit_code` when present; a `stdin` file,
// when present, is the run's standard input. In run.json the
// volatile fields (started_at, seconds) are masked by name, in report.html
// the coding date (<time class="generated">), and the output folder's
// temporary path reads {out} in every file; nothing else is masked.
//
// Regenerate on purpose only: VERBATIM_UPDATE_GOLDEN=1 ctest -R golden, then
// read the diff before committing it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/binary_runner.h"
#include "tests/testing/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using verbatim::testing::ReadFile;
using verbatim::testing::WriteFile;

const fs::path kSourceDir = VERBATIM_SOURCE_DIR;
const fs::path kCasesDir = kSourceDir / "tests/e2e/cases";

// Masks the values of run.json's volatile fields, and report.html's date.
std::string MaskVolatile(const std::string& name, std::string content) {
  if (name == "report.html") {
    return std::regex_replace(
        content, std::regex(R"re(<time class="generated" datetime="[^"]*">[^<]*</time>)re"),
        R"re(<time class="generated" datetime="<masked>"><masked></time>)re");
  }
  if (name != "run.json") return content;
  content = std::regex_replace(content, std::regex(R"re("started_at": "[^"]*")re"),
                               R"re("started_at": "<masked>")re");
  // Every number inside the "seconds" object is a duration.
  const std::regex seconds_object(R"re("seconds": \{[^}]*\})re");
  std::smatch match;
  if (std::regex_search(content, match, seconds_object)) {
    const std::string masked =
        std::regex_replace(match.str(), std::regex(R"re(: [0-9.eE+-]+)re"), ": \"<masked>\"");
    content = match.prefix().str() + masked + match.suffix().str();
  }
  return content;
}

std::string MaskStdout(std::string content, const std::string& out_dir) {
  size_t at;
  while ((at = content.find(out_dir)) != std::string::npos) content.replace(at, out_dir.size(), "{out}");
  return content;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, OutputsMatchExpectedFiles) {
  const fs::path case_dir = kCasesDir / GetParam();
  const fs::path out_dir = fs::temp_directory_path() / ("verbatim-golden-" + GetParam() + "-" +
                                                       std::to_string(::getpid()));
  fs::remove_all(out_dir);
  std::vector<std::string> args;
  std::istringstream lines(ReadFile(case_dir / "args"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t at;
    while ((at = line.find("{out}")) != std::string::npos) line.replace(at, 5, out_dir.string());
    args.push_back(line);
  }
  verbatim::testing::BinaryOptions options;
  options.working_dir = kSourceDir;
  options.stderr_to = verbatim::testing::Stderr::kWithStdout;
  // A case may feed a file to standard input.
  if (fs::exists(case_dir / "stdin")) options.stdin_file = case_dir / "stdin";
  const verbatim::testing::BinaryRun run = verbatim::testing::RunBinary(args, options);
  ASSERT_NE(run.exit_code, -1) << "the binary did not exit";
  const std::string exit_code = std::to_string(run.exit_code) + "\n";
  const std::string output = MaskStdout(run.out, out_dir.string());

  const bool update = std::getenv("VERBATIM_UPDATE_GOLDEN") != nullptr;
  const fs::path expected_dir = case_dir / "expected";
  if (update) {
    fs::remove_all(expected_dir);
    fs::create_directories(expected_dir);
    WriteFile(expected_dir / "exit_code", exit_code);
    WriteFile(expected_dir / "stdout", output);
    if (fs::exists(out_dir)) {
      for (const auto& entry : fs::directory_iterator(out_dir)) {
        const std::string name = entry.path().filename().string();
        WriteFile(expected_dir / name,
                  MaskStdout(MaskVolatile(name, ReadFile(entry.path())), out_dir.string()));
      }
    }
    GTEST_SKIP() << "golden files regenerated in " << expected_dir;
  }
  ASSERT_TRUE(fs::exists(expected_dir)) << "no expected/ in " << case_dir;
  for (const auto& entry : fs::directory_iterator(expected_dir)) {
    const std::string name = entry.path().filename().string();
    const std::string expected = ReadFile(entry.path());
    if (name == "exit_code") {
      EXPECT_EQ(exit_code, expected) << "output:\n" << output;
    } else if (name == "stdout") {
      EXPECT_EQ(output, expected);
    } else {
      ASSERT_TRUE(fs::exists(out_dir / name)) << name << " was not written";
      // Outputs may name the output folder (run.json's "outputs"): it is masked as in stdout.
      EXPECT_EQ(MaskStdout(MaskVolatile(name, ReadFile(out_dir / name)), out_dir.string()),
                expected)
          << "file " << name;
    }
  }
  // Every file the run wrote is expected: nothing extra, no temporary left.
  if (fs::exists(out_dir)) {
    for (const auto& entry : fs::directory_iterator(out_dir)) {
      EXPECT_TRUE(fs::exists(expected_dir / entry.path().filename()))
          << "unexpected output " << entry.path();
    }
  }
  fs::remove_all(out_dir);
}

std::vector<std::string> Cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCasesDir)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) { return info.param; });

}  // namespace
