// verbatim counts merge: a corpus coded in pieces adds up to one run.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "io/input/csv_parser.h"
#include "io/output/csv_writer.h"
#include "tests/testing/cli_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::ReadFile;
using testing::RunCommand;
using testing::WriteFile;

const fs::path kSourceDir = VERBATIM_SOURCE_DIR;

// Standard input reads `text` while this lives (RunCli reads std::cin for '-').
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& text) : text_(text), old_(std::cin.rdbuf(text_.rdbuf())) {}
  ~StdinFrom() {
    std::cin.rdbuf(old_);
    std::cin.clear();
  }

 private:
  std::istringstream text_;
  std::streambuf* old_;
};

class CountsMergeTest : public testing::TempDirTest {
 protected:
  // Splits a CSV file into `pieces` files with the same header, records
  // kept whole (embedded line ends included).
  std::vector<fs::path> Split(const fs::path& input, int pieces) {
    std::ifstream in(input, std::ios::binary);
    CsvParser parser(in);
    CsvRecord header, record;
    EXPECT_TRUE(parser.Next(&header));
    std::vector<std::vector<std::string>> rows;
    while (parser.Next(&record)) rows.push_back(record.fields);
    std::vector<fs::path> paths;
    const size_t per_piece = (rows.size() + pieces - 1) / pieces;
    for (int p = 0; p < pieces; ++p) {
      paths.push_back(dir_ / ("piece" + std::to_string(p) + ".csv"));
      std::ofstream out(paths.back(), std::ios::binary);
      CsvWriter csv(out, parser.delimiter());
      csv.WriteRow(header.fields);
      for (size_t i = p * per_piece; i < std::min(rows.size(), (p + 1) * per_piece); ++i) {
        csv.WriteRow(rows[i]);
      }
    }
    return paths;
  }

  // Codes the sample whole (dir_/whole) and in `pieces` pieces; returns the
  // pieces' counts.csv paths.
  std::vector<std::string> CodeWholeAndPieces(int pieces) {
    const std::string codebook = (kSourceDir / "codebooks/optam_changes.yaml").string();
    const fs::path sample = kSourceDir / "samples/optam_changes.csv";
    EXPECT_EQ(
        RunCommand({"code", sample.string(), "-c", codebook, "-o", (dir_ / "whole").string(), "-q"})
            .exit_code,
        ExitCodeFor(Outcome::kSuccess));
    std::vector<std::string> counts;
    int piece = 0;
    for (const fs::path& part : Split(sample, pieces)) {
      const fs::path out = dir_ / ("out" + std::to_string(piece++));
      EXPECT_EQ(
          RunCommand({"code", part.string(), "-c", codebook, "-o", out.string(), "-q"}).exit_code,
          ExitCodeFor(Outcome::kSuccess));
      counts.push_back((out / "counts.csv").string());
    }
    return counts;
  }
};

TEST_F(CountsMergeTest, SplitThenMergeEqualsOneRun) {
  std::vector<std::string> merge_args = {"counts", "merge"};
  for (const std::string& counts : CodeWholeAndPieces(3)) merge_args.push_back(counts);
  const CliRun merged = RunCommand(merge_args);
  ASSERT_EQ(merged.exit_code, ExitCodeFor(Outcome::kSuccess));
  EXPECT_EQ(merged.out, ReadFile(dir_ / "whole/counts.csv"));

  merge_args.push_back("-o");
  merge_args.push_back((dir_ / "merged.csv").string());
  ASSERT_EQ(RunCommand(merge_args).exit_code, ExitCodeFor(Outcome::kSuccess));
  EXPECT_EQ(ReadFile(dir_ / "merged.csv"), ReadFile(dir_ / "whole/counts.csv"));
}

