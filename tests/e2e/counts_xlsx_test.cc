// `code --counts-xlsx` (#18 part 6): counts.xlsx holds counts.csv's
// tables, the overall counts on sheet "counts" and, with --by, the group
// rows on sheet "groups", numbers stored as numbers; with --decisions, the
// final counts. Read back with the
// project's xlsx reader and compared cell by cell with counts.csv.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "io/input/csv_parser.h"
#include "io/input/input_reader.h"
#include "io/input/sha256.h"
#include "io/review/xlsx_reader.h"
#include "tests/testing/binary_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunBinary;

const fs::path kSource = VERBATIM_SOURCE_DIR;
const std::string kInput = (kSource / "samples/own_survey/reponses.csv").string();
const std::string kCodebook = (kSource / "samples/own_survey/domaines.yaml").string();

using Table = std::vector<std::vector<std::string>>;

Table ReadCsv(const fs::path& path) {
  std::istringstream in(ReadFile(path));
  CsvParser parser(in, ',');
  Table rows;
  for (CsvRecord record; parser.Next(&record);) {
    EXPECT_FALSE(record.error) << path << ":" << record.line;
    rows.push_back(record.fields);
  }
  return rows;
}

Table ReadSheet(const fs::path& path, const std::string& sheet) {
  auto read = ReadXlsxSheet(path.string(), sheet);
  EXPECT_TRUE(read) << (read ? "" : read.error().message);
  Table rows;
  if (!read) return rows;
  EXPECT_EQ(read->name, sheet);
  for (const XlsxRow& row : read->rows) {
    std::vector<std::string> cells;
    for (const XlsxCell& cell : row.cells) cells.push_back(cell.value);
    rows.push_back(cells);
  }
  return rows;
}

// The same value: equal text, or equal numbers ("10.0" in the CSV, "10"
// in the workbook).
void ExpectSameCell(const std::string& csv, const std::string& xlsx, const std::string& where) {
  if (csv == xlsx) return;
  char* end = nullptr;
  const double number = std::strtod(csv.c_str(), &end);
  ASSERT_TRUE(!csv.empty() && *end == '\0') << where << ": '" << csv << "' vs '" << xlsx << "'";
  EXPECT_DOUBLE_EQ(std::strtod(xlsx.c_str(), nullptr), number) << where;
}

void ExpectSameTable(const Table& csv, const Table& xlsx, const std::string& sheet) {
  ASSERT_EQ(xlsx.size(), csv.size()) << sheet;
  for (size_t r = 0; r < csv.size(); ++r) {
    std::vector<std::string> cells = xlsx[r];
    cells.resize(csv[r].size());  // Trailing blank cells are absent from the sheet.
    for (size_t c = 0; c < csv[r].size(); ++c) {
      ExpectSameCell(csv[r][c], cells[c], sheet + " row " + std::to_string(r + 1) + " column " +
                                              std::to_string(c + 1));
    }
  }
}

class CountsXlsxTest : public testing::TempDirTest {
 protected:
  testing::BinaryRun Code(const std::string& out, std::vector<std::string> more) {
    std::vector<std::string> args = {"code",       kInput, "--codebook", kCodebook, "--encoding",
                                     "windows-1252", "--out", (dir_ / out).string(), "-q"};
    args.insert(args.end(), more.begin(), more.end());
    return RunBinary(args);
  }
};

