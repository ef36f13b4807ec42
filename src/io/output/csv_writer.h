// Writes RFC 4180 CSV records.
//
// Fields are quoted only when they hold the delimiter, a quote, CR or LF, or
// start or end with a space; quotes are doubled. Records end with "\n"
// (LF: what R, pandas and LibreOffice read without surprise).
//
// Spreadsheet formula guard (OWASP's CSV-injection advice): a text cell
// whose first character is '=', '+', '-', '@', tab or CR would be run as a
// formula by Excel or LibreOffice, so it is written with one leading '\''.
// Every cell is text unless written through the number path, which is for
// numbers the tool computes itself (counts, percentages, kappa): a kappa of
// -0.12 stays a number. Readers of files the tool writes and reads back
// (review.csv, decisions.csv, counts.csv, coded tables) remove exactly that
// one apostrophe with StripFormulaGuard. So that the round trip is exact for
// a cell that already starts with apostrophes, the guard looks past them:
// "'=x" is written "''=x" and read back as "'=x".
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

// True when `cell`, after its leading apostrophes, starts with '=', '+', '-',
// '@', tab or CR: a text cell written with one more leading '\''.
bool NeedsFormulaGuard(std::string_view cell);

// The cell as it was before the writer guarded it: `cell` without its first
// character when NeedsFormulaGuard(cell) and it starts with '\'', else
// `cell`. A view into `cell`.
std::string_view StripFormulaGuard(std::string_view cell);
// In place, for readers that own their fields.
void StripFormulaGuard(std::string* cell);

// Appends the text cell `field` to `line`, after the delimiter unless
// `first`, guarded against formulas and quoted when it must be.
void AppendCsvField(std::string* line, std::string_view field, char delimiter, bool first);

// Appends `number`, a number the tool computed (digits, sign, point, '%'),
// after the delimiter unless `first`: no formula guard, so that a negative
// number stays a number in a spreadsheet. REQUIRES: no text from outside
// the tool in `number`.
void AppendCsvNumber(std::string* line, std::string_view number, char delimiter, bool first);

class CsvWriter {
 public:
  // Default: ',' delimiter.
  explicit CsvWriter(std::ostream& out, char delimiter = ',') : out_(out), delimiter_(delimiter) {}

  // Writes a record of text cells (AppendCsvField).
  void WriteRow(const std::vector<std::string>& fields);
  // Adds a text field to the current record; nothing reaches the stream before
  // EndRow.
  void WriteField(std::string_view field, bool first = false) {
    AppendCsvField(&line_, field, delimiter_, first);
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
