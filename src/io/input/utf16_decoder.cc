#include "io/input/utf16_decoder.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <ios>

namespace verbatim {
namespace {

constexpr size_t kChunkBytes = 64 * 1024;

}  // namespace

bool ConsumeUtf16ByteOrderMark(std::istream& in, Utf16Order* order) {
  // Through the istream, not its buffer: std::filebuf throws on a read
  // error, and only the istream turns that into its badbit.
  const int first = in.peek();
  if (first != 0xFF && first != 0xFE) return false;
  in.get();
  const int second = in.peek();
  if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)) {
    in.get();
    *order = first == 0xFF ? Utf16Order::kLittleEndian : Utf16Order::kBigEndian;
    return true;
  }
  // One byte of put-back is what every standard stream buffer offers.
  in.unget();
  return false;
}

Utf16DecodingBuffer::Utf16DecodingBuffer(std::istream& source, Utf16Order order)
    : source_(&source), order_(order) {
  setg(nullptr, nullptr, nullptr);
}

Utf16DecodingBuffer::int_type Utf16DecodingBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  decoded_.clear();
  while (decoded_.empty() && !source_done_) {
    const size_t kept = raw_.size();
    raw_.resize(kept + kChunkBytes);
    source_->read(raw_.data() + kept, static_cast<std::streamsize>(kChunkBytes));
    raw_.resize(kept + static_cast<size_t>(source_->gcount()));
    source_failed_ = source_->bad();
    source_done_ = source_failed_ || source_->gcount() == 0;
    const auto unit = [&](size_t at) -> UChar {
      const auto byte = [&](size_t i) { return static_cast<unsigned char>(raw_[i]); };
      return order_ == Utf16Order::kLittleEndian
                 ? static_cast<UChar>(byte(at) | (byte(at + 1) << 8))
                 : static_cast<UChar>((byte(at) << 8) | byte(at + 1));
    };
    size_t at = 0;
    while (at + 2 <= raw_.size()) {
      UChar32 c = unit(at);
      size_t length = 2;
      if (U16_IS_LEAD(c)) {
        if (at + 4 > raw_.size()) {
          if (!source_done_) break;  // Its trail may be in the next chunk.
        } else if (U16_IS_TRAIL(unit(at + 2))) {
          c = U16_GET_SUPPLEMENTARY(c, unit(at + 2));
          length = 4;
        }
      }
      char bytes[U8_MAX_LENGTH];
      int32_t written = 0;
      U8_APPEND_UNSAFE(bytes, written, c);  // A lone surrogate keeps its 3 bytes.
      decoded_.append(bytes, static_cast<size_t>(written));
      at += length;
    }
    raw_.erase(0, at);
    if (source_done_ && !source_failed_ && !raw_.empty()) {
      decoded_.push_back('\xFF');  // A final odd byte.
      raw_.clear();
    }
  }
  if (decoded_.empty()) {
    // What was read before the error is served first. Then this exception
    // is caught by the istream reading this buffer, which sets its badbit:
    // that is how a stream buffer reports a read error.
    if (source_failed_) throw std::ios_base::failure("read error");
    return traits_type::eof();
  }
  setg(decoded_.data(), decoded_.data(), decoded_.data() + decoded_.size());
  return traits_type::to_int_type(*gptr());
}

}  // namespace verbatim
