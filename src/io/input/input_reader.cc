#include "io/input/input_reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "io/input/reader_internal.h"
#include "io/input/utf16_decoder.h"

namespace verbatim {
namespace {

std::string LowerExtension(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return extension;
}

InputFormat ResolveFormatOf(const InputOptions& options) {
  if (options.format != InputFormat::kAuto) return options.format;
  const std::string extension = LowerExtension(options.path);
  if (extension == ".jsonl" || extension == ".ndjson") return InputFormat::kJsonl;
  if (extension == ".txt") return InputFormat::kText;
  return InputFormat::kCsv;  // .csv, .tsv, standard input, anything else.
}

std::string DisplayName(const std::string& path) {
  if (path.empty()) return "<input>";
  if (path == "-") return "<stdin>";
  return path;
}

// A reader together with the streams it reads, which it owns: the file of
// OpenInput, the UTF-8 view of a UTF-16 input. Members are destroyed in
// reverse order, so the reader goes first, then the stream, then its buffer.
class OwningRecordReader : public RecordReader {
 public:
  OwningRecordReader(std::unique_ptr<std::streambuf> buffer, std::unique_ptr<std::istream> stream,
                     std::unique_ptr<RecordReader> reader)
      : buffer_(std::move(buffer)), stream_(std::move(stream)), reader_(std::move(reader)) {}
  bool Next(InputRecord* record) override { return reader_->Next(record); }
  std::string TextColumnName() const override { return reader_->TextColumnName(); }
  uint64_t BytesConsumed() override {
    if (buffer_ != nullptr || stream_ == nullptr) return 0;  // UTF-16: decoded bytes differ.
    const std::streampos position = stream_->tellg();
    if (position >= 0) last_position_ = static_cast<uint64_t>(position);
    return last_position_;
  }

 private:
  uint64_t last_position_ = 0;
  std::unique_ptr<std::streambuf> buffer_;
  std::unique_ptr<std::istream> stream_;
  std::unique_ptr<RecordReader> reader_;
};

Result<std::unique_ptr<RecordReader>> OpenDecodedStream(std::istream& in,
                                                        const InputOptions& options) {
  const std::string name = DisplayName(options.path);
  switch (ResolveFormatOf(options)) {
    case InputFormat::kJsonl:
      return internal::OpenJsonlReader(in, options, name);
    case InputFormat::kText:
      return internal::OpenTextReader(in, options, name);
    case InputFormat::kAuto:
    case InputFormat::kCsv:
      break;
  }
  if (options.delimiter == 0 && LowerExtension(options.path) == ".tsv") {
    InputOptions tab_separated = options;
    tab_separated.delimiter = '\t';
    return internal::OpenCsvReader(in, tab_separated, name);
  }
  return internal::OpenCsvReader(in, options, name);
}

}  // namespace

Result<std::unique_ptr<RecordReader>> OpenInputStream(std::istream& in,
                                                      const InputOptions& options) {
  Utf16Order order;
  if (!ConsumeUtf16ByteOrderMark(in, &order)) return OpenDecodedStream(in, options);
  auto buffer = std::make_unique<Utf16DecodingBuffer>(in, order);
  auto decoded = std::make_unique<std::istream>(buffer.get());
  Result<std::unique_ptr<RecordReader>> reader = OpenDecodedStream(*decoded, options);
  if (!reader) return reader;
  return std::make_unique<OwningRecordReader>(std::move(buffer), std::move(decoded),
                                              std::move(*reader));
}

Result<std::unique_ptr<RecordReader>> OpenInput(const InputOptions& options) {
  if (options.path == "-") return OpenInputStream(std::cin, options);
  std::error_code ignored;
  if (std::filesystem::is_directory(options.path, ignored)) {
    return MakeError("cannot open " + options.path + ": is a directory");
  }
  auto file = std::make_unique<std::ifstream>(options.path, std::ios::binary);
  if (!file->is_open()) {
    return MakeError("cannot open " + options.path + ": " + std::strerror(errno));
  }
  Result<std::unique_ptr<RecordReader>> reader = OpenInputStream(*file, options);
  if (!reader) return reader;
  return std::make_unique<OwningRecordReader>(nullptr, std::move(file), std::move(*reader));
}

InputFormat ResolveInputFormat(const InputOptions& options) { return ResolveFormatOf(options); }

std::optional<InputFormat> ParseInputFormat(const std::string& name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "csv") return InputFormat::kCsv;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "text") return InputFormat::kText;
  return std::nullopt;
}

}  // namespace verbatim
