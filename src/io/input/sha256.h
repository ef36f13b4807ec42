// SHA-256 digests of files and strings (OpenSSL's libcrypto), as lower-case hex.
#ifndef VERBATIM_IO_SHA256_H_
#define VERBATIM_IO_SHA256_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace verbatim {

std::string Sha256Hex(std::string_view data);

// Reads the file in chunks. Errors name the file and the reason.
Result<std::string> Sha256File(const std::string& path);

}  // namespace verbatim

#endif  // VERBATIM_IO_SHA256_H_
