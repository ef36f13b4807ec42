#include <fmt/format.h>

#include <memory>
#include <string>

#include "io/reader_internal.h"

namespace verbatim::internal {
namespace {

class TextReader : public RecordReader {
 public:
  TextReader(std::istream& in, std::string file_name)
      : lines_(in), file_name_(std::move(file_name)) {}

  bool Next(InputRecord* record) override {
    record->error.clear();
    if (!lines_.Next(&record->text)) {
      if (!lines_.read_failed() || read_failure_reported_) return false;
      read_failure_reported_ = true;
      record->text.clear();
      record->error =
          RowError(file_name_, lines_.line_number() + 1, 0, "read error: the input is cut short");
    }
    ++row_;
    record->row = row_;
    record->line = row_;  // Every line is a row, the empty ones included.
    record->id = std::to_string(row_);
    if (const size_t bad = FindInvalidUtf8(record->text);
        record->error.empty() && bad != std::string::npos) {
      record->error = RowError(file_name_, record->line, 0,
                               fmt::format("invalid UTF-8 in the text at byte offset {}", bad));
    }
    return true;
  }

  // True if the input holds nothing (a byte order mark at most).
  bool empty() { return lines_.empty(); }

  std::string TextColumnName() const override { return ""; }

 private:
  LineSource lines_;
  std::string file_name_;
  size_t row_ = 0;
  bool read_failure_reported_ = false;
};

}  // namespace

Result<std::unique_ptr<RecordReader>> OpenTextReader(std::istream& in, const InputOptions&,
                                                     const std::string& file_name) {
  auto reader = std::make_unique<TextReader>(in, file_name);
  if (reader->empty()) return MakeError("empty file", SourceLocation{file_name});
  return reader;
}

}  // namespace verbatim::internal
