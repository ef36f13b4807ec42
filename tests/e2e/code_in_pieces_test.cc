// scripts/code-in-pieces.sh on the real binary: the OPTAM sample as JSON
// Lines, cut by GNU parallel into several pieces coded by 3 processes, adds
// up to one `verbatim code` run over the whole file: counts.csv byte for
// byte, coded.csv row for row (but the `row` column, which restarts in each
// piece). Also `cat part-*/counts.csv | verbatim counts merge -`, the reduce
// step of the Spark and Hadoop recipes of docs/scaling.md.
//
// Skips, saying why, when GNU parallel is not installed; scripts/install-deps.sh
// --test installs Debian's `parallel` so that CI runs it.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/testing/binary_runner.h"
#include "tests/testing/sample_jsonl.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::kSampleAnswers;
using testing::ReadCsvRows;
using testing::ReadFile;
using testing::RunBinary;
using testing::RunShell;
using testing::ShellQuote;
using testing::WriteSampleAsJsonl;

const fs::path kSource = VERBATIM_SOURCE_DIR;
const std::string kCodebook = (kSource / "codebooks/optam_changes.yaml").string();
class CodeInPiecesTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    if (!testing::FindInPath("parallel")) {
      GTEST_SKIP() << "GNU parallel is not installed, so scripts/code-in-pieces.sh is not "
                      "tested; scripts/install-deps.sh --test installs it";
    }
    TempDirTest::SetUp();
    input_ = dir_ / "answers.jsonl";
    WriteSampleAsJsonl(input_);
    const testing::BinaryRun whole =
        RunBinary({"code", input_.string(), "--format", "jsonl", "--column", "text", "--id-column",
                   "id", "-c", kCodebook, "-o", (dir_ / "whole").string(), "-q"});
    ASSERT_EQ(whole.exit_code, 0) << whole.err;
  }

  // Runs the script with 3 jobs and pieces of `block` bytes.
  int CodeInPieces(const std::string& block) {
    return RunShell("VERBATIM=" + ShellQuote(VERBATIM_BINARY) + " BLOCK=" + block + " " +
                    ShellQuote((kSource / "scripts/code-in-pieces.sh").string()) + " " +
                    ShellQuote(input_.string()) + " " + ShellQuote(kCodebook) + " " +
                    ShellQuote((dir_ / "pieces").string()) + " 3");
  }

  int Pieces() const {
    int pieces = 0;
    while (fs::exists(dir_ / "pieces" / ("part-" + std::to_string(pieces + 1)))) ++pieces;
    return pieces;
  }

  fs::path input_;
};

TEST_F(CodeInPiecesTest, CountsEqualOneRunByteForByte) {
  ASSERT_EQ(CodeInPieces("2k"), 0);
  EXPECT_GE(Pieces(), 4) << "the block size should cut the sample into several pieces";
  EXPECT_EQ(ReadFile(dir_ / "pieces/counts.csv"), ReadFile(dir_ / "whole/counts.csv"));
}

TEST_F(CodeInPiecesTest, CodedRowsEqualOneRunButForTheRowColumn) {
  ASSERT_EQ(CodeInPieces("2k"), 0);
  ASSERT_GE(Pieces(), 4);
  auto pieces = ReadCsvRows(dir_ / "pieces/coded.csv");
  auto whole = ReadCsvRows(dir_ / "whole/coded.csv");
  ASSERT_EQ(whole.size(), kSampleAnswers + 1u);
  ASSERT_EQ(pieces.size(), whole.size());
  ASSERT_EQ(whole[0][0], "row");
  EXPECT_EQ(pieces[0], whole[0]) << "one header";
  size_t restarted = 0;
  for (size_t i = 1; i < whole.size(); ++i) {
    if (pieces[i][0] == "1") ++restarted;
    pieces[i].erase(pieces[i].begin());
    whole[i].erase(whole[i].begin());
    EXPECT_EQ(pieces[i], whole[i]) << "answer " << i;
  }
  EXPECT_EQ(restarted, static_cast<size_t>(Pieces())) << "row numbers restart in each piece";
}

TEST_F(CodeInPiecesTest, ConcatenatedCountsOnStdinMergeToOneRun) {
  ASSERT_EQ(CodeInPieces("3k"), 0);
  ASSERT_GE(Pieces(), 2);
  std::string parts;
  for (int n = 1; n <= Pieces(); ++n) {
    parts +=
        " " + ShellQuote((dir_ / "pieces" / ("part-" + std::to_string(n)) / "counts.csv").string());
  }
  ASSERT_EQ(RunShell("cat" + parts + " | " + ShellQuote(VERBATIM_BINARY) + " counts merge - > " +
                     ShellQuote((dir_ / "merged.csv").string())),
            0);
  EXPECT_EQ(ReadFile(dir_ / "merged.csv"), ReadFile(dir_ / "whole/counts.csv"));
}

TEST_F(CodeInPiecesTest, RefusesAnOutdirHoldingPartsOfAnotherRun) {
  ASSERT_EQ(CodeInPieces("2k"), 0);
  EXPECT_EQ(CodeInPieces("2k"), 2) << "stale part-* folders would be added to the counts";
}

}  // namespace
}  // namespace verbatim
