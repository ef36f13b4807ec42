#include "io/output/csv_dialect.h"

#include <gtest/gtest.h>

#include <sstream>

namespace verbatim {
namespace {

TEST(CsvDialectTest, ExcelFrenchIsSemicolonBomAndDecimalComma) {
  EXPECT_EQ(CsvDelimiter(CsvDialect::kStandard), ',');
  EXPECT_EQ(CsvDelimiter(CsvDialect::kExcelFr), ';');
  std::ostringstream standard, french;
  WriteCsvPreamble(standard, CsvDialect::kStandard);
  WriteCsvPreamble(french, CsvDialect::kExcelFr);
  EXPECT_EQ(standard.str(), "");
  EXPECT_EQ(french.str(), "\xEF\xBB\xBF");
  EXPECT_EQ(FormatCsvDecimal(12.45, 1, CsvDialect::kStandard), "12.4");
  EXPECT_EQ(FormatCsvDecimal(12.5, 1, CsvDialect::kExcelFr), "12,5");
  EXPECT_EQ(FormatCsvDecimal(3, 0, CsvDialect::kExcelFr), "3");
}

TEST(CsvDialectTest, LocalizesOnlyNumbers) {
  EXPECT_EQ(LocalizeCsvDecimal("0.8571", CsvDialect::kExcelFr), "0,8571");
  EXPECT_EQ(LocalizeCsvDecimal("-1.5e-05", CsvDialect::kExcelFr), "-1,5e-05");
  EXPECT_EQ(LocalizeCsvDecimal("0.8571", CsvDialect::kStandard), "0.8571");
  EXPECT_EQ(LocalizeCsvDecimal("v1.2", CsvDialect::kExcelFr), "v1.2");
  EXPECT_EQ(LocalizeCsvDecimal("1.2.3", CsvDialect::kExcelFr), "1.2.3");
  EXPECT_EQ(LocalizeCsvDecimal("revalorisation.ccam", CsvDialect::kExcelFr),
            "revalorisation.ccam");
  EXPECT_EQ(LocalizeCsvDecimal("", CsvDialect::kExcelFr), "");
}

}  // namespace
}  // namespace verbatim
