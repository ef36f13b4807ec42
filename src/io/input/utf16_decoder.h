// Reading UTF-16 answer files as UTF-8.
//
// Design: spreadsheets on Windows ("Unicode text") and some survey tools
// export UTF-16 with a byte order mark. Rather than refuse them, the readers
// see them through a stream buffer that decodes UTF-16 to UTF-8 on the fly,
// chunk by chunk (ICU's UTF-16 and UTF-8 macros), so every reader works
// unchanged and memory does not grow with the file. Lines and columns are
// the same in both encodings; byte offsets in messages are those of the
// UTF-8 text. Nothing is lost or replaced silently: an unpaired surrogate is
// written as its three-byte form (which is not valid UTF-8) and a final odd
// byte as 0xFF, so the row that holds either is flagged "invalid UTF-8" like
// any other.
#ifndef VERBATIM_IO_UTF16_DECODER_H_
#define VERBATIM_IO_UTF16_DECODER_H_

#include <istream>
#include <streambuf>
#include <string>

namespace verbatim {

enum class Utf16Order { kLittleEndian, kBigEndian };

// If `in` starts with a UTF-16 byte order mark (FF FE or FE FF), consumes it
// and returns true with *order set. Otherwise consumes nothing (at most one
// byte is read and put back) and returns false.
bool ConsumeUtf16ByteOrderMark(std::istream& in, Utf16Order* order);

// A read-only stream buffer giving the UTF-8 form of the UTF-16 read from
// `source` (after its byte order mark). A read error of `source` makes
// reads from this buffer fail (the istream over it goes bad), so readers
// report the input as cut short. `source` must outlive the buffer. Not
// copyable; not safe to use from several threads.
class Utf16DecodingBuffer : public std::streambuf {
 public:
  Utf16DecodingBuffer(std::istream& source, Utf16Order order);
  Utf16DecodingBuffer(const Utf16DecodingBuffer&) = delete;
  Utf16DecodingBuffer& operator=(const Utf16DecodingBuffer&) = delete;

 protected:
  int_type underflow() override;

 private:
  std::istream* source_;
  Utf16Order order_;
  std::string raw_;      // UTF-16 bytes read and not yet decoded (at most 3).
  std::string decoded_;  // The UTF-8 being served.
  bool source_done_ = false;
  bool source_failed_ = false;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_UTF16_DECODER_H_
