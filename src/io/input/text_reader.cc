#include <fmt/format.h>

#include <memory>
#include <string>

#include "io/input/reader_internal.h"

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
          RowError(file_name_, lines_.line_number() + 1, 0, kCutShortReason);
    }
    ++row_;
    record->row = row_;
    record->line = row_;  // Every line is a row, the empty ones included.
    record->id = std::to_string(row_);
    if (std::string problem = TextProblem(record->text);
        record->error.empty() && !problem.empty()) {
      record->error = RowError(file_name_, record->line, 0, problem);
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

Result<std::unique_ptr<RecordReader>> OpenTextReader(std::istream& in, const InputOptions& options,
                                                     const std::string& file_name) {
  auto reader = std::make_unique<TextReader>(in, file_name);
  const bool empty = reader->empty();
  return LineReaderUnlessEmpty(std::move(reader), empty, in, options, file_name);
}

}  // namespace verbatim::internal
