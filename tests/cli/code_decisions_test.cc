// verbatim code with decisions, and the refusal to lose a reviewer's work,
// in-process on the small fixtures of tests/data/review/. The complete
// outputs of a run applying tests/data/review/decisions.csv are the golden
// case tests/e2e/cases/review_decisions.
#include <gtest/gtest.h>

#include <filesystem>

#include "io/input/csv_parser.h"
#include "io/review/review_reader.h"
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

class CodeDecisionsTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    out_ = dir_ / "out";
    decisions_ = (dir_ / "decisions.csv").string();
  }

  CliRun Code(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"code", kAnswers, "--codebook", kCodebook, "--id-column",
                                      "id", "--out", out_.string(), "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunCommand(args);
  }

  fs::path out_;
  std::string decisions_;
};

TEST_F(CodeDecisionsTest, RefusesToOverwriteAReviewFileWithDecisionsNeverApplied) {
  ASSERT_EQ(Code().exit_code, 0);
  const std::string review = (out_ / "review.csv").string();
  WriteFile(review, ReadFile(kData / "review_filled.csv"));
  const std::string coded_before = ReadFile(out_ / "coded.csv");

  const CliRun run = Code();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(review + " holds 3 decision(s) that were never applied (answer(s) a2, "
                                  "a3, a4); a new review file would lose them. Nothing was "
                                  "written.\nApply them first:\n  verbatim review apply " +
                         review + " --decisions decisions.csv\n"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("or pass --force"), std::string::npos);
  EXPECT_EQ(ReadFile(review), ReadFile(kData / "review_filled.csv"));
  EXPECT_EQ(ReadFile(out_ / "coded.csv"), coded_before);
}

TEST_F(CodeDecisionsTest, OnceAppliedTheReviewFileMayBeReplaced) {
  ASSERT_EQ(Code().exit_code, 0);
  const std::string review = (out_ / "review.csv").string();
  WriteFile(review, ReadFile(kData / "review_filled.csv"));
  ASSERT_EQ(RunCommand({"review", "apply", review, "--decisions", decisions_}).exit_code, 0);

  // The refusal message names the decisions file given.
  std::string changed = ReadFile(kData / "review_filled.csv");
  changed.replace(changed.find(",ok,CCAM seule"), 14, ",none,CCAM seule");
  WriteFile(review, changed);
  const CliRun refused = Code({"--decisions", decisions_});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("holds 1 decision(s) that were never applied (answer(s) a2)"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("verbatim review apply " + review + " --decisions " + decisions_),
            std::string::npos)
      << refused.err;

  WriteFile(review, ReadFile(kData / "review_filled.csv"));
  const CliRun run = Code({"--decisions", decisions_});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto table = ReadReviewFile(review);
  ASSERT_TRUE(table.has_value());
  ASSERT_EQ(table->rows.size(), 1u) << "decided answers leave the review file";
  EXPECT_EQ(table->rows[0].id, "a6");
}

