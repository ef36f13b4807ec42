// Writes RFC 4180 CSV records.
//
// Fields are quoted only when they hold the delimiter, a quote, CR or LF, or
// start or end with a space; quotes are doubled. Records end with "\n"
// (LF: what R, pandas and LibreOffice read without surprise).
//
// Design: a record's fields collect in a line that EndRow hands to the
// stream in one write. A stream call per field (its sentry, its locale
// checks) cost more than the field itself on wide tables, such as a coded
// table with a 0/1 column per code of a thousand-code codebook.
#ifndef VERBATIM_IO_CSV_WRITER_H_
#define VERBATIM_IO_CSV_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace verbatim {

// Appends `field` to `line`, after the delimiter unless `first`, quoted when
// it must be.
void AppendCsvField(std::string* line, std::string_view field, char delimiter, bool first);

class CsvWriter {
 public:
  // Default: ',' delimiter.
  explicit CsvWriter(std::ostream& out, char delimiter = ',') : out_(out), delimiter_(delimiter) {}

  void WriteRow(const std::vector<std::string>& fields);
  // Adds a field to the current record; nothing reaches the stream before
  // EndRow.
  void WriteField(std::string_view field, bool first = false) {
    AppendCsvField(&line_, field, delimiter_, first);
  }
  // A field known to need no quotes (a digit, a fixed name): no scan.
  void WritePlainField(std::string_view field) {
    line_ += delimiter_;
    line_.append(field);
  }
  // Ends the record and writes it.
  void EndRow();

 private:
  std::ostream& out_;
  char delimiter_;
  std::string line_;  // The current record; reused.
};

}  // namespace verbatim

#endif  // VERBATIM_IO_CSV_WRITER_H_
