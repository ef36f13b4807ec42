#include "io/input/prefixed_buffer.h"

#include <ios>

namespace verbatim {
namespace {

constexpr size_t kChunkBytes = 64 * 1024;

}  // namespace

std::string ReadHead(std::istream& in, size_t max_bytes) {
  std::string head(max_bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(max_bytes));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

PrefixedBuffer::PrefixedBuffer(std::string head, std::istream& rest)
    : chunk_(std::move(head)), rest_(&rest) {
  setg(nullptr, nullptr, nullptr);
}

PrefixedBuffer::int_type PrefixedBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (head_served_ || chunk_.empty()) {
    head_served_ = true;
    // The head's reads may have left eof and fail set: more reads give 0.
    if (rest_->bad() || rest_->eof()) {
      chunk_.clear();
    } else {
      // The same buffer for every chunk: after the first, no allocation, and
      // no zeroing but of what a short read left.
      chunk_.resize(kChunkBytes);
      rest_->read(chunk_.data(), static_cast<std::streamsize>(kChunkBytes));
      chunk_.resize(static_cast<size_t>(rest_->gcount()));
    }
    // Caught by the istream reading this buffer, which sets its badbit:
    // how a stream buffer reports a read error (as utf16_decoder.cc does).
    if (chunk_.empty() && rest_->bad()) throw std::ios_base::failure("read error");
    if (chunk_.empty()) return traits_type::eof();
  }
  head_served_ = true;
  setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
  return traits_type::to_int_type(*gptr());
}

}  // namespace verbatim
