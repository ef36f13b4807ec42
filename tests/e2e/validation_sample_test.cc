// #18 part 5 end to end, on the real binary: code the sample, draw a
// validation sample of 25 (plain and stratified by status), fill its codes
// from the coded table, and score it with agree --subset: F1 1.0 and a
// degenerate bootstrap interval, with the 104 answers left out counted.
#include <gtest/gtest.h>

#include <sstream>

#include "io/input/code_sets_reader.h"
#include "tests/testing/binary_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::BinaryRun;
using testing::ReadFile;
using testing::RunBinary;
using testing::WriteFile;

const std::string kSource = VERBATIM_SOURCE_DIR;
const std::string kInput = kSource + "/samples/optam_changes.csv";
const std::string kCodebook = kSource + "/codebooks/optam_changes.yaml";

class ValidationSampleTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    run_ = dir_ / "run";
    const BinaryRun coded =
        RunBinary({"code", kInput, "--codebook", kCodebook, "--out", run_.string(), "-q"});
    ASSERT_EQ(coded.exit_code, 0) << coded.err;
  }

  // sample.csv with each answer's codes copied from the run's coded table:
  // a gold that agrees with the machine everywhere.
  void FillFromCodedTable(const fs::path& sample) {
    auto coded = ReadCodedTable((run_ / "coded.csv").string(), "proposed");
    ASSERT_TRUE(coded.has_value()) << FormatError(coded.error());
    auto drawn = ReadGoldCodes(sample.string());
    ASSERT_TRUE(drawn.has_value()) << FormatError(drawn.error());
    std::string gold = "id,codes\n";
    for (const CodedAnswer& row : *drawn) {
      EXPECT_TRUE(row.codes.empty()) << "the codes column is left for the coder";
      for (const CodedAnswer& machine : *coded) {
        if (machine.id != row.id) continue;
        std::string codes;
        for (const std::string& code : machine.codes) codes += (codes.empty() ? "" : ";") + code;
        gold += row.id + "," + codes + "\n";
      }
    }
    WriteFile(sample, gold);
  }

  fs::path run_;
};

TEST_F(ValidationSampleTest, DrawFillAndScoreASampleOf25) {
  const fs::path out = dir_ / "sample";
  const BinaryRun drawn =
      RunBinary({"sample", kInput, "--n", "25", "--seed", "7", "--out", out.string()});
  ASSERT_EQ(drawn.exit_code, 0) << drawn.err;
  EXPECT_NE(drawn.out.find("Drew 25 of 129 answers with text"), std::string::npos) << drawn.out;
  ASSERT_TRUE(fs::exists(out / "sample.xlsx"));
  EXPECT_EQ(ReadFile(out / "sample.xlsx").substr(0, 2), "PK") << "a zip: an xlsx workbook";
  const std::string csv = ReadFile(out / "sample.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "id,text,codes");

  // The same seed draws the same sample; another seed another one.
  const fs::path again = dir_ / "again";
  ASSERT_EQ(RunBinary({"sample", kInput, "--n", "25", "--seed", "7", "--out", again.string()})
                .exit_code,
            0);
  EXPECT_EQ(ReadFile(again / "sample.csv"), csv);
  const fs::path other = dir_ / "other";
  ASSERT_EQ(RunBinary({"sample", kInput, "--n", "25", "--seed", "8", "--out", other.string()})
                .exit_code,
            0);
  EXPECT_NE(ReadFile(other / "sample.csv"), csv);

  // A drawn sample is never overwritten silently.
  const BinaryRun twice =
      RunBinary({"sample", kInput, "--n", "25", "--seed", "7", "--out", out.string()});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.err.find("--force"), std::string::npos) << twice.err;

  FillFromCodedTable(out / "sample.csv");
  const fs::path json = dir_ / "agree.json";
  const BinaryRun agree =
      RunBinary({"agree", "--gold", (out / "sample.csv").string(), "--coded",
                 (run_ / "coded.csv").string(), "--subset", "--out", json.string()});
  ASSERT_EQ(agree.exit_code, 0) << agree.err;
  EXPECT_NE(agree.out.find("Compared on the 25 answer(s) both files hold; left out: 0 only in "
                           "the gold file, 104 only in the coded file"),
            std::string::npos)
      << agree.out;
  EXPECT_NE(agree.out.find("subthemes  micro F1 1.0000 [1.0000, 1.0000]"), std::string::npos)
      << agree.out;
  const std::string figures = ReadFile(json);
  EXPECT_NE(figures.find("\"machine_only\": 104"), std::string::npos) << figures;
  EXPECT_NE(figures.find("\"resamples\": 1000"), std::string::npos) << figures;

  // Without --subset the two files must hold the same ids, and the error says how.
  const BinaryRun whole = RunBinary({"agree", "--gold", (out / "sample.csv").string(), "--coded",
                                     (run_ / "coded.csv").string()});
  EXPECT_EQ(whole.exit_code, 1);
  EXPECT_NE(whole.err.find("pass --subset"), std::string::npos) << whole.err;
}

TEST_F(ValidationSampleTest, StratifiedByStatusSaysHowManyCameFromEachStratum) {
  const fs::path out = dir_ / "sample";
  const BinaryRun drawn =
      RunBinary({"sample", kInput, "--n", "25", "--seed", "7", "--stratify-by", "status", "--run",
                 run_.string(), "--out", out.string()});
  ASSERT_EQ(drawn.exit_code, 0) << drawn.err;
  EXPECT_NE(drawn.out.find("By status (proportional, at least one per stratum):"),
            std::string::npos)
      << drawn.out;
  // Per stratum: "  NAME  k of m"; the k sum to 25, and every stratum has one.
  std::istringstream lines(drawn.out.substr(drawn.out.find("By status")));
  std::string line;
  std::getline(lines, line);
  int total = 0, strata = 0;
  while (std::getline(lines, line) && line.rfind("  ", 0) == 0) {
    std::istringstream fields(line);
    std::string name, of;
    int k = 0, m = 0;
    fields >> name >> k >> of >> m;
    EXPECT_GE(k, 1) << line;
    EXPECT_LE(k, m) << line;
    total += k;
    ++strata;
  }
  EXPECT_EQ(total, 25) << drawn.out;
  EXPECT_GE(strata, 2) << drawn.out;
  const std::string strata_csv = ReadFile(out / "sample_strata.csv");
  EXPECT_EQ(strata_csv.substr(0, strata_csv.find('\n')), "id,stratum");
  EXPECT_EQ(ReadFile(out / "sample.csv").find("disputed"), std::string::npos)
      << "the coder does not see the machine's status";

  const BinaryRun no_run = RunBinary(
      {"sample", kInput, "--n", "5", "--seed", "1", "--stratify-by", "code", "--out",
       (dir_ / "x").string()});
  EXPECT_EQ(no_run.exit_code, 2);
  EXPECT_NE(no_run.err.find("--stratify-by needs --run DIR"), std::string::npos) << no_run.err;
}

}  // namespace
}  // namespace verbatim
