// Readers for answer files: CSV (RFC 4180), JSON Lines and plain text.
//
// Design: a reader yields one InputRecord per answer, in input order, and
// never drops one: a row it cannot read properly (invalid UTF-8, wrong
// number of fields, a JSONL line that is not an object…) still comes out,
// with `error` set, so that the coded table accounts for every row. Problems
// that make the whole file unusable (it cannot be opened, a missing column,
// an unterminated quote at end of file when no row can be recovered…) are
// returned as an Error naming the file, line and column.
//
// Per format (see csv_parser.h for the CSV dialect itself):
// - CSV: the first record is the header. Blank lines between records are
//   skipped (they are not answers); line ends inside quoted fields are kept
//   byte for byte. A row with more or fewer fields than the header is an
//   error row; an unterminated quote makes the rest of the input one error
//   row (the rows before it are unaffected), or an Error if it is in the
//   header. A header holding NUL bytes (UTF-16 or UTF-32 without a byte
//   order mark) is an Error.
// - JSON Lines: one object per line; blank lines are skipped. Invalid JSON,
//   a value that is not an object, a missing text key or a text that is not
//   a string gives an error row (the id is then the line number).
// - Text: one answer per line. An empty line is a row with an empty answer,
//   so that row numbers match line numbers; only a final line end does not
//   start another row.
// Before any format (in this order; see docs/architecture.md):
// - an input starting with the gzip magic bytes is decompressed (whatever
//   its name; io/input/gzip_decoder.h); its format is then decided by the
//   name without ".gz" (answers.csv.gz is CSV);
// - the encoding (InputOptions::encoding) is decoded to UTF-8. With kAuto,
//   a UTF-16 byte order mark means UTF-16; otherwise the input must be
//   UTF-8, and one whose first invalid byte, within its first 64 KB, comes
//   before any valid multi-byte UTF-8 sequence is refused with one Error
//   naming the line and byte and the --encoding to pass
//   (io/input/encoding_guess.h); later invalid bytes are error rows;
// - standard input with kAuto is JSON Lines when its first non-blank byte
//   is '{', else CSV with a header row (RecordReader::Note() says so).
// In every format:
// - lines end with LF, CRLF or a lone CR;
// - a UTF-8 byte order mark at the start is skipped, and an input with
//   nothing else in it is an Error ("FILE: empty file");
// - an input starting with a UTF-16 byte order mark is decoded to UTF-8
//   (io/input/utf16_decoder.h);
// - a text that is not valid UTF-8 or holds a NUL byte gives an error row
//   (with the byte offset; see internal::TextProblem).
#ifndef VERBATIM_IO_INPUT_READER_H_
#define VERBATIM_IO_INPUT_READER_H_

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace verbatim {

enum class InputFormat { kAuto, kCsv, kJsonl, kText };

// kAuto: UTF-16 when the input starts with its byte order mark, else UTF-8
// checked as input_reader.h's top comment says. kUtf8: UTF-8, every invalid
// byte an error row (no refusal). kUtf16: its byte order mark decides the
// byte order, little-endian without one. The others are decoded with ICU's
// converters.
enum class InputEncoding { kAuto, kUtf8, kUtf16, kWindows1252, kIso885915, kIso88591 };

struct InputOptions {
  // "-" is standard input. Also the name used in messages ("<stdin>" for
  // "-", "<input>" when empty) and, for kAuto, the source of the extension.
  std::string path;
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension (.csv .tsv
                                            // .jsonl .ndjson .txt, after an
                                            // ending .gz), else CSV; standard
                                            // input is sniffed (see above);
                                            // .tsv also implies delimiter '\t'.
  InputEncoding encoding = InputEncoding::kAuto;
  // CSV: the text column, by header name (exact, then ignoring case, Latin-1
  // accents and spaces; see column_selector.h) or 1-based index (tried after
  // the names, so a header "3" is found by name). Default (empty): the last
  // column whose header is not a timestamp or id ("Horodateur", "Timestamp",
  // "id").
  // JSONL: the key of the text. Default: "text".
  std::string column;
  // CSV: the id column, by name or 1-based index. JSONL: the key. Default
  // (empty): CSV uses the first column whose header is one of the usual id
  // names (DefaultIdColumn in column_selector.h: "id", "ID", "Response ID",
  // "respondent_id", "identifiant", compared folded), else the 1-based data
  // row number; JSONL the "id" key when present (a number is converted to
  // its JSON text), else the line number.
  // A given JSONL id key missing from a line makes that line an error row.
  // Text: always the line number.
  std::string id_column;
  // Input columns carried along with each record (InputRecord::extra, in
  // this order), by name or index as `column` (CSV) or key (JSONL): for
  // --keep and --by. A CSV column that does not exist is an Error listing
  // the columns; a JSONL key missing from a line gives an empty value.
  // Text input has no columns: any is an Error. Default: none.
  std::vector<std::string> extra_columns;
  // CSV only, with extra_columns empty: every column but the text and id
  // columns, in file order (export qdpx makes them case variables). Other
  // formats ignore it. Default: false.
  bool all_other_columns = false;
  // CSV delimiter: 0 means auto-detect among ',', ';' and '\t' from the
  // header line (the one that splits it into the most fields, ',' on ties).
  char delimiter = 0;
  // An input with no record (no byte, or only a BOM and blank lines) reads as
  // zero records instead of failing with "empty file": for map steps over
  // partitions that may be empty (docs/scaling.md). Default: false.
  bool allow_empty = false;
};

struct InputRecord {
  size_t row = 0;   // 1-based record number among data records.
  size_t line = 0;  // 1-based physical line where the record starts.
  std::string id;
  std::string text;
  // The values of InputOptions::extra_columns, in their order ("" for a
  // missing field).
  std::vector<std::string> extra;
  // Non-empty: the row is bad; "file:line[:column]: why" (with the 0-based
  // byte offset within the text for invalid UTF-8).
  std::string error;
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Reads the next record. Returns false at end of input.
  virtual bool Next(InputRecord* record) = 0;
  // The header of the chosen text column (CSV), or the JSONL key: used as
  // the question when the codebook has none. Empty for plain text.
  virtual std::string TextColumnName() const = 0;
  // The header (CSV) or key (JSONL) the ids come from; "" when ids are row
  // or line numbers. JSONL without --id-column says "id" (used when present).
  virtual std::string IdColumnName() const { return ""; }
  // The headers (CSV) or keys (JSONL) of InputOptions::extra_columns, as the
  // file spells them.
  virtual std::vector<std::string> ExtraColumnNames() const { return {}; }
  // Bytes of the input file consumed so far, for progress: exact up to the
  // reading buffer (tens of kilobytes ahead), counted in the file as it is
  // (compressed, encoded). 0 when unknown (standard input, a stream opened
  // by the caller).
  virtual uint64_t BytesConsumed() { return 0; }
  // The lower-case hex SHA-256 of the input's bytes as stored (compressed,
  // encoded), computed as they are read, standard input included; bytes
  // the reader did not need are read to the end for it. nullopt on a read
  // error, and for readers not made by OpenInput or OpenInputStream. Call
  // it once Next() has returned false: the reader gives no record after.
  virtual std::optional<std::string> FinishInputDigest() { return std::nullopt; }
  // The format the input is read as (kAuto for records already in memory).
  virtual InputFormat Format() const { return InputFormat::kAuto; }
  // What was assumed in reading the input that the user may not expect, one
  // line for the terminal ("standard input read as CSV with a header row;
  // pass --format text for one answer per line"), or "".
  virtual std::string Note() const { return ""; }
};

// Records already in memory, read again in order (a command that codes the
// same input twice, as `diff` does, reads standard input only once).
class RecordListReader : public RecordReader {
 public:
  RecordListReader(std::vector<InputRecord> records, std::string text_column)
      : records_(std::move(records)), text_column_(std::move(text_column)) {}
  bool Next(InputRecord* record) override {
    if (next_ == records_.size()) return false;
    *record = records_[next_++];
    return true;
  }
  std::string TextColumnName() const override { return text_column_; }

 private:
  std::vector<InputRecord> records_;
  std::string text_column_;
  size_t next_ = 0;
};

// Opens the input and reads its header. Errors: the file cannot be opened
// ("cannot open FILE: reason"), cannot be read ("FILE: cannot read the
// header (read error)"), an empty file, a missing column (the message lists
// the columns that exist), an invalid --column index, an input that is not
// UTF-8 given without --encoding ("FILE:LINE: byte 0xE9 (byte offset N) is
// not UTF-8: the file is likely Windows-1252 ...: pass --encoding
// windows-1252 ..."). The file is read
// in chunks as Next() is called, never whole. A read error after opening
// ends the input with one error row saying the input is cut short.
Result<std::unique_ptr<RecordReader>> OpenInput(const InputOptions& options);

// Same, reading from an already open stream (tests, standard input). The
// stream must outlive the reader. options.path only names the input in
// messages and gives the extension for kAuto.
Result<std::unique_ptr<RecordReader>> OpenInputStream(std::istream& in, const InputOptions& options);

// The format OpenInput reads `options` as: options.format, or for kAuto the
// one the extension implies, after an ending ".gz" (CSV for anything else).
// For standard input with kAuto this says CSV; the reader's Format() knows.
InputFormat ResolveInputFormat(const InputOptions& options);

// Parses "csv", "jsonl", "text", "auto".
std::optional<InputFormat> ParseInputFormat(const std::string& name);

// Parses "auto", "utf-8" (or "utf8"), "utf-16" ("utf16"), "windows-1252"
// ("cp1252"), "iso-8859-15" ("latin9"), "iso-8859-1" ("latin1"), ignoring
// case.
std::optional<InputEncoding> ParseInputEncoding(const std::string& name);

}  // namespace verbatim

#endif  // VERBATIM_IO_INPUT_READER_H_
