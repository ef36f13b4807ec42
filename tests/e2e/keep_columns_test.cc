// --keep COL,… (#18 part 2) into the outputs the golden case does not
// cover: coded JSON Lines and review.xlsx, each kept value checked against
// the input row of the same id; and the error for a column that does not
// exist, which names it and lists the columns there are.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "io/review/xlsx_reader.h"
#include "tests/testing/binary_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::RunBinary;

const fs::path kSource = VERBATIM_SOURCE_DIR;
const std::string kCodebook = (kSource / "tests/data/codebooks/minimal.yaml").string();

struct Kept {
  std::string specialty, region;
};

// id -> the two columns to keep. Values that a spreadsheet would take for
// a formula, and an empty one, travel as they are.
const std::map<std::string, Kept> kKept = {
    {"a1", {"Pédiatrie", "Bretagne"}},  {"a2", {"Cardiologie", ""}},
    {"a3", {"=SUM(A1)", "Île-de-France"}}, {"a4", {"Pédiatrie", "Occitanie, sud"}},
    {"a5", {"Radiologie", "Bretagne"}}, {"a6", {"Cardiologie", "Normandie"}}};

const std::map<std::string, std::string> kTexts = {
    {"a1", "Revaloriser la CCAM"},
    {"a2", "La CCAM svp"},
    {"a3", "Pas de dépassements, merci"},
    {"a4", "Hausse de la CCAM et liberté des dépassements"},
    {"a5", "rien"},
    {"a6", "Je ne sais vraiment pas quoi vous répondre à cette question de liberté"}};

class KeepColumnsTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    std::string csv = "id,specialite,texte,region\n";
    for (const auto& [id, kept] : kKept) {
      csv += id + "," + kept.specialty + ",\"" + kTexts.at(id) + "\",\"" + kept.region + "\"\n";
    }
    input_ = (dir_ / "answers.csv").string();
    testing::WriteFile(input_, csv);
  }
  std::vector<std::string> Code(std::vector<std::string> more) const {
    std::vector<std::string> args = {"code",   input_, "--codebook", kCodebook, "--column",
                                     "texte", "--keep", "specialite,region"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
  }
  std::string input_;
};

TEST_F(KeepColumnsTest, CodedJsonLinesCarryTheKeptColumnsOfEachRow) {
  const testing::BinaryRun run = RunBinary(Code({"--out", "-", "--stdout-format", "jsonl"}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream lines(run.out);
  size_t rows = 0;
  for (std::string line; std::getline(lines, line); ++rows) {
    const nlohmann::json row = nlohmann::json::parse(line);
    const std::string id = row.at("id");
    ASSERT_TRUE(kKept.count(id)) << line;
    EXPECT_EQ(row.at("specialite"), kKept.at(id).specialty) << line;
    EXPECT_EQ(row.at("region"), kKept.at(id).region) << line;
    // After the row's own fields.
    EXPECT_LT(line.find("\"evidence\""), line.find("\"specialite\"")) << line;
  }
  EXPECT_EQ(rows, kKept.size());
}

TEST_F(KeepColumnsTest, ReviewWorkbookCarriesTheKeptColumnsAfterItsOwn) {
  const testing::BinaryRun run =
      RunBinary(Code({"--out", (dir_ / "out").string(), "--review-format", "xlsx", "-q"}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto sheet = ReadXlsxSheet((dir_ / "out" / "review.xlsx").string(), "review");
  ASSERT_TRUE(sheet) << sheet.error().message;
  ASSERT_GE(sheet->rows.size(), 2u) << "the fixture has answers to review";
  std::map<std::string, size_t> column;
  const std::vector<XlsxCell>& header = sheet->rows.front().cells;
  for (size_t c = 0; c < header.size(); ++c) column[header[c].value] = c;
  ASSERT_TRUE(column.count("id") && column.count("specialite") && column.count("region"));
  EXPECT_EQ(column.at("region"), column.at("specialite") + 1);
  EXPECT_GT(column.at("specialite"), column.at("decision"));
  for (size_t r = 1; r < sheet->rows.size(); ++r) {
    std::vector<XlsxCell> cells = sheet->rows[r].cells;
    cells.resize(header.size());
    const std::string id = cells[column.at("id")].value;
    ASSERT_TRUE(kKept.count(id)) << id;
    EXPECT_EQ(cells[column.at("specialite")].value, kKept.at(id).specialty) << id;
    EXPECT_EQ(cells[column.at("region")].value, kKept.at(id).region) << id;
    EXPECT_TRUE(cells[column.at("specialite")].formula.empty()) << "a text, never a formula";
  }
}

TEST_F(KeepColumnsTest, AnUnknownColumnIsAnErrorNamingItAndTheColumnsThereAre) {
  const std::vector<std::string> args = {"code",  input_, "--codebook", kCodebook, "--column",
                                         "texte", "--keep", "specialite,departement",
                                         "--out", (dir_ / "out").string()};
  const testing::BinaryRun run = RunBinary(args);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("\"departement\""), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("no such column"), std::string::npos) << run.err;
  for (const char* name : {"\"id\"", "\"specialite\"", "\"texte\"", "\"region\""}) {
    EXPECT_NE(run.err.find(name), std::string::npos) << name << " in " << run.err;
  }
  EXPECT_FALSE(fs::exists(dir_ / "out" / "coded.csv"));
}

}  // namespace
}  // namespace verbatim
