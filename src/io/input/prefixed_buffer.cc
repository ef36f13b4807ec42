#include "io/input/prefixed_buffer.h"

#include <ios>

namespace verbatim {
namespace {

constexpr size_t kChunkBytes = 64 * 1024;

}  // namespace

void ReadHeadInto(std::istream& in, size_t max_bytes, std::string* out) {
  out->resize(max_bytes);
  in.read(out->data(), static_cast<std::streamsize>(max_bytes));
  out->resize(static_cast<size_t>(in.gcount()));
}

std::string ReadHead(std::istream& in, size_t max_bytes) {
  std::string head;
  ReadHeadInto(in, max_bytes, &head);
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
      ReadHeadInto(*rest_, kChunkBytes, &chunk_);  // One buffer for every chunk.
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
