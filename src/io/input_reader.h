// Readers for answer files: CSV (RFC 4180), JSON Lines and plain text.
//
// Design: a reader yields one InputRecord per answer, in input order, and
// never drops one: a row it cannot read properly (invalid UTF-8, wrong
// number of fields, a JSONL line that is not an object…) still comes out,
// with `error` set, so that the coded table accounts for every row. Problems
// that make the whole file unusable (it cannot be opened, a missing column,
// an unterminated quote at end of file when no row can be recovered…) are
// returned as an Error naming the file, line and column.
#ifndef VERBATIM_IO_INPUT_READER_H_
#define VERBATIM_IO_INPUT_READER_H_

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace verbatim {

enum class InputFormat { kAuto, kCsv, kJsonl, kText };

struct InputOptions {
  std::string path;  // "-" is standard input.
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension (.csv .tsv
                                            // .jsonl .ndjson .txt), else CSV.
  // CSV: the text column, by header name (exact, then case- and
  // accent-insensitive) or 1-based index. Default (empty): the last column
  // whose header is not a timestamp or id ("Horodateur", "Timestamp", "id").
  // JSONL: the key of the text. Default: "text".
  std::string column;
  // CSV: the id column, by name or 1-based index. JSONL: the key. Default
  // (empty): CSV uses the 1-based data row number, JSONL the "id" key when
  // present, else the line number. Text: always the line number.
  std::string id_column;
  // CSV delimiter: 0 means auto-detect among ',', ';' and '\t' from the
  // header line (the one that splits it into the most fields, ',' on ties).
  char delimiter = 0;
};

struct InputRecord {
  size_t row = 0;   // 1-based record number among data records.
  size_t line = 0;  // 1-based physical line where the record starts.
  std::string id;
  std::string text;
  std::string error;  // Non-empty: the row is bad; says why (and the byte offset).
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Reads the next record. Returns false at end of input.
  virtual bool Next(InputRecord* record) = 0;
  // The header of the chosen text column (CSV), or the JSONL key: used as
  // the question when the codebook has none.
  virtual std::string TextColumnName() const = 0;
};

// Opens the input and reads its header. Errors: the file cannot be opened
// ("cannot open FILE: reason"), an empty file, a missing column (the message
// lists the columns that exist), an invalid --column index.
Result<std::unique_ptr<RecordReader>> OpenInput(const InputOptions& options);

// Same, reading from an already open stream (tests, standard input). The
// stream must outlive the reader.
Result<std::unique_ptr<RecordReader>> OpenInputStream(std::istream& in, const InputOptions& options);

// Parses "csv", "jsonl", "text", "auto".
std::optional<InputFormat> ParseInputFormat(const std::string& name);

}  // namespace verbatim

#endif  // VERBATIM_IO_INPUT_READER_H_
