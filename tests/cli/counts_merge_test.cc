// verbatim counts merge: a corpus coded in pieces adds up to one run.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "io/csv_parser.h"
#include "io/csv_writer.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = VERBATIM_SOURCE_DIR;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

int RunVerbatim(std::vector<std::string> args, std::string* out = nullptr, std::string* err = nullptr) {
  args.insert(args.begin(), "verbatim");
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out_stream, err_stream;
  const int code = RunCli(static_cast<int>(argv.size()), argv.data(), out_stream, err_stream);
  if (out != nullptr) *out = out_stream.str();
  if (err != nullptr) *err = err_stream.str();
  return code;
}

class CountsMergeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("verbatim_counts_merge_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

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

  fs::path dir_;
};

TEST_F(CountsMergeTest, SplitThenMergeEqualsOneRun) {
  const std::string codebook = (kSourceDir / "codebooks/optam_changes.yaml").string();
  const fs::path sample = kSourceDir / "samples/optam_changes.csv";
  ASSERT_EQ(RunVerbatim({"code", sample.string(), "-c", codebook, "-o", (dir_ / "whole").string(), "-q"}),
            kExitSuccess);
  std::vector<std::string> merge_args = {"counts", "merge"};
  int piece = 0;
  for (const fs::path& part : Split(sample, 3)) {
    const fs::path out = dir_ / ("out" + std::to_string(piece++));
    ASSERT_EQ(RunVerbatim({"code", part.string(), "-c", codebook, "-o", out.string(), "-q"}),
              kExitSuccess);
    merge_args.push_back((out / "counts.csv").string());
  }
  std::string out;
  ASSERT_EQ(RunVerbatim(merge_args, &out), kExitSuccess);
  EXPECT_EQ(out, ReadFile(dir_ / "whole/counts.csv"));

  merge_args.push_back("-o");
  merge_args.push_back((dir_ / "merged.csv").string());
  ASSERT_EQ(RunVerbatim(merge_args), kExitSuccess);
  EXPECT_EQ(ReadFile(dir_ / "merged.csv"), ReadFile(dir_ / "whole/counts.csv"));
}

TEST_F(CountsMergeTest, OneFileIsItsOwnSum) {
  const std::string codebook = (kSourceDir / "codebooks/optam_changes.yaml").string();
  ASSERT_EQ(RunVerbatim({"code", (kSourceDir / "samples/optam_changes.csv").string(), "-c", codebook, "-o",
                 (dir_ / "whole").string(), "-q"}),
            kExitSuccess);
  std::string out;
  ASSERT_EQ(RunVerbatim({"counts", "merge", (dir_ / "whole/counts.csv").string()}, &out), kExitSuccess);
  EXPECT_EQ(out, ReadFile(dir_ / "whole/counts.csv"));
}

TEST_F(CountsMergeTest, RefusesCountsOfAnotherCodebook) {
  const fs::path input = kSourceDir / "samples/optam_changes.csv";
  ASSERT_EQ(RunVerbatim({"code", input.string(), "-c", (kSourceDir / "codebooks/optam_changes.yaml").string(),
                 "-o", (dir_ / "a").string(), "-q"}),
            kExitSuccess);
  ASSERT_EQ(RunVerbatim({"code", input.string(), "-c", (kSourceDir / "tests/data/codebooks/minimal.yaml").string(),
                 "-o", (dir_ / "b").string(), "-q"}),
            kExitSuccess);
  std::string err;
  EXPECT_EQ(RunVerbatim({"counts", "merge", (dir_ / "a/counts.csv").string(), (dir_ / "b/counts.csv").string()},
                nullptr, &err),
            kExitDataError);
  EXPECT_NE(err.find("not the same codebook"), std::string::npos) << err;
}

TEST_F(CountsMergeTest, RefusesAFileThatIsNotCounts) {
  std::string err;
  EXPECT_EQ(RunVerbatim({"counts", "merge", (kSourceDir / "samples/optam_changes.gold.csv").string()},
                nullptr, &err),
            kExitDataError);
  EXPECT_NE(err.find("not a counts.csv"), std::string::npos) << err;
}

TEST_F(CountsMergeTest, NeedsTheMergeSubcommand) {
  EXPECT_EQ(RunVerbatim({"counts"}), kExitUsage);
}

}  // namespace
}  // namespace verbatim
