// The real binary on inputs too big to commit, generated here: a 10 MB
// answer, a line of a million commas, a 10,000-pattern codebook, YAML nested
// 100,000 deep, aliases repeating a long string, an output folder with something in the way. Each
// must give a clear result, never a crash, and never a partial output. No timing assertions:
// bench/make_large_codebook.py is for measuring.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "io/input/csv_parser.h"
#include "tests/testing/binary_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::BinaryRun;
using testing::ReadFile;
using testing::ShellQuote;
using testing::SortedEntries;
using testing::WriteFile;

const fs::path kSourceDir = VERBATIM_SOURCE_DIR;
const std::string kCodebook = (kSourceDir / "tests/data/bad_input/codebook.yaml").string();

class HostileInputTest : public testing::TempDirTest {
 protected:
  // The binary's standard output and error together, in run.out.
  static BinaryRun Run(const std::vector<std::string>& args) {
    testing::BinaryOptions options;
    options.stderr_to = testing::Stderr::kWithStdout;
    return testing::RunBinary(args, options);
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
};

TEST_F(HostileInputTest, TenMegabyteAnswerIsCoded) {
  std::string answer;
  while (answer.size() < 10 * 1024 * 1024) answer += "Revaloriser la CCAM, dépassements. ";
  WriteFile(dir_ / "big.csv", "id,text\n1,\"" + answer + "\"\n2,rien\n");
  const BinaryRun run = Run({"code", (dir_ / "big.csv").string(), "--codebook", kCodebook, "--out",
                             (dir_ / "out").string(), "--quiet"});
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(run.out, "");
  const auto rows = CodedRows(dir_ / "out");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][2], "coded");
  EXPECT_EQ(rows[1][2], "uncoded");
}

TEST_F(HostileInputTest, LineOfAMillionCommasIsOneErrorRow) {
  WriteFile(dir_ / "commas.csv",
            "id,text\n1,Revaloriser la CCAM\n" + std::string(1'000'000, ',') + "\n3,rien\n");
  const BinaryRun run = Run({"code", (dir_ / "commas.csv").string(), "--codebook", kCodebook,
                             "--out", (dir_ / "out").string(), "--quiet"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out,
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
  const BinaryRun run = Run({"code", (dir_ / "commas.csv").string(), "--codebook", kCodebook,
                             "--out", (dir_ / "out").string(), "--column", "Avis"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_LT(run.out.size(), 500u) << run.out.substr(0, 500);
  EXPECT_NE(run.out.find("and 999981 more"), std::string::npos) << run.out.substr(0, 500);
}

TEST_F(HostileInputTest, TenThousandPatternCodebookLoadsAndCodes) {
  ASSERT_EQ(testing::RunShell("python3 " +
                              ShellQuote((kSourceDir / "bench/make_large_codebook.py").string()) +
                              " " + ShellQuote(dir_.string()) + " 10000 50"),
            0);
  const std::string codebook = (dir_ / "codebook.yaml").string();
  const BinaryRun code = Run({"code", (dir_ / "answers.csv").string(), "--codebook", codebook,
                              "--out", (dir_ / "out").string(), "--quiet"});
  EXPECT_EQ(code.exit_code, 0) << code.out;
  EXPECT_EQ(code.out, "");  // Not one diagnostic, not even a warning.
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
  const BinaryRun run = Run({"check", (dir_ / "deep.yaml").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find((dir_ / "deep.yaml").string() +
                         ":2:72: error: nesting is deeper than 64 levels"),
            std::string::npos)
      << run.out;
}

// Issue 19, item 3: 20 KB that drove `code` to 7.9 GB and bad_alloc after
// 115 s: a 2,000-word description repeated as 1,000 patterns by an alias.
TEST_F(HostileInputTest, AliasRepeatingALongStringIsRefused) {
  std::string words;
  for (int i = 0; i < 2000; ++i) words += (i > 0 ? " mot" : "mot") + std::to_string(i);
  std::string patterns;
  for (int i = 0; i < 1000; ++i) patterns += i > 0 ? ", *s" : "*s";
  const fs::path codebook = dir_ / "aliases.yaml";
  WriteFile(codebook,
            "codebook: {id: bomb, version: \"1\", language: fr}\nthemes:\n"
            "  - id: t\n    label: T\n    description: &s \"" +
                words + "\"\n    patterns: [" + patterns + "]\n");
  const BinaryRun run =
      Run({"code", (kSourceDir / "tests/data/bad_input/empty_answer.csv").string(), "--codebook",
           codebook.string(), "--out", (dir_ / "out").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find(codebook.string() + ":6:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("error: aliases expand the document by more than 1048576 bytes of text"),
            std::string::npos)
      << run.out;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "coded.csv"));
}

TEST_F(HostileInputTest, FolderInTheWayOfAnOutputLeavesNothingBehind) {
  const fs::path out = dir_ / "out";
  fs::create_directories(out / "run.json");
  const BinaryRun run =
      Run({"code", (kSourceDir / "tests/data/bad_input/empty_answer.csv").string(), "--codebook",
           kCodebook, "--out", out.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "verbatim code: cannot write " + (out / "run.json").string() +
                         ": a folder of that name is in the way\n");
  EXPECT_EQ(SortedEntries(out), std::vector<std::string>{"run.json"});  // No output, no temporary.
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
    const BinaryRun run = Run(args);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("nothing was written"), std::string::npos) << run.out;
    EXPECT_EQ(SortedEntries(out), std::vector<std::string>{});
  }
}

TEST_F(HostileInputTest, Utf16OnStandardInputIsRead) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("id,text\n1,Revaloriser la CCAM\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  WriteFile(dir_ / "in.csv", utf16);
  testing::BinaryOptions options;
  options.stdin_file = dir_ / "in.csv";
  ASSERT_EQ(testing::RunBinary(
                {"code", "-", "--codebook", kCodebook, "--out", (dir_ / "out").string(), "--quiet"},
                options)
                .exit_code,
            0);
  const auto rows = CodedRows(dir_ / "out");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][2], "coded");
}

}  // namespace
}  // namespace verbatim
