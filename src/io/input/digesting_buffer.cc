#include "io/input/digesting_buffer.h"

#include <ios>

namespace verbatim {
namespace {

constexpr size_t kChunkBytes = 64 * 1024;

}  // namespace

DigestingBuffer::DigestingBuffer(std::istream& source) : chunk_(kChunkBytes, '\0'), source_(&source) {
  setg(nullptr, nullptr, nullptr);
}

DigestingBuffer::int_type DigestingBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  // A read error is thrown, never turned into an end of input: caught by the
  // istream reading this buffer, which sets its badbit (how a stream buffer
  // reports one, as prefixed_buffer.cc does). The bytes read before the
  // error are given first; the next read throws.
  if (failed_) throw std::ios_base::failure("read error");
  if (finished_ || source_->eof()) return traits_type::eof();
  source_->read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
  const size_t got = static_cast<size_t>(source_->gcount());
  digest_.Update(std::string_view(chunk_.data(), got));
  if (source_->bad()) failed_ = true;
  if (got == 0 && failed_) throw std::ios_base::failure("read error");
  if (got == 0) return traits_type::eof();
  setg(chunk_.data(), chunk_.data(), chunk_.data() + got);
  return traits_type::to_int_type(*gptr());
}

std::optional<std::string> DigestingBuffer::FinishDigest() {
  if (finished_) return *finished_;
  setg(nullptr, nullptr, nullptr);
  while (!failed_ && !source_->eof()) {
    source_->read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    digest_.Update(std::string_view(chunk_.data(), static_cast<size_t>(source_->gcount())));
    if (source_->bad()) failed_ = true;
  }
  if (failed_) return std::nullopt;
  finished_ = digest_.Hex();
  return *finished_;
}

}  // namespace verbatim