// `cat part-*/counts.csv | verbatim counts merge -`: the reduce step after
// Spark's RDD.pipe or a map-only Hadoop Streaming job.
TEST_F(CountsMergeTest, ConcatenatedPartsOnStdinEqualOneRun) {
  std::string concatenated;
  for (const std::string& path : CodeWholeAndPieces(3)) concatenated += ReadFile(path);
  StdinFrom stdin_from(concatenated);
  const CliRun run = RunCommand({"counts", "merge", "-"});
  ASSERT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  EXPECT_EQ(run.out, ReadFile(dir_ / "whole/counts.csv"));
}

TEST_F(CountsMergeTest, ConcatenatedPartsInAFileAndStdinMixWithFiles) {
  const std::vector<std::string> parts = CodeWholeAndPieces(4);
  WriteFile(dir_ / "first_two.csv", ReadFile(parts[0]) + ReadFile(parts[1]));
  StdinFrom stdin_from(ReadFile(parts[2]));
  ASSERT_EQ(RunCommand({"counts", "merge", (dir_ / "first_two.csv").string(), "-", parts[3], "-o",
                        (dir_ / "merged.csv").string()})
                .exit_code,
            ExitCodeFor(Outcome::kSuccess));
  EXPECT_EQ(ReadFile(dir_ / "merged.csv"), ReadFile(dir_ / "whole/counts.csv"));
}

TEST_F(CountsMergeTest, StdinErrorNamesTheStreamAndLine) {
  const std::vector<std::string> parts = CodeWholeAndPieces(2);
  const std::string first = ReadFile(parts[0]);
  const std::string header = first.substr(0, first.find('\n') + 1);
  const int lines = static_cast<int>(std::count(first.begin(), first.end(), '\n'));
  StdinFrom stdin_from(first + header + "theme,x,y,many,,\n");
  const CliRun run = RunCommand({"counts", "merge", "-"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_EQ(run.err, "verbatim counts merge: <stdin>:" + std::to_string(lines + 2) +
                         ": part 2: answers 'many' is not a whole number\n");
}

TEST_F(CountsMergeTest, OneFileIsItsOwnSum) {
  const std::string codebook = (kSourceDir / "codebooks/optam_changes.yaml").string();
  ASSERT_EQ(RunCommand({"code", (kSourceDir / "samples/optam_changes.csv").string(), "-c", codebook,
                        "-o", (dir_ / "whole").string(), "-q"})
                .exit_code,
            ExitCodeFor(Outcome::kSuccess));
  const CliRun run = RunCommand({"counts", "merge", (dir_ / "whole/counts.csv").string()});
  ASSERT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess));
  EXPECT_EQ(run.out, ReadFile(dir_ / "whole/counts.csv"));
}

TEST_F(CountsMergeTest, RefusesCountsOfAnotherCodebook) {
  const fs::path input = kSourceDir / "samples/optam_changes.csv";
  ASSERT_EQ(RunCommand({"code", input.string(), "-c",
                        (kSourceDir / "codebooks/optam_changes.yaml").string(), "-o",
                        (dir_ / "a").string(), "-q"})
                .exit_code,
            ExitCodeFor(Outcome::kSuccess));
  ASSERT_EQ(RunCommand({"code", input.string(), "-c",
                        (kSourceDir / "tests/data/codebooks/minimal.yaml").string(), "-o",
                        (dir_ / "b").string(), "-q"})
                .exit_code,
            ExitCodeFor(Outcome::kSuccess));
  const CliRun run = RunCommand(
      {"counts", "merge", (dir_ / "a/counts.csv").string(), (dir_ / "b/counts.csv").string()});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_NE(run.err.find("not the same codebook"), std::string::npos) << run.err;
}

TEST_F(CountsMergeTest, RefusesAFileThatIsNotCounts) {
  const CliRun run =
      RunCommand({"counts", "merge", (kSourceDir / "samples/optam_changes.gold.csv").string()});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_NE(run.err.find("not a counts.csv"), std::string::npos) << run.err;
}

TEST_F(CountsMergeTest, NeedsTheMergeSubcommand) {
  EXPECT_EQ(RunCommand({"counts"}).exit_code, ExitCodeFor(Outcome::kUsage));
}

}  // namespace
}  // namespace verbatim
