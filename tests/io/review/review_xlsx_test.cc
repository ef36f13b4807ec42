#include "io/review/review_xlsx.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "run/codebook_setup.h"
#include "core/coder.h"
#include "io/review/review_reader.h"
#include "io/review/xlsx_reader.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

const std::string kMinimal = std::string(VERBATIM_SOURCE_DIR) + "/tests/data/codebooks/minimal.yaml";

class ReviewXlsxTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    path_ = (dir_ / "review.xlsx").string();
    setup_ = SetUpCodebook(kMinimal);
    ASSERT_NE(setup_.compiled, nullptr);
  }

  // Writes a workbook with one row per text; decisions[i] prefilled.
  void Write(const std::vector<std::string>& texts, const std::vector<std::string>& decisions,
             const ReviewFileOptions& options = {}) {
    std::ostringstream bytes;
    auto writer = OpenXlsxReviewWriter(bytes, *setup_.compiled, options);
    ASSERT_TRUE(writer.has_value()) << writer.error().message;
    for (size_t i = 0; i < texts.size(); ++i) {
      InputRecord record;
      record.row = i + 1;
      record.id = "id" + std::to_string(i + 1);
      record.text = texts[i];
      const CodingResult result = CodeAnswer(*setup_.compiled, record.text);
      (*writer)->WriteRow(record, result,
                          ReviewRowExtras{"", decisions[i], decisions[i].empty() ? "" : "vu"});
    }
    auto finished = (*writer)->Finish();
    ASSERT_TRUE(finished.has_value()) << finished.error().message;
    std::ofstream(path_, std::ios::binary) << bytes.str();
  }

  CodebookSetup setup_;
  std::string path_;
};

TEST_F(ReviewXlsxTest, DecisionsTypedInTheWorkbookReadBack) {
  const std::vector<std::string> texts = {"La CCAM svp", "Pas de dépassements, merci",
                                          "Hausse de la CCAM et liberté des dépassements",
                                          "Sur deux\nlignes, rien"};
  const std::vector<std::string> decisions = {"ok", "none",
                                              "=revalorisation.ccam;liberte_tarifaire", ""};
  Write(texts, decisions);
  auto table = ReadReviewFile(path_);
  ASSERT_TRUE(table.has_value()) << FormatError(table.error());
  EXPECT_TRUE(table->is_xlsx);
  EXPECT_TRUE(table->has_proposed);
  ASSERT_EQ(table->rows.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(table->rows[i].id, "id" + std::to_string(i + 1));
    EXPECT_EQ(table->rows[i].line, static_cast<int>(i + 2));
    EXPECT_EQ(table->rows[i].text, texts[i]) << "rich text reads back as the answer";
    EXPECT_EQ(table->rows[i].decision, decisions[i]);
  }
  EXPECT_EQ(table->rows[2].proposed, "revalorisation.ccam; liberte_tarifaire.depassements");
  EXPECT_EQ(table->rows[0].comment, "vu");
}

TEST_F(ReviewXlsxTest, EvidenceIsHighlightedAsRichText) {
  Write({"Pas de dépassements, merci", "La CCAM svp"}, {"", ""});
  auto shared = ReadXlsxPart(path_, "xl/sharedStrings.xml");
  ASSERT_TRUE(shared.has_value()) << shared.error().message;
  // Negated evidence: bold, red, underlined run around the hit.
  EXPECT_NE(shared->find("<r><t xml:space=\"preserve\">Pas de </t></r>"), std::string::npos) << *shared;
  EXPECT_NE(shared->find("<rPr><b/><u/><sz val=\"11\"/><color rgb=\"FFC00000\"/>"), std::string::npos);
  EXPECT_NE(shared->find("<t>dépassements</t>"), std::string::npos);
  // Weak evidence: bold orange.
  EXPECT_NE(shared->find("<color rgb=\"FFC55A11\"/>"), std::string::npos);
  EXPECT_NE(shared->find("<t>CCAM</t>"), std::string::npos);
}

