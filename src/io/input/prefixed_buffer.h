// Bytes already read, put back in front of the rest of a stream.
//
// Design: deciding how to read an input (gzip or not, which encoding, JSON
// Lines or CSV on standard input) means looking at its first bytes, and
// standard input cannot be rewound. The bytes looked at are kept and served
// again before the rest of the stream, so that every later layer sees the
// input from its first byte.
#ifndef VERBATIM_IO_PREFIXED_BUFFER_H_
#define VERBATIM_IO_PREFIXED_BUFFER_H_

#include <istream>
#include <streambuf>
#include <string>

namespace verbatim {

// Reads up to `max_bytes` from `in` (fewer at its end). A read error leaves
// `in` bad; the bytes read before it are returned.
std::string ReadHead(std::istream& in, size_t max_bytes);
// The same into `*out`, whose capacity is reused: no allocation once it has
// held `max_bytes`, and only the bytes a short read left are zeroed.
void ReadHeadInto(std::istream& in, size_t max_bytes, std::string* out);

// A read-only stream buffer giving `head`, then what is left of `rest`. A
// read error of `rest` makes reads from this buffer fail (the istream over it
// goes bad), after the bytes read before it. `rest` must outlive the buffer.
// Not copyable; not safe to use from several threads.
class PrefixedBuffer : public std::streambuf {
 public:
  PrefixedBuffer(std::string head, std::istream& rest);
  PrefixedBuffer(const PrefixedBuffer&) = delete;
  PrefixedBuffer& operator=(const PrefixedBuffer&) = delete;

 protected:
  int_type underflow() override;

 private:
  std::string chunk_;  // The head first, then each chunk read from rest_.
  std::istream* rest_;
  bool head_served_ = false;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_PREFIXED_BUFFER_H_