TEST_F(CodeDecisionsTest, ForceOverwritesButKeepsTheOldFile) {
  ASSERT_EQ(Code().exit_code, 0);
  const std::string review = (out_ / "review.csv").string();
  WriteFile(review, ReadFile(kData / "review_filled.csv"));
  const CliRun run = Code({"--force"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("; kept as " + review + ".bak\n"), std::string::npos) << run.err;
  EXPECT_EQ(ReadFile(review + ".bak"), ReadFile(kData / "review_filled.csv"));
  auto table = ReadReviewFile(review);
  ASSERT_TRUE(table.has_value());
  for (const ReviewedRow& row : table->rows) EXPECT_EQ(row.decision, "") << row.id;
}

// #19 item 8: the second --force kept its file as .bak.1; the first
// backup, which may hold other unapplied decisions, is still there.
TEST_F(CodeDecisionsTest, SecondForceKeepsTheFirstBackup) {
  ASSERT_EQ(Code().exit_code, 0);
  const std::string review = (out_ / "review.csv").string();
  const std::string first = ReadFile(kData / "review_filled.csv");
  WriteFile(review, first);
  ASSERT_EQ(Code({"--force"}).exit_code, 0);

  std::string second = first;
  second.replace(second.find(",ok,CCAM seule"), 14, ",none,CCAM seule");
  WriteFile(review, second);
  const CliRun run = Code({"--force"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("; kept as " + review + ".bak.1\n"), std::string::npos) << run.err;
  EXPECT_EQ(ReadFile(review + ".bak"), first);
  EXPECT_EQ(ReadFile(review + ".bak.1"), second);
  EXPECT_FALSE(fs::exists(review + ".bak.2"));
}

TEST_F(CodeDecisionsTest, GuardsAnXlsxReviewFileToo) {
  ASSERT_EQ(Code({"--review-format", "xlsx"}).exit_code, 0);
  // A reviewer's workbook with decisions: the one LibreOffice saved.
  fs::copy_file(kData / "libreoffice_review.xlsx", out_ / "review.xlsx",
                fs::copy_options::overwrite_existing);
  const CliRun run = Code({"--review-format", "xlsx"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("review.xlsx holds 4 decision(s) that were never applied"),
            std::string::npos)
      << run.err;
}

TEST_F(CodeDecisionsTest, AppliedDecisionsChangeFinalCodesAndCounts) {
  const CliRun run = Code({"--decisions", (kData / "decisions.csv").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::ifstream in(out_ / "counts.csv");
  CsvParser parser(in);
  CsvRecord record;
  ASSERT_TRUE(parser.Next(&record));
  EXPECT_EQ(record.fields,
            (std::vector<std::string>{"level", "id", "label", "answers", "pct_answers", "pct_coded",
                                      "machine_answers", "decided_added", "decided_removed"}));
  size_t rows = 0;
  while (parser.Next(&record)) {
    ++rows;
    const long answers = std::stol(record.fields[3]);
    const long machine = std::stol(record.fields[6]);
    const long added = std::stol(record.fields[7]);
    const long removed = std::stol(record.fields[8]);
    EXPECT_EQ(answers, machine + added - removed) << record.fields[1];
  }
  EXPECT_EQ(rows, 12u);
}

TEST_F(CodeDecisionsTest, AMissingOrDamagedDecisionsFileStopsTheRunBeforeAnyOutput) {
  const CliRun missing = Code({"--decisions", decisions_});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot use the decisions file"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(out_));
  WriteFile(decisions_, "id,text_sha256,codes,decision\n1,xyz,a,=a\n");
  const CliRun damaged = Code({"--decisions", decisions_});
  EXPECT_EQ(damaged.exit_code, 1);
  EXPECT_NE(damaged.err.find(decisions_ + ":2: error: answer 1: text_sha256 'xyz'"),
            std::string::npos)
      << damaged.err;
  EXPECT_FALSE(fs::exists(out_));
}

// #18 part 6: --excel-fr shapes every CSV of the run, so it goes with an
// xlsx review file too (coded.csv and counts.csv are still CSV).
TEST_F(CodeDecisionsTest, ExcelFrenchWithAnXlsxReviewShapesTheOtherCsvs) {
  const CliRun run = Code({"--review-format", "xlsx", "--excel-fr"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string coded = ReadFile(out_ / "coded.csv");
  EXPECT_EQ(coded.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(coded.substr(3, 7), "row;id;");
  EXPECT_EQ(ReadFile(out_ / "counts.csv").substr(0, 9), "\xEF\xBB\xBFlevel;");
  EXPECT_EQ(Code({"--review-format", "ods"}).exit_code, 2);
}

TEST_F(CodeDecisionsTest, TheXlsxReviewFileListsTheSameAnswersAsTheCsv) {
  ASSERT_EQ(Code({"--review-format", "xlsx"}).exit_code, 0);
  EXPECT_NE(ReadFile(out_ / "run.json").find("\"review_format\": \"xlsx\""), std::string::npos)
      << "the xlsx run records its format";
  ASSERT_EQ(Code().exit_code, 0);
  auto xlsx = ReadReviewFile((out_ / "review.xlsx").string());
  auto csv = ReadReviewFile((out_ / "review.csv").string());
  ASSERT_TRUE(xlsx.has_value()) << FormatError(xlsx.error());
  ASSERT_TRUE(csv.has_value());
  ASSERT_EQ(xlsx->rows.size(), csv->rows.size());
  for (size_t i = 0; i < csv->rows.size(); ++i) {
    EXPECT_EQ(xlsx->rows[i].id, csv->rows[i].id);
    EXPECT_EQ(xlsx->rows[i].text, csv->rows[i].text);
  }
}

}  // namespace
}  // namespace verbatim
