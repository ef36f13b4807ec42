#include "io/review/review_reader.h"

#include <gtest/gtest.h>

#include <sstream>

namespace verbatim {
namespace {

const std::string kData = std::string(VERBATIM_SOURCE_DIR) + "/tests/data/review/";

TEST(ReviewReaderTest, ReadsAFilledCsvReviewFile) {
  auto table = ReadReviewFile(kData + "review_filled.csv");
  ASSERT_TRUE(table.has_value()) << FormatError(table.error());
  EXPECT_FALSE(table->is_xlsx);
  EXPECT_TRUE(table->has_proposed);
  ASSERT_EQ(table->rows.size(), 4u);
  EXPECT_EQ(table->rows[0].id, "a2");
  EXPECT_EQ(table->rows[0].line, 2);
  EXPECT_EQ(table->rows[0].decision, "ok");
  EXPECT_EQ(table->rows[0].comment, "CCAM seule : on garde");
  EXPECT_EQ(table->rows[2].proposed, "revalorisation.ccam;liberte_tarifaire.depassements");
  EXPECT_EQ(table->rows[2].decision, "=revalorisation.ccam;liberte_tarifaire.depassements");
  EXPECT_EQ(table->rows[3].decision, "");
}

TEST(ReviewReaderTest, ReadsTheFrenchExcelDialect) {
  std::istringstream in(
      "\xEF\xBB\xBFid;row;text;proposed;reasons;details;evidence;decision;comment\r\n"
      "7;7;\"Texte; avec point-virgule\";a;weak;;;\"=a;b\";vu\r\n");
  auto table = ReadReviewCsv(in, "review.csv");
  ASSERT_TRUE(table.has_value()) << FormatError(table.error());
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(table->rows[0].id, "7");
  EXPECT_EQ(table->rows[0].text, "Texte; avec point-virgule");
  EXPECT_EQ(table->rows[0].decision, "=a;b");
  EXPECT_EQ(table->rows[0].comment, "vu");
}

TEST(ReviewReaderTest, FindsColumnsByNameInAnyOrderAndSkipsEmptyRows) {
  std::istringstream in("Decision,ID,Text,extra\nok,1,un,x\n,,,\nnone,2,deux,y\n");
  auto table = ReadReviewCsv(in, "r.csv");
  ASSERT_TRUE(table.has_value()) << FormatError(table.error());
  EXPECT_FALSE(table->has_proposed);
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[1].id, "2");
  EXPECT_EQ(table->rows[1].line, 4);
  EXPECT_EQ(table->rows[1].decision, "none");
}

TEST(ReviewReaderTest, AMissingColumnIsAnErrorListingThoseThere) {
  std::istringstream in("id,text,choice\n1,a,ok\n");
  auto table = ReadReviewCsv(in, "r.csv");
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(FormatError(table.error()),
            "r.csv:1: no column 'decision': is this a review file written by 'verbatim code'? "
            "(columns: id, text, choice)");
}

TEST(ReviewReaderTest, AMalformedCsvRecordIsAnErrorWithItsLine) {
  std::istringstream in("id,text,decision\n1,\"open,ok\n");
  auto table = ReadReviewCsv(in, "r.csv");
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(table.error().location.line, 2);
}

TEST(ReviewReaderTest, ReadsDecisionsBackFromAWorkbookSavedByLibreOffice) {
  auto table = ReadReviewFile(kData + "libreoffice_review.xlsx");
  ASSERT_TRUE(table.has_value()) << FormatError(table.error());
  EXPECT_TRUE(table->is_xlsx);
  ASSERT_EQ(table->rows.size(), 4u);
  EXPECT_EQ(table->rows[0].line, 2) << "the sheet row";
  EXPECT_EQ(table->rows[0].decision, "ok");
  EXPECT_EQ(table->rows[1].decision, "none");
  EXPECT_EQ(table->rows[2].decision, "=revalorisation.ccam,liberte_tarifaire.depassements")
      << "read from the formula LibreOffice made of the typed decision";
  EXPECT_EQ(table->rows[3].decision, "+revalorisation.ccam");
  EXPECT_EQ(table->rows[3].text, "Je ne sais vraiment pas quoi dire ici");
}

TEST(ReviewReaderTest, AMissingFileIsAnError) {
  auto table = ReadReviewFile(kData + "no_such_review.csv");
  ASSERT_FALSE(table.has_value());
  EXPECT_NE(table.error().message.find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace verbatim
