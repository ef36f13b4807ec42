// verbatim report, in process through RunCli.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "tests/testing/cli_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::ReadFile;
using testing::RunCommand;

const std::string kSourceDir = VERBATIM_SOURCE_DIR;
const std::string kCodebook = kSourceDir + "/tests/data/codebooks/minimal.yaml";
const std::string kAnswers = kSourceDir + "/tests/data/report/answers.csv";
const std::string kGold = kSourceDir + "/tests/data/report/answers.gold.csv";

class CmdReportTest : public testing::TempDirTest {
 protected:
  std::string Out() const { return (dir_ / "out").string(); }
};

TEST_F(CmdReportTest, WritesReportAndChartAndSaysSo) {
  const CliRun run = RunCommand(
      {"report", kAnswers, "--codebook", kCodebook, "--id-column", "id", "--out", Out()});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out, kAnswers +
                         ": 12 answers read: 6 coded, 1 not coded, 5 disputed, 0 error\n"
                         "Wrote " +
                         Out() + "/report.html and " + Out() + "/chart.svg\n");
  const std::string html = ReadFile(fs::path(Out()) / "report.html");
  EXPECT_NE(html.find("<dd data-count=\"read\">12</dd>"), std::string::npos);
  EXPECT_EQ(html.find("id=\"agreement\""), std::string::npos);
  EXPECT_EQ(ReadFile(fs::path(Out()) / "chart.svg").rfind("<?xml", 0), 0u);
}

TEST_F(CmdReportTest, QuietPrintsNothing) {
  const CliRun run = RunCommand({"report", kAnswers, "--codebook", kCodebook, "--id-column", "id",
                                 "--out", Out(), "--quiet"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST_F(CmdReportTest, AddsAgreementWithGold) {
  const CliRun run = RunCommand({"report", kAnswers, "--codebook", kCodebook, "--id-column", "id",
                                 "--gold", kGold, "--out", Out()});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  const std::string html = ReadFile(fs::path(Out()) / "report.html");
  EXPECT_NE(html.find("<section id=\"agreement\">"), std::string::npos);
}

TEST_F(CmdReportTest, GoldWithOtherIdsIsADataErrorAndWritesNothing) {
  // The answers' ids are a1…a12 (their `id` column), the gold's z1 and z2.
  const std::string gold = (dir_ / "other_ids.gold.csv").string();
  testing::WriteFile(gold, "id,codes\nz1,revalorisation.ccam\nz2,\n");
  const CliRun run =
      RunCommand({"report", kAnswers, "--codebook", kCodebook, "--gold", gold, "--out", Out()});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_NE(run.err.find("the answer ids differ"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("no report was written"), std::string::npos);
  EXPECT_FALSE(fs::exists(fs::path(Out()) / "report.html"));
}

TEST_F(CmdReportTest, UnknownSortIsAUsageError) {
  const CliRun run =
      RunCommand({"report", kAnswers, "--codebook", kCodebook, "--sort", "alpha", "--out", Out()});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kUsage));
  EXPECT_NE(run.err.find("--sort must be 'codebook' or 'count'"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(Out()));
}

TEST_F(CmdReportTest, BadDelimiterIsAUsageError) {
  const CliRun run = RunCommand(
      {"report", kAnswers, "--codebook", kCodebook, "--delimiter", "ab", "--out", Out()});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kUsage));
  EXPECT_NE(run.err.find("--delimiter"), std::string::npos) << run.err;
}

TEST_F(CmdReportTest, MissingInputIsADataError) {
  const CliRun run =
      RunCommand({"report", (dir_ / "none.csv").string(), "--codebook", kCodebook, "--out", Out()});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_NE(run.err.find("none.csv"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(fs::path(Out()) / "report.html"));
}

TEST_F(CmdReportTest, BrokenCodebookIsADataError) {
  const CliRun run =
      RunCommand({"report", kAnswers, "--codebook",
                  kSourceDir + "/tests/data/codebooks/broken/duplicate_id.yaml", "--out", Out()});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_NE(run.err.find("no report was written"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(fs::path(Out()) / "report.html"));
}

TEST_F(CmdReportTest, RowsInErrorAreListedAndMakeTheExitCodeOne) {
  const fs::path input = dir_ / "bad.csv";
  std::ofstream(input, std::ios::binary) << "id,text\n1,Revaloriser la CCAM\n2,too,many,fields\n";
  const CliRun run = RunCommand(
      {"report", input.string(), "--codebook", kCodebook, "--id-column", "id", "--out", Out()});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_NE(run.err.find("1 row(s) could not be read"), std::string::npos) << run.err;
  const std::string html = ReadFile(fs::path(Out()) / "report.html");
  EXPECT_NE(html.find("<ol class=\"answers\" data-list=\"error\">\n<li class=\"answer\""),
            std::string::npos);
  EXPECT_NE(html.find("<dd data-count=\"error\">1</dd>"), std::string::npos);
}

TEST_F(CmdReportTest, IsListedInTheHelp) {
  const CliRun run = RunCommand({"--help"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess));
  EXPECT_NE(run.out.find("report"), std::string::npos);
}

}  // namespace
}  // namespace verbatim
