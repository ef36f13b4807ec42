#include "io/review/xlsx_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "tests/testing/temp_dir.h"
#include "tests/testing/zip_writer.h"

namespace verbatim {
namespace {

const std::string kData = std::string(VERBATIM_SOURCE_DIR) + "/tests/data/review/";

TEST(XlsxReaderTest, SharedStringsJoinRichTextRunsAndSkipPhoneticRuns) {
  const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
  <si><t>plain</t></si>
  <si><r><t>Pas d'</t></r><r><rPr><b/><color rgb="FFC00000"/></rPr><t>augmentation</t></r><r><t xml:space="preserve"> de la CCAM</t></r></si>
  <si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></si>
  <si><t xml:space="preserve"> line_x000D_
end </t></si>
</sst>)";
  auto strings = ParseSharedStrings(xml);
  ASSERT_TRUE(strings.has_value()) << strings.error().message;
  ASSERT_EQ(strings->size(), 4u);
  EXPECT_EQ((*strings)[0], "plain");
  EXPECT_EQ((*strings)[1], "Pas d'augmentation de la CCAM");
  EXPECT_EQ((*strings)[2], "漢字");
  EXPECT_EQ((*strings)[3], " line\r\nend ");
}

TEST(XlsxReaderTest, SharedStringsWithNamespacePrefixes) {
  const std::string xml =
      R"(<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<x:si><x:t>ok</x:t></x:si><x:si><x:r><x:t>a</x:t></x:r><x:r><x:t>b</x:t></x:r></x:si></x:sst>)";
  auto strings = ParseSharedStrings(xml);
  ASSERT_TRUE(strings.has_value());
  EXPECT_EQ(*strings, (std::vector<std::string>{"ok", "ab"}));
}

TEST(XlsxReaderTest, WorksheetCellsOfEveryType) {
  const std::string xml = R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c></row>
<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><f>a,b</f><v>#VALUE!</v></c><c r="D3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="E3" t="inlineStr"><is><r><t>ri</t></r><r><rPr><b/></rPr><t>ch</t></r></is></c></row>
<row><c><v>0.5</v></c><c t="s"><v>1</v></c></row>
</sheetData></worksheet>)";
  auto rows = ParseWorksheet(xml, {"shared", "second"});
  ASSERT_TRUE(rows.has_value()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  const XlsxRow& first = (*rows)[0];
  EXPECT_EQ(first.number, 1);
  ASSERT_EQ(first.cells.size(), 3u);
  EXPECT_EQ(first.cells[0].value, "shared");
  EXPECT_EQ(first.cells[1].value, "") << "absent cells are empty";
  EXPECT_EQ(first.cells[2].value, "inline");
  const XlsxRow& third = (*rows)[1];
  EXPECT_EQ(third.number, 3);
  EXPECT_EQ(third.cells[0].value, "2");
  EXPECT_EQ(third.cells[1].value, "TRUE");
  EXPECT_EQ(third.cells[2].value, "#VALUE!");
  EXPECT_TRUE(third.cells[2].error);
  EXPECT_EQ(third.cells[2].formula, "a,b");
  EXPECT_EQ(third.cells[3].value, "xy");
  EXPECT_FALSE(third.cells[3].error);
  EXPECT_EQ(third.cells[4].value, "rich");
  const XlsxRow& fourth = (*rows)[2];
  EXPECT_EQ(fourth.number, 4) << "a row without r follows the previous one";
  EXPECT_EQ(fourth.cells[0].value, "0.5");
  EXPECT_EQ(fourth.cells[1].value, "second") << "a cell without r follows the previous one";
}

TEST(XlsxReaderTest, RejectsASharedStringIndexOutOfRange) {
  const std::string xml =
      R"(<worksheet><sheetData><row r="1"><c r="B1" t="s"><v>7</v></c></row></sheetData></worksheet>)";
  auto rows = ParseWorksheet(xml, {"only"});
  ASSERT_FALSE(rows.has_value());
  EXPECT_EQ(rows.error().message, "worksheet: cell B1 names shared string 7, which does not exist");
}

TEST(XlsxReaderTest, RejectsMalformedXmlWithTheOffset) {
  auto rows = ParseWorksheet("<worksheet><sheetData><row>", {});
  ASSERT_FALSE(rows.has_value());
  EXPECT_NE(rows.error().message.find("not well-formed XML at byte"), std::string::npos);
}

TEST(XlsxReaderTest, ColumnReferences) {
  EXPECT_EQ(XlsxColumnIndex("A1"), 0);
  EXPECT_EQ(XlsxColumnIndex("H12"), 7);
  EXPECT_EQ(XlsxColumnIndex("AB3"), 27);
  EXPECT_EQ(XlsxColumnIndex("XFD1"), 16383);
  EXPECT_EQ(XlsxColumnIndex("XFE1"), -1);
  EXPECT_EQ(XlsxColumnIndex("12"), -1);
  for (int column : {0, 7, 25, 26, 27, 701, 702, 16383}) {
    EXPECT_EQ(XlsxColumnIndex(XlsxColumnName(column) + "1"), column) << column;
  }
}

TEST(XlsxReaderTest, DecodesControlCharacterEscapes) {
  EXPECT_EQ(DecodeXlsxEscapes("a_x000D__x000A_b"), "a\r\nb");
  EXPECT_EQ(DecodeXlsxEscapes("_x005F_x000D_"), "_x000D_");
  EXPECT_EQ(DecodeXlsxEscapes("_x00e9_"), "é");
  EXPECT_EQ(DecodeXlsxEscapes("_xZZZZ_ and _x12"), "_xZZZZ_ and _x12");
}

// tests/data/review/libreoffice_review.xlsx: review_for_libreoffice.csv saved
// by LibreOffice 7.4 (see tests/data/review/README.md).
TEST(XlsxReaderTest, ReadsAWorkbookSavedByLibreOffice) {
  auto sheet = ReadXlsxSheet(kData + "libreoffice_review.xlsx", "review");
  ASSERT_TRUE(sheet.has_value()) << FormatError(sheet.error());
  ASSERT_EQ(sheet->rows.size(), 5u);
  EXPECT_EQ(sheet->rows[0].cells[0].value, "id");
  EXPECT_EQ(sheet->rows[0].cells[7].value, "decision");
  EXPECT_EQ(sheet->rows[1].cells[0].value, "a2");
  EXPECT_EQ(sheet->rows[1].cells[1].value, "2") << "LibreOffice stores the row as a number";
  EXPECT_EQ(sheet->rows[1].cells[7].value, "ok");
  EXPECT_EQ(sheet->rows[2].cells[2].value, "Pas de dépassements, merci");
  // LibreOffice took "=revalorisation.ccam;liberte_tarifaire.depassements" for a formula.
  const XlsxCell& formula = sheet->rows[3].cells[7];
  EXPECT_TRUE(formula.error);
  EXPECT_EQ(formula.formula, "revalorisation.ccam,liberte_tarifaire.depassements");
  EXPECT_EQ(sheet->rows[4].cells[7].value, "+revalorisation.ccam");
  EXPECT_EQ(sheet->rows[4].cells[8].value,
            "« pas quoi dire » : on code quand même, dit \"Marie\"");
}

TEST(XlsxReaderTest, AFileThatIsNotAWorkbookIsAnError) {
  auto sheet = ReadXlsxSheet(kData + "answers.csv", "");
  ASSERT_FALSE(sheet.has_value());
  EXPECT_NE(sheet.error().message.find("cannot open as an .xlsx workbook"), std::string::npos)
      << sheet.error().message;
  EXPECT_EQ(sheet.error().location.file, kData + "answers.csv");
}

// Issue 19, item 4: elements and indexes a hostile workbook holds.
TEST(XlsxReaderTest, ANonNumericSharedStringIndexIsAnError) {
  const std::string xml =
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>abc</v></c></row></sheetData></worksheet>)";
  auto rows = ParseWorksheet(xml, {"first"});
  ASSERT_FALSE(rows.has_value()) << "'abc' was read as string 0";
  EXPECT_EQ(rows.error().message,
            "worksheet: cell A1 names shared string abc, which does not exist");
}

