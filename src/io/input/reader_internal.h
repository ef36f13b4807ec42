// Shared by the answer readers (csv_reader.cc, jsonl_reader.cc,
// text_reader.cc) and input_reader.cc; not part of the io layer's interface.
//
// Design: one factory per format, all taking an open stream and the name to
// put in error messages, so that OpenInput (file or standard input) and
// OpenInputStream (tests) go through the same code.
#ifndef VERBATIM_IO_READER_INTERNAL_H_
#define VERBATIM_IO_READER_INTERNAL_H_

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "io/input/input_reader.h"

namespace verbatim::internal {

// Each reads its header (CSV) or checks the input is not empty, and fails as
// OpenInput documents. `in` must outlive the reader.
// A reader with no record (an allowed empty input).
std::unique_ptr<RecordReader> MakeNoRecordReader();

Result<std::unique_ptr<RecordReader>> OpenCsvReader(std::istream& in, const InputOptions& options,
                                                    const std::string& file_name);
Result<std::unique_ptr<RecordReader>> OpenJsonlReader(std::istream& in, const InputOptions& options,
                                                      const std::string& file_name);
Result<std::unique_ptr<RecordReader>> OpenTextReader(std::istream& in, const InputOptions& options,
                                                     const std::string& file_name);

// What OpenJsonlReader and OpenTextReader return for `reader`, their
// line-based reader of `in`: `reader`, unless `input_empty` (nothing after
// the optional byte order mark), which is an error naming `file_name`:
// "cannot read the input (read error)" when `in` failed, else "empty file"
// unless options.allow_empty (then `reader`, which reads no record).
Result<std::unique_ptr<RecordReader>> LineReaderUnlessEmpty(std::unique_ptr<RecordReader> reader,
                                                            bool input_empty,
                                                            const std::istream& in,
                                                            const InputOptions& options,
                                                            const std::string& file_name);

// The 0-based byte offset of the first byte that does not start a valid
// UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF
// are invalid), or std::string_view::npos when `text` is valid.
size_t FindInvalidUtf8(std::string_view text);

// Why an answer's text cannot be coded as it is, or "" when it can: "invalid
// UTF-8 in the text at byte offset N", or "NUL byte in the text at byte
// offset N" (a NUL is never typed: it comes from a JSON escape, a binary
// file, or UTF-16 saved without a byte order mark, which the message says).
// Offsets are 0-based, within the text.
std::string TextProblem(std::string_view text);

// "file:line[:column]: message", the text of InputRecord::error.
std::string RowError(const std::string& file, size_t line, size_t column, std::string_view message);

// The reason of the error row that ends an input whose stream failed (a read
// error, or a decoding layer such as gzip that found bad data). One wording,
// so that the layer that knows more can replace it (input_reader.cc).
inline constexpr std::string_view kCutShortReason = "read error: the input is cut short";

// Reads a stream line by line for the line-based formats (JSONL, text): a
// UTF-8 byte order mark at the start is skipped, and lines end at LF, CRLF
// or a lone CR (old Mac files), as in CSV. A final line end does not start
// another line. Not copyable (it reads a stream).
class LineSource {
 public:
  explicit LineSource(std::istream& in);
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  // True if there is nothing after the optional byte order mark.
  bool empty();
  // Reads the next line into *line. Returns false at the end of the input or
  // on a read error (then read_failed() is true).
  bool Next(std::string* line);
  // The 1-based number of the line last returned by Next().
  size_t line_number() const { return line_number_; }
  bool read_failed() const { return in_->bad(); }

 private:
  std::istream* in_;
  std::string prefix_;  // Bytes read while looking for a byte order mark that was not one.
  std::string pending_;  // The current LF-ended line, which may hold lone CRs.
  size_t pending_position_ = 0;  // Where the next line starts in pending_.
  size_t line_number_ = 0;
};

}  // namespace verbatim::internal

#endif  // VERBATIM_IO_READER_INTERNAL_H_
