// A stream's bytes, passed on unchanged while their SHA-256 is computed.
//
// Design: run.json records the input's digest. Reading the file a second
// time for it cost a second pass over the input (and standard input, which
// cannot be read again, had none). This buffer sits right above the file
// or standard input, under gzip and decoding, so the digest is that of the
// bytes as stored, computed in the one read that codes them.
#ifndef VERBATIM_IO_DIGESTING_BUFFER_H_
#define VERBATIM_IO_DIGESTING_BUFFER_H_

#include <istream>
#include <optional>
#include <streambuf>
#include <string>

#include "io/input/sha256.h"

namespace verbatim {

// A read-only stream buffer giving what `source` gives, in chunks. A read
// error of `source` makes reads from this buffer fail (the istream over it
// goes bad), after the bytes read before it. `source` must outlive the
// buffer. Not copyable; not safe to use from several threads.
class DigestingBuffer : public std::streambuf {
 public:
  explicit DigestingBuffer(std::istream& source);
  DigestingBuffer(const DigestingBuffer&) = delete;
  DigestingBuffer& operator=(const DigestingBuffer&) = delete;

  // The lower-case hex SHA-256 of every byte of `source`. The bytes not
  // read yet (a reader that stopped before the end, a gzip stream with
  // bytes after its end) are read first and added, not given to anyone.
  // nullopt on a read error. Once called, the buffer gives no more bytes.
  std::optional<std::string> FinishDigest();

 protected:
  int_type underflow() override;

 private:
  std::string chunk_;
  std::istream* source_;
  Sha256Digest digest_;
  bool failed_ = false;
  std::optional<std::string> finished_;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_DIGESTING_BUFFER_H_
