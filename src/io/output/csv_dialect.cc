#include "io/output/csv_dialect.h"

#include <fmt/format.h>

#include <cassert>

namespace verbatim {

char CsvDelimiter(CsvDialect dialect) { return dialect == CsvDialect::kExcelFr ? ';' : ','; }

void WriteCsvPreamble(std::ostream& out, CsvDialect dialect) {
  if (dialect == CsvDialect::kExcelFr) out << "\xEF\xBB\xBF";
}

std::string FormatCsvDecimal(double value, int decimals, CsvDialect dialect) {
  assert(decimals >= 0 && decimals <= 9);
  return LocalizeCsvDecimal(fmt::format("{:.{}f}", value, decimals), dialect);
}

std::string LocalizeCsvDecimal(std::string text, CsvDialect dialect) {
  if (dialect != CsvDialect::kExcelFr) return text;
  // Only a number: "-12.5", "0.25", "1e-05" (never a label such as "v1.2").
  const size_t dot = text.find('.');
  if (dot == std::string::npos || text.find('.', dot + 1) != std::string::npos) return text;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e')) return text;
  }
  text[dot] = ',';
  return text;
}

}  // namespace verbatim