TEST_F(CountsXlsxTest, HoldsTheCountsAndTheByGroupTableOfCountsCsv) {
  const testing::BinaryRun run = Code("o", {"--by", "Questionnaire", "--counts-xlsx"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Table csv = ReadCsv(dir_ / "o" / "counts.csv");
  ASSERT_GT(csv.size(), 2u);
  // counts.csv: by, group, level … pct_coded, ci95_low, ci95_high.
  Table overall, groups;
  overall.push_back(std::vector<std::string>(csv[0].begin() + 2, csv[0].end() - 2));
  groups.push_back(csv[0]);
  for (size_t r = 1; r < csv.size(); ++r) {
    if (csv[r][0].empty()) {
      overall.push_back(std::vector<std::string>(csv[r].begin() + 2, csv[r].end() - 2));
    } else {
      groups.push_back(csv[r]);
    }
  }
  ASSERT_GT(groups.size(), overall.size());  // Two questionnaires.
  const fs::path workbook = dir_ / "o" / "counts.xlsx";
  ExpectSameTable(overall, ReadSheet(workbook, "counts"), "counts");
  ExpectSameTable(groups, ReadSheet(workbook, "groups"), "groups");
  // Counts are numbers, not text: the answers cell of the first data row
  // (D2) has no shared-string type.
  auto sheet = ReadXlsxPart(workbook.string(), "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  const size_t cell = sheet->find("r=\"D2\"");
  ASSERT_NE(cell, std::string::npos);
  EXPECT_EQ(sheet->substr(cell, sheet->find('>', cell) - cell).find("t=\"s\""), std::string::npos)
      << sheet->substr(cell, 80);
  // run.json records it, so the "Apply them" hint passes it again.
  EXPECT_NE(ReadFile(dir_ / "o" / "run.json").find("\"counts_xlsx\""), std::string::npos);
}

TEST_F(CountsXlsxTest, ExcelFrChangesTheCsvNotTheWorkbooksNumbers) {
  ASSERT_EQ(Code("std", {"--by", "Questionnaire", "--counts-xlsx"}).exit_code, 0);
  ASSERT_EQ(Code("fr", {"--by", "Questionnaire", "--counts-xlsx", "--excel-fr"}).exit_code, 0);
  EXPECT_EQ(ReadSheet(dir_ / "fr" / "counts.xlsx", "groups"),
            ReadSheet(dir_ / "std" / "counts.xlsx", "groups"));
  EXPECT_EQ(ReadSheet(dir_ / "fr" / "counts.xlsx", "counts"),
            ReadSheet(dir_ / "std" / "counts.xlsx", "counts"));
}

TEST_F(CountsXlsxTest, WithoutByThereIsNoGroupsSheetAndWithoutTheFlagNoWorkbook) {
  ASSERT_EQ(Code("o", {"--counts-xlsx"}).exit_code, 0);
  auto workbook = ReadXlsxPart((dir_ / "o" / "counts.xlsx").string(), "xl/workbook.xml");
  ASSERT_TRUE(workbook);
  EXPECT_NE(workbook->find("name=\"counts\""), std::string::npos);
  EXPECT_EQ(workbook->find("name=\"groups\""), std::string::npos);
  ASSERT_EQ(Code("plain", {}).exit_code, 0);
  EXPECT_FALSE(fs::exists(dir_ / "plain" / "counts.xlsx"));
}

// The answers column of counts.csv by code id.
std::map<std::string, std::string> AnswersById(const Table& counts) {
  std::map<std::string, std::string> answers;
  for (size_t r = 1; r < counts.size(); ++r) answers[counts[r].at(1)] = counts[r].at(3);
  return answers;
}

// The codes of coded.csv by answer id.
std::map<std::string, std::set<std::string>> CodesById(const Table& coded) {
  std::map<std::string, std::set<std::string>> codes;
  for (size_t r = 1; r < coded.size(); ++r) {
    std::set<std::string>& set = codes[coded[r].at(1)];
    std::istringstream list(coded[r].at(3));
    for (std::string code; std::getline(list, code, ';');) set.insert(code);
  }
  return codes;
}

// With --decisions the workbook holds the final counts, as counts.csv does:
// a coded answer decided to no code leaves its subtheme, a subtheme decided
// onto an answer is counted once more.
TEST_F(CountsXlsxTest, WithDecisionsTheWorkbookHoldsTheFinalCounts) {
  ASSERT_EQ(Code("machine", {"--counts-xlsx"}).exit_code, 0);
  const auto machine_codes = CodesById(ReadCsv(dir_ / "machine" / "coded.csv"));
  // Two answers the machine coded: `dropped` loses all its codes, `added`
  // gains a subtheme neither of them has; `left` is a subtheme of `dropped`
  // that `added` lacks.
  std::string dropped, added, left, gained;
  for (const auto& [id, codes] : machine_codes) {
    if (codes.empty()) continue;
    if (dropped.empty()) {
      dropped = id;
    } else if (added.empty()) {
      added = id;
    }
  }
  ASSERT_FALSE(added.empty());
  for (const std::string& code : machine_codes.at(dropped)) {
    if (code.find('.') != std::string::npos && !machine_codes.at(added).contains(code)) left = code;
  }
  const Table machine_counts = ReadCsv(dir_ / "machine" / "counts.csv");
  for (const auto& [code, answers] : AnswersById(machine_counts)) {
    if (code.find('.') != std::string::npos && !machine_codes.at(dropped).contains(code) &&
        !machine_codes.at(added).contains(code)) {
      gained = code;
    }
  }
  ASSERT_FALSE(left.empty());
  ASSERT_FALSE(gained.empty());

  // The texts as verbatim reads them, for the hash a decision is made on.
  InputOptions options;
  options.path = kInput;
  options.encoding = InputEncoding::kWindows1252;
  auto reader = OpenInput(options);
  ASSERT_TRUE(reader) << FormatError(reader.error());
  std::map<std::string, std::string> text_of;
  for (InputRecord record; (*reader)->Next(&record);) text_of[record.id] = record.text;
  testing::WriteFile(dir_ / "decisions.csv",
                     "id,text_sha256,codes,decision\n" + dropped + "," +
                         Sha256Hex(text_of.at(dropped)) + ",,none\n" + added + "," +
                         Sha256Hex(text_of.at(added)) + "," + gained + ",=" + gained + "\n");

  const testing::BinaryRun run =
      Code("final", {"--decisions", (dir_ / "decisions.csv").string(), "--counts-xlsx"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Table final_counts = ReadCsv(dir_ / "final" / "counts.csv");
  const Table workbook = ReadSheet(dir_ / "final" / "counts.xlsx", "counts");
  ExpectSameTable(final_counts, workbook, "counts");
  const auto machine = AnswersById(machine_counts);
  const auto decided = AnswersById(workbook);
  SCOPED_TRACE(dropped + " none, " + added + " =" + gained + ", " + left + " left");
  EXPECT_EQ(std::stoi(decided.at(left)), std::stoi(machine.at(left)) - 1);
  EXPECT_EQ(std::stoi(decided.at(gained)), std::stoi(machine.at(gained)) + 1);
}

TEST_F(CountsXlsxTest, RefusedOnStandardOutput) {
  const testing::BinaryRun run =
      RunBinary({"code", kInput, "--codebook", kCodebook, "--encoding", "windows-1252", "--out",
                 "-", "--counts-xlsx"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--counts-xlsx"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace verbatim
