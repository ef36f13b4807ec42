// --excel-fr, with one meaning on every command that writes a CSV: the
// dialect of io/output/csv_dialect.h (UTF-8 BOM, ';', decimal comma).
#ifndef VERBATIM_CLI_EXCEL_FR_FLAG_H_
#define VERBATIM_CLI_EXCEL_FR_FLAG_H_

#include "io/output/csv_dialect.h"

namespace CLI {
class App;
}  // namespace CLI

namespace verbatim {

// Adds --excel-fr to `app`, bound to `*excel_fr` (which must outlive parsing).
void AddExcelFrFlag(CLI::App& app, bool* excel_fr);

inline CsvDialect DialectFor(bool excel_fr) {
  return excel_fr ? CsvDialect::kExcelFr : CsvDialect::kStandard;
}

}  // namespace verbatim

#endif  // VERBATIM_CLI_EXCEL_FR_FLAG_H_
