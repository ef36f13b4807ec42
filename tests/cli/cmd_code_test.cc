// verbatim code in-process: threads, chunks, standard input and output,
// --report. The input is the sample and held-out answers repeated past
// several chunks (2,048 rows each), with rows that cannot be read among them,
// so that chunk edges, error rows and the pool's hand-outs are all crossed.
#include <gtest/gtest.h>

#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/answers.h"
#include "tests/testing/cli_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunCommand;

const std::string kCodebook = std::string(VERBATIM_SOURCE_DIR) + "/codebooks/optam_changes.yaml";

std::string CsvField(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// About 5,000 rows: every answer 26 times, ids "a1", "a2"…, every 997th row
// with invalid UTF-8, every 1,500th with an empty answer.
std::string BigInput() {
  const std::vector<std::string> answers = testing::SampleAnswers();
  std::string csv = "id,text\n";
  size_t row = 0;
  for (int round = 0; round < 26; ++round) {
    for (const std::string& answer : answers) {
      ++row;
      std::string text = answer;
      if (row % 997 == 0) text += "\xC3(";
      if (row % 1500 == 0) text.clear();
      csv += "a" + std::to_string(row) + "," + CsvField(text) + "\n";
    }
  }
  return csv;
}

// run.json without what differs from run to run by nature.
std::string StableManifest(const std::string& json) {
  std::string stable = std::regex_replace(json, std::regex(R"re("seconds": \{[^}]*\})re"), "");
  stable = std::regex_replace(stable, std::regex(R"re("started_at": "[^"]*")re"), "");
  stable = std::regex_replace(stable, std::regex(R"re("threads": "[^"]*")re"), "");
  return std::regex_replace(stable, std::regex(R"re(out-\d+/)re"), "out-N/");
}

class CodeCommandTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    input_ = (dir_ / "answers.csv").string();
    testing::WriteFile(input_, BigInput());
  }

  std::string input_;
};

TEST_F(CodeCommandTest, OutputsAreTheSameBytesForAnyNumberOfThreads) {
  std::vector<fs::path> outs;
  for (const char* threads : {"1", "2", "3", "8"}) {
    SCOPED_TRACE(threads);
    const fs::path out = dir_ / ("out-" + std::string(threads));
    const testing::CliRun run = RunCommand(
        {"code", input_, "-c", kCodebook, "-o", out.string(), "--threads", threads, "-q"});
    EXPECT_EQ(run.exit_code, 1) << run.err;  // Rows in error.
    EXPECT_NE(run.err.find("row(s) could not be read"), std::string::npos) << run.err;
    outs.push_back(out);
  }
  const std::string coded = ReadFile(outs[0] / "coded.csv");
  EXPECT_GT(std::count(coded.begin(), coded.end(), '\n'), 4000);
  EXPECT_NE(coded.find(",error,"), std::string::npos);
  for (size_t i = 1; i < outs.size(); ++i) {
    for (const char* file : {"coded.csv", "review.csv", "counts.csv"}) {
      SCOPED_TRACE(outs[i].string() + "/" + file);
      EXPECT_TRUE(ReadFile(outs[0] / file) == ReadFile(outs[i] / file));
    }
    EXPECT_EQ(StableManifest(ReadFile(outs[0] / "run.json")),
              StableManifest(ReadFile(outs[i] / "run.json")));
  }
}

TEST_F(CodeCommandTest, RunJsonRecordsEachPhase) {
  const fs::path out = dir_ / "out";
  RunCommand({"code", input_, "-c", kCodebook, "-o", out.string(), "-q"});
  const std::string manifest = ReadFile(out / "run.json");
  for (const char* phase : {"load_codebook", "read", "code", "write", "finish", "total"}) {
    EXPECT_NE(manifest.find("\"" + std::string(phase) + "\": "), std::string::npos) << phase;
  }
  EXPECT_NE(manifest.find("\"threads\": \"auto\""), std::string::npos) << manifest;
}

TEST_F(CodeCommandTest, StandardOutputCarriesTheCodedTableOrTheCounts) {
  const fs::path out = dir_ / "out";
  RunCommand({"code", input_, "-c", kCodebook, "-o", out.string(), "-q"});

  const testing::CliRun csv = RunCommand(
      {"code", input_, "-c", kCodebook, "-o", "-", "--threads", "2", "-q"});
  EXPECT_EQ(csv.exit_code, 1);
  EXPECT_TRUE(csv.out == ReadFile(out / "coded.csv"));
  EXPECT_NE(csv.err.find("they are in the coded table"), std::string::npos) << csv.err;

  const testing::CliRun jsonl = RunCommand(
      {"code", input_, "-c", kCodebook, "-o", "-", "--stdout-format", "jsonl", "-q"});
  std::istringstream lines(jsonl.out);
  std::string line;
  size_t rows = 0;
  while (std::getline(lines, line)) {
    ++rows;
    EXPECT_EQ(line.rfind("{\"row\":" + std::to_string(rows) + ",", 0), 0u) << line;
  }
  EXPECT_EQ(rows, 26 * testing::SampleAnswers().size());  // One line per input row.

  const testing::CliRun counts = RunCommand(
      {"code", input_, "-c", kCodebook, "-o", "-", "--stdout-format", "counts", "-q"});
  EXPECT_EQ(counts.out, ReadFile(out / "counts.csv"));

  // Without --quiet the summary goes to stderr: stdout holds data only.
  const testing::CliRun loud =
      RunCommand({"code", input_, "-c", kCodebook, "-o", "-", "--stdout-format", "counts"});
  EXPECT_EQ(loud.out, ReadFile(out / "counts.csv"));
  EXPECT_NE(loud.err.find("Revalorisation"), std::string::npos) << loud.err;
}

TEST_F(CodeCommandTest, ReadsStandardInput) {
  const fs::path out = dir_ / "out";
  RunCommand({"code", input_, "-c", kCodebook, "-o", out.string(), "-q"});
  std::istringstream input(ReadFile(input_));
  std::streambuf* saved = std::cin.rdbuf(input.rdbuf());
  const testing::CliRun piped = RunCommand({"code", "-", "-c", kCodebook, "-o", "-", "-q"});
  std::cin.rdbuf(saved);
  // Rows in error name their input: the file, or <stdin>.
  const std::string from_file =
      std::regex_replace(ReadFile(out / "coded.csv"), std::regex(input_), "<stdin>");
  EXPECT_NE(from_file.find("<stdin>:"), std::string::npos);
  EXPECT_TRUE(piped.out == from_file);
}

TEST_F(CodeCommandTest, AllowEmptyReadsAnEmptyInputAsZeroAnswers) {
  const std::string empty = (dir_ / "empty.jsonl").string();
  testing::WriteFile(empty, "");
  const testing::CliRun refused =
      RunCommand({"code", empty, "-c", kCodebook, "-o", "-", "--stdout-format", "counts", "-q"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("empty file"), std::string::npos) << refused.err;
  for (const char* format : {"jsonl", "csv", "text"}) {
    SCOPED_TRACE(format);
    const testing::CliRun run = RunCommand({"code", empty, "--format", format, "-c", kCodebook, "-o",
                                            "-", "--stdout-format", "counts", "--allow-empty", "-q"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_NE(run.out.find("\ntotal,total,total rows read,0,"), std::string::npos) << run.out;
  }
}

TEST_F(CodeCommandTest, ReportFlagWritesTheReportBesideTheOutputs) {
  const fs::path out = dir_ / "out";
  const testing::CliRun run =
      RunCommand({"code", input_, "-c", kCodebook, "-o", out.string(), "--report"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("/report.html"), std::string::npos) << run.out;
  const std::string html = ReadFile(out / "report.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(ReadFile(out / "chart.svg").find("<svg"), std::string::npos);
  EXPECT_NE(ReadFile(out / "run.json").find("report.html"), std::string::npos);
}

TEST_F(CodeCommandTest, UsageErrors) {
  EXPECT_EQ(RunCommand({"code", input_, "-c", kCodebook, "-o", "-", "--report"}).exit_code, 2);
  EXPECT_EQ(
      RunCommand({"code", input_, "-c", kCodebook, "-o", "-", "--stdout-format", "xml"}).exit_code,
      2);
  EXPECT_EQ(RunCommand({"code", input_, "-c", kCodebook, "--threads", "-1"}).exit_code, 2);
}

// #18: with no --codebook, every command that codes said nothing and used
// codebooks/optam_changes.yaml (or failed naming it). Now each refuses, in
// one line, before reading anything.
TEST(CodebookRequiredTest, EveryCommandThatCodesAsksForTheCodebook) {
  const std::string input = std::string(VERBATIM_SOURCE_DIR) + "/samples/optam_changes.csv";
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"code", {"code", input, "-o", "-"}},
      {"explain", {"explain", "--text", "santé"}},
      {"report", {"report", input, "-o", "/nonexistent/report"}},
      {"terms --uncoded", {"terms", "--input", input, "--uncoded"}},
  };
  for (const auto& [command, args] : cases) {
    const testing::CliRun run = RunCommand(args);
    EXPECT_EQ(run.exit_code, 2) << command;
    EXPECT_EQ(run.err, "verbatim " + command +
                           ": --codebook is required (the codebook YAML that defines your codes)\n")
        << command;
    EXPECT_EQ(run.out, "") << command;
  }
}

}  // namespace
}  // namespace verbatim
