#include "io/input/gzip_decoder.h"

#include <zlib.h>

#include <ios>

namespace verbatim {
namespace {

constexpr size_t kChunkBytes = 64 * 1024;

}  // namespace

struct GzipDecodingBuffer::Stream {
  z_stream z{};
  bool initialized = false;
};

bool IsGzip(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1F &&
         static_cast<unsigned char>(head[1]) == 0x8B;
}

GzipDecodingBuffer::GzipDecodingBuffer(std::istream& source)
    : stream_(std::make_unique<Stream>()), source_(&source) {
  setg(nullptr, nullptr, nullptr);
  // 16 + MAX_WBITS: gzip framing only (its header and CRC are checked).
  stream_->initialized = inflateInit2(&stream_->z, 16 + MAX_WBITS) == Z_OK;
  failed_ = !stream_->initialized;
}

GzipDecodingBuffer::~GzipDecodingBuffer() {
  if (stream_->initialized) inflateEnd(&stream_->z);
}

GzipDecodingBuffer::int_type GzipDecodingBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  z_stream& z = stream_->z;
  decompressed_.assign(kChunkBytes, '\0');
  size_t produced = 0;
  while (produced == 0 && !failed_ && !done_) {
    if (z.avail_in == 0) {
      compressed_.resize(kChunkBytes);
      source_->read(compressed_.data(), static_cast<std::streamsize>(kChunkBytes));
      compressed_.resize(static_cast<size_t>(source_->gcount()));
      if (source_->bad()) {
        failed_ = true;
        failure_ = "cannot read the compressed file (read error)";
        break;
      }
      if (compressed_.empty()) {
        failed_ = in_member_;  // Truncated: a member without its end.
        if (failed_) {
          failure_ = "the gzip data is truncated: the file ends inside a compressed member "
                     "(was the file cut short when copied or downloaded?)";
        }
        done_ = true;
        break;
      }
      z.next_in = reinterpret_cast<Bytef*>(compressed_.data());
      z.avail_in = static_cast<uInt>(compressed_.size());
    }
    in_member_ = true;
    z.next_out = reinterpret_cast<Bytef*>(decompressed_.data());
    z.avail_out = static_cast<uInt>(decompressed_.size());
    const int status = inflate(&z, Z_NO_FLUSH);
    produced = decompressed_.size() - z.avail_out;
    if (status == Z_STREAM_END) {
      in_member_ = false;
      inflateReset(&z);  // Another member may follow.
    } else if (status != Z_OK && status != Z_BUF_ERROR) {
      failed_ = true;  // Z_DATA_ERROR (corrupt, bad CRC), Z_MEM_ERROR.
      failure_ = status == Z_MEM_ERROR
                     ? std::string("out of memory while decompressing the gzip data")
                     : "the gzip data is corrupt (zlib: " +
                           std::string(z.msg != nullptr ? z.msg : "invalid data") + ")";
    }
  }
  decompressed_.resize(produced);
  if (decompressed_.empty()) {
    // Caught by the istream reading this buffer, which sets its badbit: how
    // a stream buffer reports a read error (as utf16_decoder.cc does).
    if (failed_) throw std::ios_base::failure("gzip data corrupt, truncated or unreadable");
    return traits_type::eof();
  }
  setg(decompressed_.data(), decompressed_.data(), decompressed_.data() + decompressed_.size());
  return traits_type::to_int_type(*gptr());
}

}  // namespace verbatim
