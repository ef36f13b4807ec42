// SHA-256 digests of files and strings (OpenSSL's libcrypto), as lower-case hex.
#ifndef VERBATIM_IO_SHA256_H_
#define VERBATIM_IO_SHA256_H_

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace verbatim {

std::string Sha256Hex(std::string_view data);

// A digest computed piece by piece, as the bytes come. Movable, not
// copyable.
class Sha256Digest {
 public:
  Sha256Digest();
  ~Sha256Digest();
  Sha256Digest(Sha256Digest&&) noexcept;
  Sha256Digest& operator=(Sha256Digest&&) noexcept;

  void Update(std::string_view data);
  // The digest of every byte given so far; Update must not be called after.
  std::string Hex();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

// Reads the file in chunks. Errors name the file and the reason.
Result<std::string> Sha256File(const std::string& path);

}  // namespace verbatim

#endif  // VERBATIM_IO_SHA256_H_
