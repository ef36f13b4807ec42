#include "io/input/zip_member.h"

#include <zip.h>

#include <memory>

namespace verbatim {

void ZipArchiveCloser::operator()(zip* archive) const { zip_discard(archive); }

Result<ZipArchive> OpenZipArchive(const std::string& path) {
  int open_error = 0;
  ZipArchive archive(zip_open(path.c_str(), ZIP_RDONLY, &open_error));
  if (!archive) {
    zip_error_t error;
    zip_error_init_with_code(&error, open_error);
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return MakeError(std::move(reason), SourceLocation{path});
  }
  return archive;
}

Result<std::optional<std::string>> ReadZipMember(zip* archive, const std::string& archive_path,
                                                 const std::string& member,
                                                 const ZipMemberLimit& limit) {
  const auto fail = [&](const std::string& message) {
    return MakeError(message, SourceLocation{archive_path});
  };
  zip_int64_t index = zip_name_locate(archive, member.c_str(), 0);
  if (index < 0) index = zip_name_locate(archive, member.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::optional<std::string>();
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    return fail(member + ": " + zip_strerror(archive));
  }
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limit.max_bytes) {
    return fail(member + ": " + limit.too_large);
  }
  // zip_fclose's result is ignored: once the bytes are in, closing is not
  // part of the read.
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(
      zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0), &zip_fclose);
  if (!file) return fail(member + ": " + zip_strerror(archive));
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t got = zip_fread(file.get(), buffer, sizeof buffer);
    if (got < 0) return fail(member + ": " + zip_file_strerror(file.get()));
    if (got == 0) break;
    bytes.append(buffer, static_cast<size_t>(got));
    if (bytes.size() > limit.max_bytes) return fail(member + ": " + limit.too_large);
    if (limit.check) {
      std::string refused = limit.check(std::string_view(buffer, static_cast<size_t>(got)));
      if (!refused.empty()) return fail(refused);
    }
  }
  return std::optional<std::string>(std::move(bytes));
}

}  // namespace verbatim
