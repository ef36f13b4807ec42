// A streaming RFC 4180 record parser: bytes in, one vector of fields per
// record out. It knows nothing about headers, columns or answers, so the
// answer reader, the gold-file reader and the coded-table reader share it.
//
// Design: the stream is read in fixed-size chunks into one buffer that is
// reused for the whole input, so memory does not grow with the file (only
// with the longest record). Parsing is a byte state machine whose state
// survives chunk boundaries (a CR at the end of one chunk and an LF at the
// start of the next are one line end).
//
// Accepted dialect:
// - fields separated by one delimiter byte (',' ';' or '\t', or auto-detected
//   from the first record: the candidate that splits it into the most fields,
//   quotes respected, ',' on ties, then ';', then '\t');
// - a field starting with '"' is quoted: it may hold delimiters and line
//   ends (kept byte for byte, CRLF included), and "" stands for one '"';
// - records end with CRLF, LF or a lone CR; the last may have none;
// - a UTF-8 byte order mark at the very start is skipped;
// - an empty physical line between records is skipped: it is not a record
//   (a record of one empty field is written `""`).
// Lenient, not errors: a '"' inside an unquoted field is a literal '"'.
// Errors, reported on the record (which is still returned with the fields
// read so far): an unterminated quoted field (the record then runs to the end
// of the input: the error names the line and column where the field
// started), and a character other than a delimiter or line end right after a
// closing quote (kept literally).
#ifndef VERBATIM_IO_CSV_PARSER_H_
#define VERBATIM_IO_CSV_PARSER_H_

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verbatim {

struct CsvError {
  std::string message;  // Without the location, e.g. "unterminated quoted field".
  size_t line = 0;      // 1-based physical line.
  size_t column = 0;    // 1-based, in characters (UTF-8 code points) of that line.
};

struct CsvRecord {
  std::vector<std::string> fields;
  size_t line = 0;                // 1-based physical line where the record starts.
  std::optional<CsvError> error;  // Set: the record is malformed (see above).
};

class CsvParser {
 public:
  static constexpr char kAutoDelimiter = 0;
  static constexpr size_t kDefaultChunkSize = 64 * 1024;

  // Reads from `in`, which must outlive the parser. `delimiter`:
  // kAutoDelimiter (the default) or the byte that separates fields.
  // REQUIRES: delimiter is not '"', '\r' or '\n'.
  // REQUIRES: chunk_size > 0 (tests use tiny chunks to cross boundaries).
  explicit CsvParser(std::istream& in, char delimiter = kAutoDelimiter,
                     size_t chunk_size = kDefaultChunkSize);

  // Not copyable: two copies would share the stream's read position.
  // Movable. Not safe to use from several threads.
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;
  CsvParser(CsvParser&&) = default;
  CsvParser& operator=(CsvParser&&) = default;

  // Reads the next record into *record (overwriting it; its field strings'
  // capacity is reused). Returns false at the end of the input, or when the
  // stream fails (then read_failed() is true).
  bool Next(CsvRecord* record);

  // The delimiter in use: the one given, or the detected one once the first
  // record has been read (',' before, and for an empty input).
  char delimiter() const { return delimiter_; }

  // The 1-based physical line of the next unread byte.
  size_t current_line() const { return line_; }

  // True if reading stopped because the stream reported an error (not EOF).
  bool read_failed() const { return read_failed_; }

  // The auto-detection rule applied to one line (or more: it stops at the
  // first line end outside quotes).
  static char DetectDelimiter(std::string_view first_record);

 private:
  // Makes at least one unread byte available. Returns false at end of input.
  bool Fill();
  // Runs once, before the first record: skips the BOM, detects the delimiter.
  void Start();
  // Appends one chunk of input to the buffer. Returns false at end of input.
  bool AppendChunk();
  // Fills until the buffer holds a whole first record (or the input ends).
  void BufferFirstRecord();
  // The next byte (0-255), or -1 at the end of the input.
  int Peek();
  // Consumes one byte that is not a line end.
  void Advance();
  // Consumes a line end (CRLF, LF or CR); appends its bytes to *kept if set.
  void ConsumeLineEnd(std::string* kept);
  // Appends to *field the run of bytes before the next byte in `stops` (or
  // the end of the buffered chunk) and consumes them.
  void AppendRun(std::string* field, std::string_view stops);
  std::string* NextField(CsvRecord* record, size_t* count);

  std::istream* in_;
  char delimiter_;
  bool detect_delimiter_;
  size_t chunk_size_;
  std::string buffer_;
  size_t position_ = 0;  // Next unread byte in buffer_.
  bool started_ = false;
  bool eof_ = false;
  bool read_failed_ = false;
  size_t line_ = 1;    // Line of the next unread byte.
  size_t column_ = 1;  // Column of the next unread byte.
};

}  // namespace verbatim

#endif  // VERBATIM_IO_CSV_PARSER_H_
