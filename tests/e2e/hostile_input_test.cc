// The real binary on inputs too big to commit, generated here: a 10 MB
// answer, a line of a million commas, a 10,000-pattern codebook, YAML nested
// 100,000 deep, an output folder with something in the way. Each must give
// a clear result, never a crash, and never a partial output. No timing
// assertions: bench/make_large_codebook.py is for measuring.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/input/csv_parser.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = VERBATIM_SOURCE_DIR;
const std::string kCodebook = (kSourceDir / "tests/data/bad_input/codebook.yaml").string();

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void WriteFile(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string Quote(const std::string& word) {
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr.
};

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("verbatim-hostile-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunResult Run(const std::vector<std::string>& args) {
    std::string command = Quote(VERBATIM_BINARY);
    for (const std::string& arg : args) command += " " + Quote(arg);
    const fs::path output = dir_ / "output.txt";
    command += " > " + Quote(output.string()) + " 2>&1";
    const int status = std::system(command.c_str());
    RunResult result;
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    result.output = ReadFile(output);
    fs::remove(output);
    return result;
  }

  // coded.csv's rows as (row, id, status, error).
  std::vector<std::vector<std::string>> CodedRows(const fs::path& out) {
    std::istringstream in(ReadFile(out / "coded.csv"));
    CsvParser parser(in, ',');
    CsvRecord record;
    std::vector<std::vector<std::string>> rows;
    EXPECT_TRUE(parser.Next(&record));  // Header.
    while (parser.Next(&record)) {
      rows.push_back({record.fields[0], record.fields[1], record.fields[2], record.fields[6]});
    }
    return rows;
  }

  std::vector<std::string> Entries(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

TEST_F(HostileInputTest, TenMegabyteAnswerIsCoded) {
  std::string answer;
  while (answer.size() < 10 * 1024 * 1024) answer += "Revaloriser la CCAM, dépassements. ";
  WriteFile(dir_ / "big.csv", "id,text\n1,\"" + answer + "\"\n2,rien\n");
  const RunResult run = Run({"code", (dir_ / "big.csv").string(), "--codebook", kCodebook, "--out",
                             (dir_ / "out").string(), "--quiet"});
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output, "");
  const auto rows = CodedRows(dir_ / "out");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][2], "coded");
  EXPECT_EQ(rows[1][2], "uncoded");
}

TEST_F(HostileInputTest, LineOfAMillionCommasIsOneErrorRow) {
  WriteFile(dir_ / "commas.csv",
            "id,text\n1,Revaloriser la CCAM\n" + std::string(1'000'000, ',') + "\n3,rien\n");
  const RunResult run = Run({"code", (dir_ / "commas.csv").string(), "--codebook", kCodebook,
                             "--out", (dir_ / "out").string(), "--quiet"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "verbatim code: 1 row(s) could not be read; they are in coded.csv with status 'error' "
            "and the reason\n");
  const auto rows = CodedRows(dir_ / "out");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{
                         "2", "2", "error",
                         (dir_ / "commas.csv").string() +
                             ":3: expected 2 fields (one per column), found 1000001"}));
  EXPECT_EQ(rows[2][2], "uncoded");
}

TEST_F(HostileInputTest, HeaderOfAMillionCommasGivesAShortMessage) {
  WriteFile(dir_ / "commas.csv", std::string(1'000'000, ',') + "\n1,a\n");
  const RunResult run = Run({"code", (dir_ / "commas.csv").string(), "--codebook", kCodebook,
                             "--out", (dir_ / "out").string(), "--column", "Avis"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_LT(run.output.size(), 500u) << run.output.substr(0, 500);
  EXPECT_NE(run.output.find("and 999981 more"), std::string::npos) << run.output.substr(0, 500);
}

TEST_F(HostileInputTest, TenThousandPatternCodebookLoadsAndCodes) {
  const int status =
      std::system(("python3 " + Quote((kSourceDir / "bench/make_large_codebook.py").string()) +
                   " " + Quote(dir_.string()) + " 10000 50")
                      .c_str());
  ASSERT_EQ(status, 0);
  const std::string codebook = (dir_ / "codebook.yaml").string();
  const RunResult code = Run({"code", (dir_ / "answers.csv").string(), "--codebook", codebook,
                              "--out", (dir_ / "out").string(), "--quiet"});
  EXPECT_EQ(code.exit_code, 0) << code.output;
  EXPECT_EQ(code.output, "");  // Not one diagnostic, not even a warning.
  const auto rows = CodedRows(dir_ / "out");
  ASSERT_EQ(rows.size(), 50u);
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][1], std::to_string(i + 1));
    EXPECT_NE(rows[i][2], "error") << rows[i][3];
  }
}

TEST_F(HostileInputTest, YamlNestedAHundredThousandDeepIsRefused) {
  WriteFile(dir_ / "deep.yaml", "codebook: {id: d, version: \"1\", language: fr}\nthemes: " +
                                    std::string(100'000, '[') + std::string(100'000, ']') + "\n");
  const RunResult run = Run({"check", (dir_ / "deep.yaml").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find((dir_ / "deep.yaml").string() +
                            ":2:72: error: nesting is deeper than 64 levels"),
            std::string::npos)
      << run.output;
}

TEST_F(HostileInputTest, FolderInTheWayOfAnOutputLeavesNothingBehind) {
  const fs::path out = dir_ / "out";
  fs::create_directories(out / "run.json");
  const RunResult run =
      Run({"code", (kSourceDir / "tests/data/bad_input/empty_answer.csv").string(), "--codebook",
           kCodebook, "--out", out.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output, "verbatim code: cannot write " + (out / "run.json").string() +
                            ": a folder of that name is in the way\n");
  EXPECT_EQ(Entries(out), std::vector<std::string>{"run.json"});  // No output, no temporary.
}

TEST_F(HostileInputTest, StoppedRunLeavesNoTemporaryFile) {
  const fs::path out = dir_ / "out";
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{"--strict", "--encoding", "utf-8"},
        std::vector<std::string>{"--id-column", "id"}}) {
    const std::string input =
        (kSourceDir / (extra[0] == "--strict" ? "tests/data/bad_input/invalid_utf8.csv"
                                              : "tests/data/bad_input/duplicate_ids.csv"))
            .string();
    std::vector<std::string> args = {"code", input, "--codebook", kCodebook, "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    SCOPED_TRACE(extra[0]);
    const RunResult run = Run(args);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.output.find("nothing was written"), std::string::npos) << run.output;
    EXPECT_EQ(Entries(out), std::vector<std::string>{});
  }
}

TEST_F(HostileInputTest, Utf16OnStandardInputIsRead) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("id,text\n1,Revaloriser la CCAM\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  WriteFile(dir_ / "in.csv", utf16);
  const std::string command = Quote(VERBATIM_BINARY) + " code - --codebook " + Quote(kCodebook) +
                              " --out " + Quote((dir_ / "out").string()) + " --quiet < " +
                              Quote((dir_ / "in.csv").string());
  ASSERT_EQ(std::system(command.c_str()), 0);
  const auto rows = CodedRows(dir_ / "out");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][2], "coded");
}

}  // namespace
}  // namespace verbatim