TEST_F(ReviewXlsxTest, TheSheetHelpsTheReviewer) {
  Write({"La CCAM svp"}, {""});
  auto sheet = ReadXlsxPart(path_, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet.has_value()) << sheet.error().message;
  EXPECT_NE(sheet->find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                        "state=\"frozen\"/>"),
            std::string::npos)
      << "frozen header";
  EXPECT_NE(sheet->find("<autoFilter ref=\"A1:I2\"/>"), std::string::npos) << "filters";
  // A list of ok/none whose error style lets the +/- and = forms through.
  EXPECT_NE(sheet->find("<dataValidation type=\"list\" errorStyle=\"information\" "
                        "allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""),
            std::string::npos)
      << *sheet;
  EXPECT_NE(sheet->find("sqref=\"H2\""), std::string::npos);
  EXPECT_NE(sheet->find("<formula1>\"ok,none\"</formula1>"), std::string::npos);
  EXPECT_NE(sheet->find("customWidth=\"1\""), std::string::npos) << "column widths";
  auto styles = ReadXlsxPart(path_, "xl/styles.xml");
  ASSERT_TRUE(styles.has_value());
  EXPECT_NE(styles->find("formatCode=\"@\""), std::string::npos) << "decision column is Text";
  EXPECT_NE(styles->find("wrapText=\"1\""), std::string::npos);
  auto workbook = ReadXlsxPart(path_, "xl/workbook.xml");
  ASSERT_TRUE(workbook.has_value());
  EXPECT_NE(workbook->find("<sheet name=\"codes\""), std::string::npos);
  auto codes = ReadXlsxSheet(path_, "codes");
  ASSERT_TRUE(codes.has_value());
  EXPECT_EQ(codes->rows[1].cells[0].value, "revalorisation");
  EXPECT_EQ(codes->rows[2].cells[0].value, "revalorisation.ccam");
}

TEST_F(ReviewXlsxTest, AnEmptyReviewIsAValidWorkbook) {
  Write({}, {});
  auto table = ReadReviewFile(path_);
  ASSERT_TRUE(table.has_value()) << FormatError(table.error());
  EXPECT_TRUE(table->rows.empty());
}

TEST_F(ReviewXlsxTest, ThePreviousDecisionColumnIsWrittenWhenAsked) {
  ReviewFileOptions options;
  options.previous = PreviousDecisionColumn::kInclude;
  std::ostringstream bytes;
  auto writer = OpenXlsxReviewWriter(bytes, *setup_.compiled, options);
  ASSERT_TRUE(writer.has_value());
  InputRecord record;
  record.id = "7";
  record.row = 7;
  record.text = "rien";
  (*writer)->WriteRow(record, CodeAnswer(*setup_.compiled, record.text),
                      ReviewRowExtras{"stale (text changed since decided X): 'none'", "", ""});
  ASSERT_TRUE((*writer)->Finish().has_value());
  std::ofstream(path_, std::ios::binary) << bytes.str();
  auto sheet = ReadXlsxSheet(path_, "review");
  ASSERT_TRUE(sheet.has_value());
  EXPECT_EQ(sheet->rows[0].cells.back().value, "previous_decision");
  EXPECT_EQ(sheet->rows[1].cells.back().value, "stale (text changed since decided X): 'none'");
}

TEST_F(ReviewXlsxTest, AnAnswerLongerThanACellIsCutAndStillMatches) {
  const std::string long_text(40000, 'x');
  Write({long_text}, {"none"});
  auto table = ReadReviewFile(path_);
  ASSERT_TRUE(table.has_value()) << FormatError(table.error());
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_LT(table->rows[0].text.size(), long_text.size());
  EXPECT_TRUE(table->rows[0].text.ends_with("\xE2\x80\xA6"));
  EXPECT_TRUE(SameAnswerText(table->rows[0].text, long_text));
}

}  // namespace
}  // namespace verbatim
