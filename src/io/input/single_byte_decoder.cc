#include "io/input/single_byte_decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <ios>
#include <memory>

namespace verbatim {
namespace {

constexpr size_t kChunkBytes = 64 * 1024;

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

}  // namespace

Result<SingleByteTable> SingleByteTable::Make(const std::string& icu_name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(icu_name.c_str(), &status));
  if (U_FAILURE(status)) {
    return MakeError("unknown encoding " + icu_name + " (" + u_errorName(status) + ")");
  }
  if (ucnv_getMaxCharSize(converter.get()) != 1) {
    return MakeError(icu_name + " is not a single-byte encoding");
  }
  // Stop rather than substitute: an undefined byte is kept as it is.
  status = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                      &status);
  if (U_FAILURE(status)) return MakeError(std::string("ICU: ") + u_errorName(status));
  SingleByteTable table;
  for (int value = 0; value < 256; ++value) {
    const char byte = static_cast<char>(value);
    UChar utf16[4];
    status = U_ZERO_ERROR;
    ucnv_reset(converter.get());
    const int32_t units = ucnv_toUChars(converter.get(), utf16, 4, &byte, 1, &status);
    char utf8[16];
    int32_t length = 0;
    if (U_SUCCESS(status) && units > 0) {
      u_strToUTF8(utf8, sizeof utf8, &length, utf16, units, &status);
    }
    if (U_FAILURE(status) || units <= 0) {
      table.utf8_[value] = std::string(1, byte);
    } else {
      table.utf8_[value] = std::string(utf8, static_cast<size_t>(length));
    }
  }
  return table;
}

SingleByteDecodingBuffer::SingleByteDecodingBuffer(std::istream& source, SingleByteTable table)
    : source_(&source), table_(std::move(table)) {
  setg(nullptr, nullptr, nullptr);
}

SingleByteDecodingBuffer::int_type SingleByteDecodingBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  raw_.resize(kChunkBytes);
  source_->read(raw_.data(), static_cast<std::streamsize>(kChunkBytes));
  raw_.resize(static_cast<size_t>(source_->gcount()));
  decoded_.clear();
  for (const char byte : raw_) decoded_ += table_.Utf8(static_cast<unsigned char>(byte));
  if (decoded_.empty()) {
    // Caught by the istream reading this buffer, which sets its badbit: how
    // a stream buffer reports a read error (as utf16_decoder.cc does).
    if (source_->bad()) throw std::ios_base::failure("read error");
    return traits_type::eof();
  }
  setg(decoded_.data(), decoded_.data(), decoded_.data() + decoded_.size());
  return traits_type::to_int_type(*gptr());
}

}  // namespace verbatim
