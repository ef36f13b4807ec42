// Writes RFC 4180 CSV records.
//
// Fields are quoted only when they hold the delimiter, a quote, CR or LF, or
// start or end with a space; quotes are doubled. Records end with "\n"
// (LF: what R, pandas and LibreOffice read without surprise).
#ifndef VERBATIM_IO_CSV_WRITER_H_
#define VERBATIM_IO_CSV_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace verbatim {

class CsvWriter {
 public:
  // Default: ',' delimiter.
  explicit CsvWriter(std::ostream& out, char delimiter = ',') : out_(out), delimiter_(delimiter) {}

  void WriteRow(const std::vector<std::string>& fields);
  void WriteField(std::string_view field, bool first = false);
  void EndRow() { out_ << '\n'; }

 private:
  std::ostream& out_;
  char delimiter_;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_CSV_WRITER_H_
