// Reads the cells of one worksheet of an .xlsx workbook (Office Open XML),
// as Excel, LibreOffice and libxlsxwriter save it: enough to read a review
// file back, not a spreadsheet engine.
//
// Design: libzip opens the package, pugixml parses the parts; element names
// are compared without their namespace prefix (some writers use "x:c").
// Every cell comes out as text: shared strings (plain or rich text runs;
// phonetic runs skipped), inline strings, formula results, numbers as
// written in the file ("2", "0.5"), booleans as TRUE/FALSE, errors as their
// code (#NAME?) with `error` set. A formula's text is kept too, because a
// spreadsheet may have taken a typed decision such as "=a;b" for a formula
// (its stored text, "a,b", is what the reviewer meant). Escapes of control
// characters (_x000D_) are decoded. Cell positions come from the `r`
// attributes when present, else follow the previous cell.
//
// Limits: each part at most 256 MiB uncompressed and kMaxXlsxPartElements
// XML elements (counted while the part is inflated, before it is parsed):
// 256 MiB of "<c/>" or "<si/>" would otherwise be tens of millions of parsed
// nodes and gigabytes of memory; columns up to XFD (16384), rows up to
// 1048576. Row numbers and shared-string indexes are decimal digits only.
#ifndef VERBATIM_IO_XLSX_READER_H_
#define VERBATIM_IO_XLSX_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace verbatim {

// Elements per part: a review sheet of about 200,000 answers (each row a
// <row> and its cells a <c> and a <v>) or its shared strings. The parsed
// tree of a part at the limit takes a few hundred MB.
inline constexpr unsigned long long kMaxXlsxPartElements = 4'194'304;

struct XlsxCell {
  std::string value;    // The text shown (the cached result for a formula).
  std::string formula;  // The formula's text without '=', as stored; empty if none.
  bool error = false;   // The value is an error code (#NAME?, #VALUE!…).
};

struct XlsxRow {
  int number = 0;               // 1-based sheet row.
  std::vector<XlsxCell> cells;  // cells[i] is column i (A = 0); absent cells are empty.
};

struct XlsxSheet {
  std::string name;
  std::vector<XlsxRow> rows;  // Rows present in the file, in sheet order.
};

// Reads the worksheet named `sheet_name`, or the first one when it is empty
// or absent. Errors name the file: not a zip archive, no workbook part, a
// part that is not well-formed XML (with the byte offset), limits exceeded
// (naming the part and the limit), a row number or shared-string index that
// is not a number in range (as written).
Result<XlsxSheet> ReadXlsxSheet(const std::string& path, std::string_view sheet_name);

// The bytes of one part of the package ("xl/sharedStrings.xml"), for
// tests and diagnostics. Errors: not a zip archive, no such part, limits.
Result<std::string> ReadXlsxPart(const std::string& path, const std::string& part);

// The pieces, for tests of what Excel and LibreOffice write.
Result<std::vector<std::string>> ParseSharedStrings(std::string_view xml);
Result<std::vector<XlsxRow>> ParseWorksheet(std::string_view xml,
                                            const std::vector<std::string>& shared_strings);
// "a_x000D_b" -> "a\rb"; "_x005F_x" -> "_x".
std::string DecodeXlsxEscapes(std::string_view text);
// 0-based column of a cell reference ("A1" -> 0, "AB12" -> 27), or -1.
int XlsxColumnIndex(std::string_view reference);
// "A", "B", …, "AB" for a 0-based column.
std::string XlsxColumnName(int column);

}  // namespace verbatim

#endif  // VERBATIM_IO_XLSX_READER_H_
