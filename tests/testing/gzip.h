// gzip-compressing test data in memory (zlib's deflate with the gzip
// wrapper), for the tests of .gz inputs.
#ifndef VERBATIM_TESTS_TESTING_GZIP_H_
#define VERBATIM_TESTS_TESTING_GZIP_H_

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace verbatim::testing {

// `text` as one gzip member.
inline std::string Gzip(const std::string& text) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_GZIP_H_
