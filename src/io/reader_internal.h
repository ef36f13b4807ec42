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
#include "io/input_reader.h"

namespace verbatim::internal {

// Each reads its header (CSV) or checks the input is not empty, and fails as
// OpenInput documents. `in` must outlive the reader.
Result<std::unique_ptr<RecordReader>> OpenCsvReader(std::istream& in, const InputOptions& options,
                                                    const std::string& file_name);
Result<std::unique_ptr<RecordReader>> OpenJsonlReader(std::istream& in, const InputOptions& options,
                                                      const std::string& file_name);
Result<std::unique_ptr<RecordReader>> OpenTextReader(std::istream& in, const InputOptions& options,
                                                     const std::string& file_name);

// The 0-based byte offset of the first byte that does not start a valid
// UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF
// are invalid), or std::string_view::npos when `text` is valid.
size_t FindInvalidUtf8(std::string_view text);

// "file:line[:column]: message", the text of InputRecord::error.
std::string RowError(const std::string& file, size_t line, size_t column, std::string_view message);

// Reads a stream line by line for the line-based formats (JSONL, text): a
// UTF-8 byte order mark at the start is skipped, lines end at LF, and a CR
// before the LF is removed (a lone CR is not a line end). A final line end
// does not start another line. Not copyable (it reads a stream).
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
  size_t line_number_ = 0;
};

}  // namespace verbatim::internal

#endif  // VERBATIM_IO_READER_INTERNAL_H_
