#include "io/input/reader_internal.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "io/input/utf8.h"

namespace verbatim::internal {

namespace {

// Scans `text` once for its first invalid UTF-8 sequence and its first NUL
// byte (npos when there is none). Answers are mostly ASCII with an accented
// letter every few words: blocks of plain ASCII are skipped whole, and a
// block's first other byte is reached directly.
void ScanText(std::string_view text, size_t* invalid, size_t* nul) {
  *invalid = std::string_view::npos;
  *nul = std::string_view::npos;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
#if defined(__SSE2__)
    if (i + 16 <= size) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
      const unsigned special = static_cast<unsigned>(
          _mm_movemask_epi8(block) |
          _mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_setzero_si128())));
      if (special == 0) {
        i += 16;
        continue;
      }
      i += static_cast<size_t>(__builtin_ctz(special));
    }
#else
    // 8 bytes at a time: a byte >= 0x80, or a zero byte ((word - kLow) &
    // ~word sets its top bit), stops the skip.
    constexpr uint64_t kLow = 0x0101010101010101ULL;
    constexpr uint64_t kHigh = 0x8080808080808080ULL;
    while (i + 8 <= size) {
      uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      if (((word | ((word - kLow) & ~word)) & kHigh) != 0) break;
      i += 8;
    }
    if (i >= size) break;
#endif
    const unsigned char byte = bytes[i];
    if (byte < 0x80) {
      if (byte == 0 && *nul == std::string_view::npos) *nul = i;
      ++i;
      continue;
    }
    // Two-byte sequences (é, à, ç…) are most of the non-ASCII in French.
    if (byte >= 0xC2 && byte <= 0xDF && i + 1 < size && (bytes[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    const size_t length = ValidUtf8SequenceLength(text, i);
    if (length == 0) {
      *invalid = i;
      return;
    }
    i += length;
  }
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  size_t invalid, nul;
  ScanText(text, &invalid, &nul);
  return invalid;
}

std::string TextProblem(std::string_view text) {
  size_t invalid, nul;
  ScanText(text, &invalid, &nul);
  if (invalid != std::string_view::npos) {
    return fmt::format("invalid UTF-8 in the text at byte offset {}", invalid);
  }
  if (nul != std::string_view::npos) {
    return fmt::format(
        "NUL byte in the text at byte offset {} (if every row has one, the file is UTF-16 "
        "without a byte order mark or binary: save it as UTF-8)",
        nul);
  }
  return "";
}

namespace {

class NoRecordReader : public RecordReader {
 public:
  bool Next(InputRecord*) override { return false; }
  std::string TextColumnName() const override { return ""; }
};

}  // namespace

std::unique_ptr<RecordReader> MakeNoRecordReader() { return std::make_unique<NoRecordReader>(); }

Result<std::unique_ptr<RecordReader>> LineReaderUnlessEmpty(std::unique_ptr<RecordReader> reader,
                                                            bool input_empty,
                                                            const std::istream& in,
                                                            const InputOptions& options,
                                                            const std::string& file_name) {
  if (input_empty) {
    if (in.bad()) return MakeError("cannot read the input (read error)", SourceLocation{file_name});
    if (options.allow_empty) return reader;
    return MakeError("empty file", SourceLocation{file_name});
  }
  return reader;
}

std::string RowError(const std::string& file, size_t line, size_t column,
                     std::string_view message) {
  return FormatError(Error{std::string(message),
                           SourceLocation{file, static_cast<int>(line), static_cast<int>(column)}});
}

LineSource::LineSource(std::istream& in) : in_(&in) {
  // Compared one byte at a time: a stream cannot portably put back three.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  for (char expected : kBom) {
    const int c = in_->peek();
    if (c == std::char_traits<char>::eof() || static_cast<char>(c) != expected) return;
    prefix_.push_back(static_cast<char>(in_->get()));
  }
  prefix_.clear();
}

bool LineSource::empty() { return prefix_.empty() && in_->peek() == std::char_traits<char>::eof(); }

bool LineSource::Next(std::string* line) {
  if (pending_position_ >= pending_.size()) {
    pending_.clear();
    pending_position_ = 0;
    if (!std::getline(*in_, pending_)) {
      pending_.clear();  // What a failed read left.
      if (prefix_.empty()) return false;
      // Else the input was only the start of a byte order mark.
    }
    if (!prefix_.empty()) {
      pending_.insert(0, prefix_);
      prefix_.clear();
    }
  }
  // pending_ is one LF-ended line (or the last line) from pending_position_;
  // a CR inside it ends a line too, and a CR at its end is part of CRLF.
  const size_t cr = pending_.find('\r', pending_position_);
  const size_t end = cr == std::string::npos ? pending_.size() : cr;
  line->assign(pending_, pending_position_, end - pending_position_);
  pending_position_ = end + 1;
  if (cr + 1 == pending_.size()) pending_position_ = pending_.size();
  ++line_number_;
  return true;
}

}  // namespace verbatim::internal
