// The two CSV dialects verbatim writes: the standard one (',' between
// fields, '.' in decimals, no byte order mark: what R, pandas and
// LibreOffice read without options) and French Excel's (--excel-fr).
//
// Design: French Excel opens a CSV by double-click with the system's list
// separator (';') and decimal separator (','), and reads it as UTF-8 only
// after a byte order mark; without those, "Santé" shows as "SantÃ©" in one
// column. Every writer of a CSV takes a dialect and uses these three
// helpers, so that --excel-fr means the same thing for every file.
#ifndef VERBATIM_IO_OUTPUT_CSV_DIALECT_H_
#define VERBATIM_IO_OUTPUT_CSV_DIALECT_H_

#include <ostream>
#include <string>

namespace verbatim {

enum class CsvDialect { kStandard, kExcelFr };

// ',' for kStandard, ';' for kExcelFr.
char CsvDelimiter(CsvDialect dialect);

// Writes what comes before the header: the UTF-8 byte order mark for
// kExcelFr, nothing for kStandard.
void WriteCsvPreamble(std::ostream& out, CsvDialect dialect);

// `value` with `decimals` digits after the separator: "12.5" (kStandard),
// "12,5" (kExcelFr). REQUIRES: 0 <= decimals <= 9.
std::string FormatCsvDecimal(double value, int decimals, CsvDialect dialect);

// A number already formatted with '.' (as fmt writes it), with its '.'
// replaced by ',' for kExcelFr; other text is returned as it is.
std::string LocalizeCsvDecimal(std::string text, CsvDialect dialect);

}  // namespace verbatim

#endif  // VERBATIM_IO_OUTPUT_CSV_DIALECT_H_
