// verbatim counts merge: a corpus coded in pieces adds up to one run.
#include <gtest/gtest.h>
#include <unistd.h>

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

void WriteFileAt(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
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

  // Codes the sample whole (dir_/whole) and in `pieces` pieces; returns the
  // pieces' counts.csv paths.
  std::vector<std::string> CodeWholeAndPieces(int pieces) {
    const std::string codebook = (kSourceDir / "codebooks/optam_changes.yaml").string();
    const fs::path sample = kSourceDir / "samples/optam_changes.csv";
    EXPECT_EQ(RunVerbatim(
                  {"code", sample.string(), "-c", codebook, "-o", (dir_ / "whole").string(), "-q"}),
              ExitCodeFor(Outcome::kSuccess));
    std::vector<std::string> counts;
    int piece = 0;
    for (const fs::path& part : Split(sample, pieces)) {
      const fs::path out = dir_ / ("out" + std::to_string(piece++));
      EXPECT_EQ(RunVerbatim({"code", part.string(), "-c", codebook, "-o", out.string(), "-q"}),
                ExitCodeFor(Outcome::kSuccess));
      counts.push_back((out / "counts.csv").string());
    }
    return counts;
  }

  fs::path dir_;
};

TEST_F(CountsMergeTest, SplitThenMergeEqualsOneRun) {
  const std::string codebook = (kSourceDir / "codebooks/optam_changes.yaml").string();
  const fs::path sample = kSourceDir / "samples/optam_changes.csv";
  ASSERT_EQ(RunVerbatim({"code", sample.string(), "-c", codebook, "-o", (dir_ / "whole").string(), "-q"}),
            ExitCodeFor(Outcome::kSuccess));
  std::vector<std::string> merge_args = {"counts", "merge"};
  int piece = 0;
  for (const fs::path& part : Split(sample, 3)) {
    const fs::path out = dir_ / ("out" + std::to_string(piece++));
    ASSERT_EQ(RunVerbatim({"code", part.string(), "-c", codebook, "-o", out.string(), "-q"}),
              ExitCodeFor(Outcome::kSuccess));
    merge_args.push_back((out / "counts.csv").string());
  }
  std::string out;
  ASSERT_EQ(RunVerbatim(merge_args, &out), ExitCodeFor(Outcome::kSuccess));
  EXPECT_EQ(out, ReadFile(dir_ / "whole/counts.csv"));

  merge_args.push_back("-o");
  merge_args.push_back((dir_ / "merged.csv").string());
  ASSERT_EQ(RunVerbatim(merge_args), ExitCodeFor(Outcome::kSuccess));
  EXPECT_EQ(ReadFile(dir_ / "merged.csv"), ReadFile(dir_ / "whole/counts.csv"));
}

// `cat part-*/counts.csv | verbatim counts merge -`: the reduce step after
// Spark's RDD.pipe or a map-only Hadoop Streaming job.
TEST_F(CountsMergeTest, ConcatenatedPartsOnStdinEqualOneRun) {
  std::string concatenated;
  for (const std::string& path : CodeWholeAndPieces(3)) concatenated += ReadFile(path);
  StdinFrom stdin_from(concatenated);
  std::string out, err;
  ASSERT_EQ(RunVerbatim({"counts", "merge", "-"}, &out, &err), ExitCodeFor(Outcome::kSuccess)) << err;
  EXPECT_EQ(out, ReadFile(dir_ / "whole/counts.csv"));
}

TEST_F(CountsMergeTest, ConcatenatedPartsInAFileAndStdinMixWithFiles) {
  const std::vector<std::string> parts = CodeWholeAndPieces(4);
  WriteFileAt(dir_ / "first_two.csv", ReadFile(parts[0]) + ReadFile(parts[1]));
  StdinFrom stdin_from(ReadFile(parts[2]));
  ASSERT_EQ(RunVerbatim({"counts", "merge", (dir_ / "first_two.csv").string(), "-", parts[3], "-o",
                         (dir_ / "merged.csv").string()}),
            ExitCodeFor(Outcome::kSuccess));
  EXPECT_EQ(ReadFile(dir_ / "merged.csv"), ReadFile(dir_ / "whole/counts.csv"));
}

TEST_F(CountsMergeTest, StdinErrorNamesTheStreamAndLine) {
  const std::vector<std::string> parts = CodeWholeAndPieces(2);
  const std::string first = ReadFile(parts[0]);
  const std::string header = first.substr(0, first.find('\n') + 1);
  const int lines = static_cast<int>(std::count(first.begin(), first.end(), '\n'));
  StdinFrom stdin_from(first + header + "theme,x,y,many,,\n");
  std::string err;
  EXPECT_EQ(RunVerbatim({"counts", "merge", "-"}, nullptr, &err), ExitCodeFor(Outcome::kDataError));
  EXPECT_EQ(err, "verbatim counts merge: <stdin>:" + std::to_string(lines + 2) +
                     ": part 2: answers 'many' is not a whole number\n");
}

TEST_F(CountsMergeTest, OneFileIsItsOwnSum) {
  const std::string codebook = (kSourceDir / "codebooks/optam_changes.yaml").string();
  ASSERT_EQ(RunVerbatim({"code", (kSourceDir / "samples/optam_changes.csv").string(), "-c", codebook, "-o",
                 (dir_ / "whole").string(), "-q"}),
            ExitCodeFor(Outcome::kSuccess));
  std::string out;
  ASSERT_EQ(RunVerbatim({"counts", "merge", (dir_ / "whole/counts.csv").string()}, &out), ExitCodeFor(Outcome::kSuccess));
  EXPECT_EQ(out, ReadFile(dir_ / "whole/counts.csv"));
}

TEST_F(CountsMergeTest, RefusesCountsOfAnotherCodebook) {
  const fs::path input = kSourceDir / "samples/optam_changes.csv";
  ASSERT_EQ(RunVerbatim({"code", input.string(), "-c", (kSourceDir / "codebooks/optam_changes.yaml").string(),
                 "-o", (dir_ / "a").string(), "-q"}),
            ExitCodeFor(Outcome::kSuccess));
  ASSERT_EQ(RunVerbatim({"code", input.string(), "-c", (kSourceDir / "tests/data/codebooks/minimal.yaml").string(),
                 "-o", (dir_ / "b").string(), "-q"}),
            ExitCodeFor(Outcome::kSuccess));
  std::string err;
  EXPECT_EQ(RunVerbatim({"counts", "merge", (dir_ / "a/counts.csv").string(), (dir_ / "b/counts.csv").string()},
                nullptr, &err),
            ExitCodeFor(Outcome::kDataError));
  EXPECT_NE(err.find("not the same codebook"), std::string::npos) << err;
}

TEST_F(CountsMergeTest, RefusesAFileThatIsNotCounts) {
  std::string err;
  EXPECT_EQ(RunVerbatim({"counts", "merge", (kSourceDir / "samples/optam_changes.gold.csv").string()},
                nullptr, &err),
            ExitCodeFor(Outcome::kDataError));
  EXPECT_NE(err.find("not a counts.csv"), std::string::npos) << err;
}

TEST_F(CountsMergeTest, NeedsTheMergeSubcommand) {
  EXPECT_EQ(RunVerbatim({"counts"}), ExitCodeFor(Outcome::kUsage));
}

}  // namespace
}  // namespace verbatim
