// The real binary on inputs too big to commit, generated here: a 10 MB
// answer, a line of a million commas, a 10,000-pattern codebook, YAML nested
// 100,000 deep, aliases repeating a long string, an output folder with
// something in the way, links planted at temporary names; spreadsheet
// formulas in ids, texts, labels and decisions; a full standard output.
// Each must give a clear result, never a crash, and never a partial or
// dangerous output. No timing assertions: bench/make_large_codebook.py is
// for measuring.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "io/input/csv_parser.h"
#include "io/output/csv_writer.h"
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
  // The id column of a row that cannot be read is empty: the row number
  // (first column) still places it.
  EXPECT_EQ(rows[1], (std::vector<std::string>{
                         "2", "", "error",
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

// #19 item 2, the reproducer: links planted at the temporary names
// the run used to take (<name>.tmp-<pid>-<n>, the pid known through exec)
// and a link at coded.csv itself. Nothing is written through a link, and
// coded.csv ends as a regular file (README, "Outputs").
TEST_F(HostileInputTest, LinksPlantedInTheOutputFolderAreNeverFollowed) {
  const fs::path out = dir_ / "out";
  fs::create_directories(out);
  WriteFile(dir_ / "precious.txt", "precious");
  fs::create_symlink(dir_ / "precious.txt", out / "coded.csv");
  std::string plant;
  for (const char* name : {"coded.csv", "review.csv", "counts.csv", "run.json"}) {
    for (int n = 0; n < 16; ++n) {
      plant += "ln -s " + ShellQuote((dir_ / "precious.txt").string()) + " " +
               ShellQuote((out / name).string()) + ".tmp-$$-" + std::to_string(n) + "; ";
      plant += "ln -s " + ShellQuote((dir_ / (std::string("made_") + name)).string()) + " " +
               ShellQuote((out / name).string()) + ".tmp-$$-" + std::to_string(n + 16) + "; ";
    }
  }
  const std::string command =
      plant + "exec " + ShellQuote(VERBATIM_BINARY) + " code " +
      ShellQuote((kSourceDir / "samples/optam_changes.csv").string()) + " --codebook " +
      ShellQuote((kSourceDir / "codebooks/optam_changes.yaml").string()) + " --out " +
      ShellQuote(out.string()) + " -q > /dev/null 2>&1";
  ASSERT_EQ(testing::RunShell(command), 0) << command;
  EXPECT_EQ(ReadFile(dir_ / "precious.txt"), "precious");
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(out / "coded.csv")));
  EXPECT_NE(ReadFile(out / "coded.csv").find("status"), std::string::npos);
  for (const std::string& entry : SortedEntries(dir_)) {
    EXPECT_EQ(entry.rfind("made_", 0), std::string::npos) << entry << ": created through a link";
  }
}

// #19 item 11 (last point): a dangling link as --out said "File exists".
TEST_F(HostileInputTest, DanglingLinkAsOutputFolderIsNamed) {
  const fs::path out = dir_ / "out";
  fs::create_symlink(dir_ / "gone", out);
  const BinaryRun run =
      Run({"code", (kSourceDir / "tests/data/bad_input/empty_answer.csv").string(), "--codebook",
           kCodebook, "--out", out.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "verbatim code: cannot create output folder " + out.string() +
                         ": it is a symbolic link to " + (dir_ / "gone").string() +
                         ", which does not exist (create that folder, or remove the link)\n");
  EXPECT_FALSE(fs::exists(dir_ / "gone"));
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

// OWASP's CSV-injection payloads (owasp.org/www-community/attacks/CSV_Injection),
// as ids: none holds a ',' or a '"', so each is one cell as it stands. Tab
// and CR, which readers trim around an id, lead the texts.
const std::vector<std::string> kPayloadIds = {
    "=cmd|' /C calc'!A0",
    "=HYPERLINK(0)",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "'=1+1",
};

// The cells of a CSV file, header included.
std::vector<std::vector<std::string>> CsvCells(const std::string& text) {
  std::istringstream in(text);
  CsvParser parser(in, text.find(';') < text.find(',') ? ';' : ',');
  CsvRecord record;
  std::vector<std::vector<std::string>> rows;
  while (parser.Next(&record)) rows.push_back(record.fields);
  return rows;
}

// A cell a spreadsheet would run: OWASP's list of first characters.
bool IsFormula(const std::string& cell) {
  return !cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos;
}

void ExpectNoFormula(const fs::path& file) {
  for (const auto& row : CsvCells(ReadFile(file))) {
    for (const std::string& cell : row) EXPECT_FALSE(IsFormula(cell)) << file << ": " << cell;
  }
}

TEST_F(HostileInputTest, FormulaPayloadsAreGuardedInEveryCsvAndRoundTripThroughDecisions) {
  // A label from the codebook, ids and texts from the answers.
  std::string codebook = ReadFile(kCodebook);
  const std::string label = "label: \"Revalorisation de la CCAM\"";
  ASSERT_NE(codebook.find(label), std::string::npos);
  codebook.replace(codebook.find(label), label.size(),
                   "label: '=HYPERLINK(\"http://x\",\"c\")'");
  WriteFile(dir_ / "codebook.yaml", codebook);
  std::string input = "id;text\n";
  for (size_t i = 0; i < kPayloadIds.size(); ++i) {
    const std::string lead = i % 3 == 0 ? "" : i % 3 == 1 ? "\t" : "\r";
    input += "\"" + kPayloadIds[i] + "\";\"" + lead + kPayloadIds[i] +
             " un deux trois quatre cinq six sept\"\n";
  }
  WriteFile(dir_ / "in.csv", input);
  for (const bool excel_fr : {false, true}) {
    const fs::path out = dir_ / (excel_fr ? "fr" : "out");
    std::vector<std::string> args = {"code", (dir_ / "in.csv").string(), "--id-column", "id",
                                     "--codebook", (dir_ / "codebook.yaml").string(), "--out",
                                     out.string(), "--quiet"};
    if (excel_fr) args.push_back("--excel-fr");
    const BinaryRun run = Run(args);
    ASSERT_EQ(run.exit_code, 0) << run.out;
    for (const char* name : {"review.csv", "coded.csv", "counts.csv"}) ExpectNoFormula(out / name);
    const auto review = CsvCells(ReadFile(out / "review.csv"));
    ASSERT_EQ(review.size(), kPayloadIds.size() + 1);
    for (size_t i = 0; i < kPayloadIds.size(); ++i) {
      EXPECT_EQ(StripFormulaGuard(review[i + 1][0]), kPayloadIds[i]);
      EXPECT_EQ(review[i + 1][0], "'" + kPayloadIds[i]);
    }
  }

  // A reviewer's decision "=tarifs.ccam" and a hostile comment, as the
  // tool would write them (guarded), then review apply and code --decisions.
  const std::string comment = "@SUM(1+1)*cmd|' /C calc'!A0";
  std::string filled;
  for (const auto& row : CsvCells(ReadFile(dir_ / "out/review.csv"))) {
    std::vector<std::string> cells = row;
    if (cells[0] != "id") {
      cells[7] = "=tarifs.ccam";
      cells[8] = comment;
    }
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      // The header's and the tool's own cells go back as they came.
      if (cells[0] == "id" || i < 7) {
        AppendCsvField(&line, StripFormulaGuard(cells[i]), ',', i == 0);
      } else {
        AppendCsvField(&line, cells[i], ',', i == 0);
      }
    }
    filled += line + "\n";
  }
  WriteFile(dir_ / "out/review.csv", filled);
  const fs::path decisions = dir_ / "decisions.csv";
  const BinaryRun apply = Run({"review", "apply", (dir_ / "out/review.csv").string(),
                               "--decisions", decisions.string()});
  ASSERT_EQ(apply.exit_code, 0) << apply.out;
  ExpectNoFormula(decisions);
  const auto recorded = CsvCells(ReadFile(decisions));
  ASSERT_EQ(recorded.size(), kPayloadIds.size() + 1);
  std::map<std::string, std::string> decided;
  for (size_t i = 1; i < recorded.size(); ++i) {
    EXPECT_EQ(recorded[i][3], "'=tarifs.ccam");
    EXPECT_EQ(recorded[i][4], "'" + comment);
    decided[std::string(StripFormulaGuard(recorded[i][0]))] = recorded[i][3];
  }
  for (const std::string& id : kPayloadIds) EXPECT_EQ(decided.count(id), 1u) << id;

  const BinaryRun code = Run({"code", (dir_ / "in.csv").string(), "--id-column", "id",
                              "--codebook", (dir_ / "codebook.yaml").string(), "--out",
                              (dir_ / "again").string(), "--decisions", decisions.string(),
                              "--quiet"});
  ASSERT_EQ(code.exit_code, 0) << code.out;
  const auto coded = CsvCells(ReadFile(dir_ / "again/coded.csv"));
  ASSERT_EQ(coded.size(), kPayloadIds.size() + 1);
  for (size_t i = 0; i < kPayloadIds.size(); ++i) {
    EXPECT_EQ(coded[i + 1][1], "'" + kPayloadIds[i]);
    EXPECT_EQ(coded[i + 1][3], "tarifs.ccam") << kPayloadIds[i];
  }
  // A second apply reads decisions.csv back: still one decision per id.
  const BinaryRun again = Run({"review", "apply", (dir_ / "out/review.csv").string(),
                               "--decisions", decisions.string()});
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(CsvCells(ReadFile(decisions)), recorded);
}

// Every command that prints its results, run with standard output on a
// full disk: exit 1 and the message, never a silent success.
TEST_F(HostileInputTest, FullStandardOutputIsAnErrorForEveryCommand) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  WriteFile(dir_ / "in.csv", "id,text\n1,Revaloriser la CCAM\n2,dépassements\n");
  WriteFile(dir_ / "gold.csv", "id,codes\n1,tarifs.ccam\n2,liberte\n");
  const std::string in = (dir_ / "in.csv").string();
  ASSERT_EQ(Run({"code", in, "--codebook", kCodebook, "--out", (dir_ / "out").string(), "--quiet"})
                .exit_code,
            0);
  const std::string counts = (dir_ / "out/counts.csv").string();
  const std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
      {"counts merge", {"counts", "merge", counts, counts}},
      {"agree",
       {"agree", "--gold", (dir_ / "gold.csv").string(), "--coded",
        (dir_ / "out/coded.csv").string(), "--codebook", kCodebook}},
      {"terms", {"terms", "--input", in}},
      {"check", {"check", kCodebook}},
      {"kwic", {"kwic", "--input", in, "ccam"}},
      {"diff", {"diff", "--old", kCodebook, "--new", kCodebook, "--input", in}},
      {"explain", {"explain", "--codebook", kCodebook, "--text", "Revaloriser la CCAM"}},
      {"code", {"code", in, "--codebook", kCodebook, "-o", "-"}},
  };
  for (const auto& [name, args] : commands) {
    std::string command = ShellQuote(VERBATIM_BINARY);
    for (const std::string& arg : args) command += " " + ShellQuote(arg);
    const fs::path err = dir_ / "err.txt";
    const int exit_code = testing::RunShell(command + " > /dev/full 2> " + ShellQuote(err.string()));
    EXPECT_EQ(exit_code, 1) << name << ": " << ReadFile(err);
    // The message, and no other error: the arguments are good.
    EXPECT_NE(ReadFile(err).find("verbatim " + name + ": cannot write to standard output"),
              std::string::npos)
        << name << ": " << ReadFile(err);
  }
}

}  // namespace
}  // namespace verbatim