TEST(XlsxReaderTest, SharedStringIndexesAreDigitsOnly) {
  for (const char* index : {"-1", "1e0", "0x1", "", "18446744073709551617"}) {
    const std::string xml = std::string(R"(<worksheet><sheetData><row><c t="s"><v>)") + index +
                            "</v></c></row></sheetData></worksheet>";
    EXPECT_FALSE(ParseWorksheet(xml, {"a", "b"}).has_value()) << index;
  }
  auto rows = ParseWorksheet(
      R"(<worksheet><sheetData><row><c t="s"><v> 1 </v></c></row></sheetData></worksheet>)",
      {"a", "b"});
  ASSERT_TRUE(rows.has_value()) << rows.error().message;
  EXPECT_EQ((*rows)[0].cells[0].value, "b");
}

TEST(XlsxReaderTest, AHugeRowNumberIsReportedAsWritten) {
  for (const char* number : {"4294967295", "1048577", "99999999999999999999", "2x", "0"}) {
    const std::string xml = std::string(R"(<worksheet><sheetData><row r=")") + number +
                            R"("><c><v>1</v></c></row></sheetData></worksheet>)";
    auto rows = ParseWorksheet(xml, {});
    ASSERT_FALSE(rows.has_value()) << number;
    EXPECT_EQ(rows.error().message, std::string("worksheet: row number '") + number +
                                        "' out of order or out of range (rows go up from 1 to "
                                        "1048576)");
  }
  auto last = ParseWorksheet(
      R"(<worksheet><sheetData><row r="1048576"><c><v>1</v></c></row></sheetData></worksheet>)",
      {});
  ASSERT_TRUE(last.has_value()) << last.error().message;
  EXPECT_EQ((*last)[0].number, 1048576);
}

