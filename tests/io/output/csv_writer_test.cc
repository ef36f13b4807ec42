#include "io/output/csv_writer.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace verbatim {
namespace {

TEST(CsvWriterTest, QuotesOnlyTheFieldsThatNeedIt) {
  std::ostringstream out;
  CsvWriter csv(out);
  csv.WriteRow({"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", " lead", "trail ", "", "é"});
  EXPECT_EQ(out.str(),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",\" lead\",\"trail \",,é\n");
}

TEST(CsvWriterTest, TheDelimiterDecidesWhatIsQuoted) {
  std::ostringstream out;
  CsvWriter csv(out, ';');
  csv.WriteRow({"a,b", "a;b"});
  EXPECT_EQ(out.str(), "a,b;\"a;b\"\n");
}

TEST(CsvWriterTest, ARecordReachesTheStreamWholeAtEndRow) {
  std::ostringstream out;
  CsvWriter csv(out);
  csv.WriteField("1", /*first=*/true);
  csv.WritePlainField("coded");
  csv.WriteField("x\"y");
  EXPECT_EQ(out.str(), "");
  csv.EndRow();
  EXPECT_EQ(out.str(), "1,coded,\"x\"\"y\"\n");
  csv.WriteField("", /*first=*/true);
  csv.EndRow();
  EXPECT_EQ(out.str(), "1,coded,\"x\"\"y\"\n\n");
}

TEST(CsvWriterTest, FindsACharacterThatNeedsQuotesAtEveryOffsetOfALongField) {
  for (size_t length = 1; length < 50; ++length) {
    std::string plain;
    AppendCsvField(&plain, std::string(length, 'x'), ',', /*first=*/true);
    EXPECT_EQ(plain, std::string(length, 'x'));
    for (size_t at = 0; at < length; ++at) {
      for (char special : {',', '"', '\r', '\n'}) {
        std::string field(length, 'x');
        field[at] = special;
        std::string line;
        AppendCsvField(&line, field, ',', /*first=*/true);
        ASSERT_EQ(line.front(), '"') << length << " " << at << " " << int{special};
        ASSERT_EQ(line.back(), '"') << length << " " << at;
      }
    }
  }
}

TEST(CsvWriterTest, AppendCsvFieldBuildsTheSameLine) {
  std::string line;
  AppendCsvField(&line, "a", ',', /*first=*/true);
  AppendCsvField(&line, "b,c", ',', /*first=*/false);
  AppendCsvField(&line, std::string(100000, '"'), ',', /*first=*/false);
  EXPECT_EQ(line, "a,\"b,c\",\"" + std::string(200000, '"') + "\"");
}

}  // namespace
}  // namespace verbatim
