// Reading gzip-compressed answer files (answers.csv.gz) as they are.
//
// Design: survey platforms and archives hand out .gz exports; decompressing
// them on the fly (zlib's inflate, chunk by chunk) keeps memory flat and lets
// every later layer (encodings, readers) work unchanged. A file is gzip when
// it starts with the gzip magic bytes, whatever its name.
#ifndef VERBATIM_IO_GZIP_DECODER_H_
#define VERBATIM_IO_GZIP_DECODER_H_

#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

namespace verbatim {

// True if `head` starts with the gzip magic bytes 1F 8B.
bool IsGzip(std::string_view head);

// A read-only stream buffer giving the decompressed bytes of the gzip data
// read from `source` (several gzip members one after the other, as `cat
// a.gz b.gz` makes, are read as one). Corrupt or truncated data, or a read
// error of `source`, make reads from this buffer fail after the bytes
// decompressed before it (the istream over it goes bad), so readers report
// the input as cut short. `source` must outlive the buffer. Not copyable;
// not safe to use from several threads.
class GzipDecodingBuffer : public std::streambuf {
 public:
  explicit GzipDecodingBuffer(std::istream& source);
  ~GzipDecodingBuffer() override;
  GzipDecodingBuffer(const GzipDecodingBuffer&) = delete;
  GzipDecodingBuffer& operator=(const GzipDecodingBuffer&) = delete;

  // Why reads failed, for the user ("the gzip data is truncated: …"), or an
  // empty string while they have not.
  const std::string& failure() const { return failure_; }

 protected:
  int_type underflow() override;

 private:
  struct Stream;  // zlib's z_stream, kept out of this header.
  std::unique_ptr<Stream> stream_;
  std::istream* source_;
  std::string compressed_;
  std::string decompressed_;
  bool in_member_ = false;  // Inside a gzip member: its end not yet seen.
  bool failed_ = false;
  std::string failure_;  // Set with failed_.
  bool done_ = false;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_GZIP_DECODER_H_
