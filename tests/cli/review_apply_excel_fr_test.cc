// decisions.csv in French Excel's dialect (#18 part 6): `review apply`
// writes it with a BOM and ';' when --excel-fr is given, when the run was
// made with --excel-fr (run.json), or when the file already is so; and
// every reader (`review apply` again, `code --decisions`) reads it back.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "io/review/decisions_file.h"
#include "tests/testing/cli_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::ReadFile;
using testing::RunCommand;
using testing::WriteFile;

const fs::path kSource = VERBATIM_SOURCE_DIR;
const fs::path kData = kSource / "tests/data/review";
const std::string kCodebook = (kSource / "tests/data/codebooks/minimal.yaml").string();
const std::string kAnswers = (kData / "answers.csv").string();
const std::string kFrenchHeader = "\xEF\xBB\xBFid;text_sha256;codes;decision;";

class ReviewApplyExcelFrTest : public testing::TempDirTest {
 protected:
  void Code(std::vector<std::string> extra) {
    std::vector<std::string> args = {"code", kAnswers, "--codebook", kCodebook, "--id-column",
                                     "id",   "--out",  (dir_ / "out").string(), "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CliRun coded = RunCommand(args);
    ASSERT_EQ(coded.exit_code, 0) << coded.err;
  }
  CliRun Apply(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"review", "apply", (dir_ / "out" / "review.csv").string(),
                                     "--decisions", decisions_};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunCommand(args);
  }
  void Fill(const std::string& content = ReadFile(kData / "review_filled.csv")) {
    WriteFile(dir_ / "out" / "review.csv", content);
  }
  // The three decisions of the fixture, read back.
  void ExpectFixtureDecisions() {
    const LoadedDecisions loaded = ReadDecisionsFile(decisions_);
    ASSERT_TRUE(loaded.diagnostics.empty()) << loaded.diagnostics.front().message;
    ASSERT_EQ(loaded.ledger.size(), 3u);
    const DecisionRecord* a4 = loaded.ledger.Find("a4");
    ASSERT_NE(a4, nullptr);
    EXPECT_EQ(a4->codes, (std::vector<std::string>{"revalorisation.ccam",
                                                   "liberte_tarifaire.depassements"}));
    EXPECT_EQ(a4->comment, "les deux demandes");
  }
  void SetUp() override {
    TempDirTest::SetUp();
    decisions_ = (dir_ / "decisions.csv").string();
  }

  std::string decisions_;
};

TEST_F(ReviewApplyExcelFrTest, ARunWithExcelFrGetsAFrenchDecisionsFileThatCodeReadsBack) {
  Code({"--excel-fr"});
  Fill();
  const CliRun applied = Apply();
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  const std::string written = ReadFile(decisions_);
  EXPECT_EQ(written.rfind(kFrenchHeader, 0), 0u) << written.substr(0, 80);
  EXPECT_EQ(DecisionsFileDialect(decisions_), CsvDialect::kExcelFr);
  ExpectFixtureDecisions();
  // The hint's command reads it: a4's decided codes reach coded.csv.
  const CliRun recoded =
      RunCommand({"code", kAnswers, "--codebook", kCodebook, "--id-column", "id", "--out",
                  (dir_ / "final").string(), "--decisions", decisions_, "--excel-fr", "-q"});
  ASSERT_EQ(recoded.exit_code, 0) << recoded.err;
  const std::string coded = ReadFile(dir_ / "final" / "coded.csv");
  const size_t a4 = coded.find(";a4;");
  ASSERT_NE(a4, std::string::npos) << coded;
  EXPECT_NE(coded.substr(a4, coded.find('\n', a4) - a4)
                .find("revalorisation.ccam;liberte_tarifaire.depassements"),
            std::string::npos)
      << coded.substr(a4, 200);
}

TEST_F(ReviewApplyExcelFrTest, TheFlagAsksForItAndALaterApplyKeepsIt) {
  Code({});
  Fill();
  ASSERT_EQ(Apply({"--excel-fr"}).exit_code, 0);
  EXPECT_EQ(ReadFile(decisions_).rfind(kFrenchHeader, 0), 0u);
  // A changed decision, applied without the flag: the file stays French.
  std::string changed = ReadFile(kData / "review_filled.csv");
  changed.replace(changed.find(",ok,CCAM seule"), 14, ",none,CCAM seule");
  Fill(changed);
  const CliRun again = Apply();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("1 replaced (a2)"), std::string::npos) << again.out;
  EXPECT_EQ(ReadFile(decisions_).rfind(kFrenchHeader, 0), 0u);
  EXPECT_EQ(ReadDecisionsFile(decisions_).ledger.Find("a2")->decision, "none");
}

TEST_F(ReviewApplyExcelFrTest, WithoutItTheFileIsStandard) {
  Code({});
  Fill();
  ASSERT_EQ(Apply().exit_code, 0);
  EXPECT_EQ(ReadFile(decisions_).rfind("id,text_sha256,codes,decision,", 0), 0u);
  EXPECT_EQ(DecisionsFileDialect(decisions_), CsvDialect::kStandard);
  ExpectFixtureDecisions();
}

}  // namespace
}  // namespace verbatim
