#include "io/output/output_folder.h"

#include <filesystem>
#include <system_error>

namespace verbatim {

Result<void> CreateOutputFolder(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status link = fs::symlink_status(dir, error);
  if (fs::is_symlink(link) && !fs::exists(dir, error)) {
    std::error_code read_error;
    const fs::path target = fs::read_symlink(dir, read_error);
    return MakeError("cannot create output folder " + dir + ": it is a symbolic link to " +
                     (read_error ? std::string("a path") : target.string()) +
                     ", which does not exist (create that folder, or remove the link)");
  }
  fs::create_directories(dir, error);
  if (!error) return {};
  if (fs::exists(dir) && !fs::is_directory(dir)) {
    return MakeError("cannot create output folder " + dir + ": a file of that name is in the way");
  }
  return MakeError("cannot create output folder " + dir + ": " + error.message());
}

}  // namespace verbatim
