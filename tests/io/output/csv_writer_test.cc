#include "io/output/csv_writer.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "io/input/csv_parser.h"

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
  csv.WriteField("coded");
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

// OWASP's CSV-injection payloads, and each trigger character alone.
const std::vector<std::string>& FormulaPayloads() {
  static const std::vector<std::string> payloads = {
      "=cmd|' /C calc'!A0",
      "=HYPERLINK(\"http://x\",\"c\")",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      "+1+1",
      "-2+3",
      "=1+1",
      "\t=1+1",
      "\r=1+1",
      "=",
      "+",
      "-",
      "@",
      "\t",
      "\r",
      "'=1+1",
      "''+a",
  };
  return payloads;
}

TEST(CsvWriterTest, GuardsEveryFormulaPayloadWithOneApostrophe) {
  for (const std::string& payload : FormulaPayloads()) {
    std::string line;
    AppendCsvField(&line, payload, ',', /*first=*/true);
    std::istringstream in(line + "\n");
    CsvParser parser(in, ',');
    CsvRecord record;
    ASSERT_TRUE(parser.Next(&record)) << payload;
    ASSERT_EQ(record.fields.size(), 1u) << payload;
    EXPECT_EQ(record.fields[0], "'" + payload) << payload;
    EXPECT_EQ(StripFormulaGuard(record.fields[0]), payload) << payload;
  }
}

TEST(CsvWriterTest, GuardsTextCellsWithTheFrenchExcelDelimiterToo) {
  std::ostringstream out;
  CsvWriter csv(out, ';');
  csv.WriteRow({"=A1", "x;y", "-2+3"});
  EXPECT_EQ(out.str(), "'=A1;\"x;y\";'-2+3\n");
}

TEST(CsvWriterTest, LeavesCellsThatCannotBeFormulasAlone) {
  for (const std::string cell : {"", "a=b", "1-2", "'", "''", "'a", " =x", "é=", "0"}) {
    EXPECT_FALSE(NeedsFormulaGuard(cell)) << cell;
    EXPECT_EQ(StripFormulaGuard(cell), cell) << cell;
    std::string line;
    AppendCsvField(&line, cell, ',', /*first=*/true);
    EXPECT_EQ(line, cell == " =x" ? "\" =x\"" : cell) << cell;
  }
}

TEST(CsvWriterTest, ComputedNumbersStayNumbers) {
  std::string line;
  AppendCsvField(&line, "-3", ',', /*first=*/true);
  AppendCsvNumber(&line, "-3", ',', /*first=*/false);
  AppendCsvNumber(&line, "-0.125", ',', /*first=*/false);
  EXPECT_EQ(line, "'-3,-3,-0.125");
}

TEST(CsvWriterTest, StripRemovesOnlyTheWritersApostrophe) {
  // A reader sees a guard only where the writer would have put one.
  EXPECT_EQ(StripFormulaGuard("'=x"), "=x");
  EXPECT_EQ(StripFormulaGuard("''=x"), "'=x");
  EXPECT_EQ(StripFormulaGuard("'x"), "'x");
  EXPECT_EQ(StripFormulaGuard("=x"), "=x");
  std::string cell = "'+a -b";
  StripFormulaGuard(&cell);
  EXPECT_EQ(cell, "+a -b");
}

}  // namespace
}  // namespace verbatim
