#include "cli/out_file.h"

#include <filesystem>
#include <system_error>

namespace verbatim {

std::unique_ptr<AtomicFile> OpenOutFile(const std::string& path, std::string_view command,
                                        std::ostream& err) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code fs_error;
  if (!parent.empty()) std::filesystem::create_directories(parent, fs_error);
  if (fs_error) {
    err << "verbatim " << command << ": cannot create folder " << parent.string() << ": "
        << fs_error.message() << '\n';
    return nullptr;
  }
  auto opened = AtomicFile::Open(path);
  if (!opened) {
    err << "verbatim " << command << ": " << FormatError(opened.error()) << '\n';
    return nullptr;
  }
  return std::move(*opened);
}

}  // namespace verbatim
