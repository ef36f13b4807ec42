// Reading answer files saved in a single-byte encoding (Windows-1252,
// ISO-8859-15, ISO-8859-1) as UTF-8.
//
// Design: French Excel saves "CSV (séparateur: point-virgule)" in
// Windows-1252. Every legacy encoding offered maps one byte to one
// character, so ICU's converter (ucnv) is asked once per byte value when the
// table is made, and decoding is then a table lookup per byte, chunk by
// chunk, with nothing to carry between chunks. A byte the encoding leaves
// undefined (0x81 in Windows-1252) is passed through unchanged: alone it is
// not valid UTF-8, so the row that holds it is flagged like any other.
#ifndef VERBATIM_IO_SINGLE_BYTE_DECODER_H_
#define VERBATIM_IO_SINGLE_BYTE_DECODER_H_

#include <array>
#include <istream>
#include <streambuf>
#include <string>

#include "core/status.h"

namespace verbatim {

// The UTF-8 form of each of the 256 byte values in one encoding. Copyable.
class SingleByteTable {
 public:
  // `icu_name` is an ICU converter name ("windows-1252", "ISO-8859-15").
  // Errors: ICU does not know the name, or it is not a single-byte encoding.
  static Result<SingleByteTable> Make(const std::string& icu_name);

  const std::string& Utf8(unsigned char byte) const { return utf8_[byte]; }

 private:
  std::array<std::string, 256> utf8_;
};

// A read-only stream buffer giving the UTF-8 form of the bytes read from
// `source`. A read error of `source` makes reads from this buffer fail (the
// istream over it goes bad), after the bytes read before it. `source` must
// outlive the buffer. Not copyable; not safe to use from several threads.
class SingleByteDecodingBuffer : public std::streambuf {
 public:
  SingleByteDecodingBuffer(std::istream& source, SingleByteTable table);
  SingleByteDecodingBuffer(const SingleByteDecodingBuffer&) = delete;
  SingleByteDecodingBuffer& operator=(const SingleByteDecodingBuffer&) = delete;

 protected:
  int_type underflow() override;

 private:
  std::istream* source_;
  SingleByteTable table_;
  std::string raw_;
  std::string decoded_;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_SINGLE_BYTE_DECODER_H_