// A workbook of the given parts, deflated (as a hostile one would be: the
// parts below are megabytes of one repeated tag and compress a thousandfold).
void WriteWorkbook(const std::filesystem::path& path,
                   const std::map<std::string, std::string>& parts) {
  testing::WriteZip(path, {parts.begin(), parts.end()});
}

std::map<std::string, std::string> MinimalParts(std::string sheet, std::string shared) {
  return {
      {"xl/workbook.xml",
       R"(<workbook xmlns:r="r"><sheets><sheet name="review" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>)"
       R"(<Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>)"},
      {"xl/worksheets/sheet1.xml", std::move(sheet)},
      {"xl/sharedStrings.xml", std::move(shared)}};
}

std::string Repeat(std::string_view piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

class XlsxBudgetTest : public testing::TempDirTest {};

TEST_F(XlsxBudgetTest, RefusesMillionsOfSharedStringsBomb) {
  // The issue's 395 KB file held 52 million; 4.2 million pass the budget.
  const std::filesystem::path path = dir_ / "strings.xlsx";
  WriteWorkbook(path, MinimalParts("<worksheet><sheetData/></worksheet>",
                                   "<sst>" + Repeat("<si/>", 4'200'000) + "</sst>"));
  ASSERT_LT(std::filesystem::file_size(path), 200'000u);  // 17 MB of XML.
  auto sheet = ReadXlsxSheet(path.string(), "review");
  ASSERT_FALSE(sheet.has_value());
  EXPECT_EQ(sheet.error().location.file, path.string());
  EXPECT_EQ(sheet.error().message,
            "xl/sharedStrings.xml: more than 4194304 XML elements (the limit of a review sheet, "
            "about 200,000 answers)");
}

TEST_F(XlsxBudgetTest, RefusesMillionsOfCellsBomb) {
  const std::filesystem::path path = dir_ / "cells.xlsx";
  const std::string row = "<row>" + Repeat("<c/>", 1000) + "</row>";
  WriteWorkbook(path, MinimalParts("<worksheet><sheetData>" + Repeat(row, 4200) +
                                       "</sheetData></worksheet>",
                                   "<sst/>"));
  auto sheet = ReadXlsxSheet(path.string(), "review");
  ASSERT_FALSE(sheet.has_value());
  EXPECT_EQ(sheet.error().message,
            "xl/worksheets/sheet1.xml: more than 4194304 XML elements (the limit of a review "
            "sheet, about 200,000 answers)");
}

TEST_F(XlsxBudgetTest, ASheetUnderTheBudgetIsRead) {
  const std::filesystem::path path = dir_ / "fine.xlsx";
  // 20,000 rows of a shared string and a number.
  const std::string row = R"(<row><c t="s"><v>0</v></c><c><v>1</v></c></row>)";
  WriteWorkbook(path, MinimalParts("<worksheet><sheetData>" + Repeat(row, 20'000) +
                                       "</sheetData></worksheet>",
                                   "<sst><si><t>x</t></si></sst>"));
  auto sheet = ReadXlsxSheet(path.string(), "review");
  ASSERT_TRUE(sheet.has_value()) << FormatError(sheet.error());
  ASSERT_EQ(sheet->rows.size(), 20'000u);
  EXPECT_EQ(sheet->rows.back().number, 20'000);
  EXPECT_EQ(sheet->rows.back().cells[0].value, "x");
}

TEST(XlsxReaderTest, ParsingAPartOverTheBudgetIsRefused) {
  auto strings = ParseSharedStrings("<sst>" + Repeat("<si/>", 4'194'304) + "</sst>");
  ASSERT_FALSE(strings.has_value());
  EXPECT_EQ(strings.error().message.rfind("xl/sharedStrings.xml: more than 4194304 XML elements", 0),
            0u);
}

}  // namespace
}  // namespace verbatim
