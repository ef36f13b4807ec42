#include "io/review/review_file.h"

#include <gtest/gtest.h>

#include <sstream>

#include "run/codebook_setup.h"
#include "io/review/review_reader.h"

namespace verbatim {
namespace {

const std::string kMinimal = std::string(VERBATIM_SOURCE_DIR) + "/tests/data/codebooks/minimal.yaml";

InputRecord Record(std::string id, std::string text) {
  InputRecord record;
  record.id = std::move(id);
  record.row = 1;
  record.text = std::move(text);
  return record;
}

TEST(ReviewFileTest, FrenchExcelDialectHasABomAndSemicolons) {
  CodebookSetup setup = SetUpCodebook(kMinimal);
  ASSERT_NE(setup.compiled, nullptr);
  std::ostringstream out;
  ReviewFileOptions options;
  options.dialect = CsvDialect::kExcelFr;
  ReviewFileWriter writer(out, *setup.compiled, options);
  const InputRecord record = Record("3", "Hausse de la CCAM et liberté des dépassements");
  writer.WriteRow(record, CodeAnswer(*setup.compiled, record.text), ReviewRowExtras{});
  const std::string text = out.str();
  EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(text.substr(3, text.find('\n') - 3),
            "id;row;text;proposed;reasons;details;evidence;decision;comment");
  EXPECT_NE(text.find(";\"revalorisation.ccam;liberte_tarifaire.depassements\";"),
            std::string::npos)
      << "a list of codes holds the separator: quoted\n"
      << text;
  std::istringstream in(text);
  auto table = ReadReviewCsv(in, "review.csv");
  ASSERT_TRUE(table.has_value()) << FormatError(table.error());
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(table->rows[0].text, record.text);
  EXPECT_EQ(table->rows[0].proposed, "revalorisation.ccam;liberte_tarifaire.depassements");
}

// Which answers go to review is run/resolved_answer.h's rule
// (tests/run/resolved_answer_test.cc); the writer lays out any row.
TEST(ReviewFileTest, WriteRowListsAnyAnswer) {
  CodebookSetup setup = SetUpCodebook(kMinimal);
  ASSERT_NE(setup.compiled, nullptr);
  std::ostringstream out;
  ReviewFileOptions options;
  options.previous = PreviousDecisionColumn::kInclude;
  ReviewFileWriter writer(out, *setup.compiled, options);
  const InputRecord coded = Record("1", "Revaloriser la CCAM");
  EXPECT_EQ(writer.rows_written(), 0u);
  writer.WriteRow(coded, CodeAnswer(*setup.compiled, coded.text),
                  ReviewRowExtras{"stale (…): 'ok'", "", ""});
  EXPECT_EQ(writer.rows_written(), 1u);
  EXPECT_EQ(out.str(),
            "id,row,text,proposed,reasons,details,evidence,decision,comment,previous_decision\n"
            "1,1,Revaloriser la CCAM,revalorisation.ccam,,,\"revalorisation=\"\"[Revaloriser] la "
            "CCAM\"\" | revalorisation.ccam=\"\"Revaloriser la [CCAM]\"\"\",,,stale (…): 'ok'\n");
}

TEST(ReviewFileTest, FormatNamesRoundTrip) {
  for (ReviewFormat format : {ReviewFormat::kCsv, ReviewFormat::kXlsx}) {
    EXPECT_EQ(ParseReviewFormat(ReviewFormatName(format)), format);
  }
  EXPECT_FALSE(ParseReviewFormat("ods").has_value());
}

}  // namespace
}  // namespace verbatim
