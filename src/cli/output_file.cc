#include "cli/output_file.h"

#include <filesystem>
#include <system_error>

#include "io/output/output_folder.h"

namespace verbatim {

std::unique_ptr<AtomicFile> OpenOutputFile(const std::string& path, std::string_view command,
                                           std::ostream& err) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    if (auto created = CreateOutputFolder(parent.string()); !created) {
      err << "verbatim " << command << ": " << FormatError(created.error()) << '\n';
      return nullptr;
    }
  }
  auto opened = AtomicFile::Open(path);
  if (!opened) {
    err << "verbatim " << command << ": " << FormatError(opened.error()) << '\n';
    return nullptr;
  }
  return std::move(*opened);
}

}  // namespace verbatim
