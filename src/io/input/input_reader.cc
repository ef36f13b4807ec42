#include "io/input/input_reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string_view>
#include <vector>

#include "io/input/digesting_buffer.h"
#include "io/input/encoding_guess.h"
#include "io/input/gzip_decoder.h"
#include "io/input/prefixed_buffer.h"
#include "io/input/reader_internal.h"
#include "io/input/single_byte_decoder.h"
#include "io/input/utf16_decoder.h"

namespace verbatim {
namespace {

// The name whose extension gives the format: answers.csv.gz reads as
// answers.csv.
std::string LowerExtension(const std::string& path) {
  std::filesystem::path name(path);
  auto lower = [](std::string text) {
    for (char& c : text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
  };
  std::string extension = lower(name.extension().string());
  if (extension == ".gz") extension = lower(name.stem().extension().string());
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

const char* IcuName(InputEncoding encoding) {
  switch (encoding) {
    case InputEncoding::kWindows1252:
      return "windows-1252";
    case InputEncoding::kIso885915:
      return "ISO-8859-15";
    case InputEncoding::kIso88591:
      return "ISO-8859-1";
    case InputEncoding::kAuto:
    case InputEncoding::kUtf8:
    case InputEncoding::kUtf16:
      break;
  }
  return nullptr;
}

// The streams between an input and its reader: each stream reads through
// its buffer, which reads the stream below. Destroyed from the top down.
class StreamLayers {
 public:
  StreamLayers() = default;
  StreamLayers(StreamLayers&&) = default;
  StreamLayers& operator=(StreamLayers&&) = default;
  ~StreamLayers() {
    while (!streams_.empty()) {
      streams_.pop_back();
      buffers_.pop_back();
    }
  }
  // Puts `buffer` on top; returns the stream reading it.
  std::istream* Push(std::unique_ptr<std::streambuf> buffer) {
    streams_.push_back(std::make_unique<std::istream>(buffer.get()));
    buffers_.push_back(std::move(buffer));
    return streams_.back().get();
  }

 private:
  std::vector<std::unique_ptr<std::streambuf>> buffers_;
  std::vector<std::unique_ptr<std::istream>> streams_;
};

// A reader together with what it reads, which it owns: the file of
// OpenInput, the layers decoding it. Members are destroyed in reverse
// order: the reader, then the layers, then the file.
class OwningRecordReader : public RecordReader {
 public:
  OwningRecordReader(std::unique_ptr<std::istream> file, StreamLayers layers,
                     DigestingBuffer* digest, const GzipDecodingBuffer* gzip,
                     std::unique_ptr<RecordReader> reader, InputFormat format, std::string note)
      : file_(std::move(file)),
        layers_(std::move(layers)),
        digest_(digest),
        gzip_(gzip),
        reader_(std::move(reader)),
        format_(format),
        note_(std::move(note)) {}
  // A read error of a gzip file says what zlib found instead of "cut short".
  bool Next(InputRecord* record) override {
    const bool more = reader_->Next(record);
    if (more && gzip_ != nullptr && !gzip_->failure().empty()) {
      const size_t at = record->error.find(internal::kCutShortReason);
      if (at != std::string::npos) {
        record->error.replace(at, internal::kCutShortReason.size(), gzip_->failure());
      }
    }
    return more;
  }
  std::string TextColumnName() const override { return reader_->TextColumnName(); }
  std::string IdColumnName() const override { return reader_->IdColumnName(); }
  std::vector<std::string> ExtraColumnNames() const override {
    return reader_->ExtraColumnNames();
  }
  // The position in the file itself (compressed or encoded as it is), which
  // is what its size is compared with.
  uint64_t BytesConsumed() override {
    if (file_ == nullptr) return 0;
    const std::streampos position = file_->tellg();
    if (position >= 0) last_position_ = static_cast<uint64_t>(position);
    return last_position_;
  }
  std::optional<std::string> FinishInputDigest() override { return digest_->FinishDigest(); }
  InputFormat Format() const override { return format_; }
  std::string Note() const override { return note_; }

 private:
  uint64_t last_position_ = 0;
  std::unique_ptr<std::istream> file_;
  StreamLayers layers_;
  DigestingBuffer* digest_;  // The bottom layer, in layers_.
  const GzipDecodingBuffer* gzip_;  // In layers_, or null for an input that is not gzip.
  std::unique_ptr<RecordReader> reader_;
  InputFormat format_;
  std::string note_;
};

// Puts on `*layers` the decoding of options.encoding to UTF-8 and returns
// the stream to read; fails on an input that is not UTF-8 (kAuto).
Result<std::istream*> Decode(std::istream* in, const InputOptions& options,
                             const std::string& name, StreamLayers* layers) {
  Utf16Order order = Utf16Order::kLittleEndian;
  switch (options.encoding) {
    case InputEncoding::kUtf8:
      return in;
    case InputEncoding::kUtf16:
      ConsumeUtf16ByteOrderMark(*in, &order);
      return layers->Push(std::make_unique<Utf16DecodingBuffer>(*in, order));
    case InputEncoding::kAuto: {
      if (ConsumeUtf16ByteOrderMark(*in, &order)) {
        return layers->Push(std::make_unique<Utf16DecodingBuffer>(*in, order));
      }
      std::string head = ReadHead(*in, kEncodingGuessBytes);
      const bool complete = head.size() < kEncodingGuessBytes && !in->bad();
      if (const auto sign = FindNotUtf8Sign(head, complete)) {
        return MakeError(NotUtf8Message(*sign) + "; nothing was read",
                         SourceLocation{name, static_cast<int>(sign->line)});
      }
      return layers->Push(std::make_unique<PrefixedBuffer>(std::move(head), *in));
    }
    case InputEncoding::kWindows1252:
    case InputEncoding::kIso885915:
    case InputEncoding::kIso88591:
      break;
  }
  Result<SingleByteTable> table = SingleByteTable::Make(IcuName(options.encoding));
  if (!table) return tl::unexpected(table.error());
  return layers->Push(std::make_unique<SingleByteDecodingBuffer>(*in, std::move(*table)));
}

// Standard input has no name to tell its format: JSON Lines when its first
// non-blank byte (after a UTF-8 byte order mark) is '{', else CSV.
InputFormat SniffFormat(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const size_t first = head.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && head[first] == '{') return InputFormat::kJsonl;
  return InputFormat::kCsv;
}

Result<std::unique_ptr<RecordReader>> OpenDecodedStream(std::istream& in,
                                                        const InputOptions& options) {
  const std::string name = DisplayName(options.path);
  switch (ResolveFormatOf(options)) {
    case InputFormat::kJsonl:
      return internal::OpenJsonlReader(in, options, name);
    case InputFormat::kText:
      if (!options.extra_columns.empty()) {
        return MakeError("a text input has no columns to keep or group by (\"" +
                             options.extra_columns.front() + "\"); give a CSV or JSON Lines input",
                         SourceLocation{name});
      }
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

// Gzip, then the encoding, then (standard input) the format, then the reader.
Result<std::unique_ptr<RecordReader>> OpenLayers(std::istream& in, const InputOptions& options,
                                                 std::unique_ptr<std::istream> file) {
  StreamLayers layers;
  auto digesting = std::make_unique<DigestingBuffer>(in);
  DigestingBuffer* digest = digesting.get();
  std::istream* bottom = layers.Push(std::move(digesting));
  std::string head = ReadHead(*bottom, 2);
  const bool gzip = IsGzip(head);
  std::istream* top = layers.Push(std::make_unique<PrefixedBuffer>(std::move(head), *bottom));
  const GzipDecodingBuffer* gzip_buffer = nullptr;
  if (gzip) {
    auto decoding = std::make_unique<GzipDecodingBuffer>(*top);
    gzip_buffer = decoding.get();
    top = layers.Push(std::move(decoding));
  }
  Result<std::istream*> decoded = Decode(top, options, DisplayName(options.path), &layers);
  // A failure to open a gzip input is explained by what zlib found.
  auto refusal = [&](const Error& error) -> Error {
    if (gzip_buffer == nullptr || gzip_buffer->failure().empty()) return error;
    return Error{gzip_buffer->failure(), SourceLocation{DisplayName(options.path)}};
  };
  if (!decoded) return tl::unexpected(refusal(decoded.error()));
  top = *decoded;

  InputOptions resolved = options;
  resolved.format = ResolveFormatOf(options);
  std::string note;
  if (options.path == "-" && options.format == InputFormat::kAuto) {
    head = ReadHead(*top, 64 * 1024);
    resolved.format = SniffFormat(head);
    top = layers.Push(std::make_unique<PrefixedBuffer>(std::move(head), *top));
    if (resolved.format == InputFormat::kCsv) {
      note = "standard input read as CSV with a header row; pass --format text for one answer "
             "per line";
    }
  }
  Result<std::unique_ptr<RecordReader>> reader = OpenDecodedStream(*top, resolved);
  if (!reader) return tl::unexpected(refusal(reader.error()));
  return std::make_unique<OwningRecordReader>(std::move(file), std::move(layers), digest,
                                              gzip_buffer, std::move(*reader), resolved.format,
                                              std::move(note));
}

}  // namespace

Result<std::unique_ptr<RecordReader>> OpenInputStream(std::istream& in,
                                                      const InputOptions& options) {
  return OpenLayers(in, options, nullptr);
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
  std::istream& in = *file;
  return OpenLayers(in, options, std::move(file));
}

InputFormat ResolveInputFormat(const InputOptions& options) { return ResolveFormatOf(options); }

std::optional<InputFormat> ParseInputFormat(const std::string& name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "csv") return InputFormat::kCsv;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "text") return InputFormat::kText;
  return std::nullopt;
}

std::optional<InputEncoding> ParseInputEncoding(const std::string& name) {
  std::string lower = name;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower == "auto") return InputEncoding::kAuto;
  if (lower == "utf-8" || lower == "utf8") return InputEncoding::kUtf8;
  if (lower == "utf-16" || lower == "utf16") return InputEncoding::kUtf16;
  if (lower == "windows-1252" || lower == "cp1252") return InputEncoding::kWindows1252;
  if (lower == "iso-8859-15" || lower == "latin9") return InputEncoding::kIso885915;
  if (lower == "iso-8859-1" || lower == "latin1") return InputEncoding::kIso88591;
  return std::nullopt;
}

}  // namespace verbatim
