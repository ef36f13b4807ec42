// Reading one member of a zip archive into memory, for the formats that are
// zip packages: an .xlsx workbook's parts, a .qdpx project's project.qde.
//
// Design: a member is inflated chunk by chunk so that one over its limit is
// refused while it is read, not after it has filled memory (a small zip can
// inflate to gigabytes); a caller that must look at the bytes as they come
// (the xlsx reader counts XML elements) passes a check run on each chunk.
// Names are looked up exactly first, then ignoring case, because writers
// differ in case ("Project.qde"). libzip stays behind this header.
#ifndef VERBATIM_IO_INPUT_ZIP_MEMBER_H_
#define VERBATIM_IO_INPUT_ZIP_MEMBER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

struct zip;  // libzip's zip_t.

namespace verbatim {

struct ZipArchiveCloser {
  void operator()(zip* archive) const;
};
// An archive open read-only; closing it writes nothing. Movable, not
// copyable; not safe to use from several threads.
using ZipArchive = std::unique_ptr<zip, ZipArchiveCloser>;

// Opens the archive at `path` read-only. Error: libzip's reason alone as the
// message ("Not a zip archive"), located at `path`: the caller says which
// format it expected.
Result<ZipArchive> OpenZipArchive(const std::string& path);

struct ZipMemberLimit {
  // A member whose size, stated or inflated, is above this is refused.
  // REQUIRES: > 0.
  uint64_t max_bytes = 0;
  // The message after "<member>: " for such a member ("larger than 512 MiB").
  std::string too_large;
  // Called with each inflated chunk in order, after the size check; a
  // non-empty return stops the read and is the error's message as it is.
  // Default: none.
  std::function<std::string(std::string_view chunk)> check;
};

// The bytes of `member` of `archive`, or nullopt when the archive holds no
// member of that name (exactly, else ignoring case). Errors are located at
// `archive_path` (the file; no line) and their messages start with
// "<member>: ": libzip's reason when the member cannot be stat'ed, opened
// or inflated (a corrupt archive), then `limit.too_large`; a check's
// message is kept as it is.
// REQUIRES: `archive` open (OpenZipArchive).
Result<std::optional<std::string>> ReadZipMember(zip* archive, const std::string& archive_path,
                                                 const std::string& member,
                                                 const ZipMemberLimit& limit);

}  // namespace verbatim

#endif  // VERBATIM_IO_INPUT_ZIP_MEMBER_H_
