#include "io/output/numbered_backup.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "io/output/temporary_files.h"

namespace verbatim {
namespace {

// Far more backups than anyone keeps: past it, something is wrong.
constexpr unsigned kMaxBackups = kMaxNumberedBackups;

bool WriteAll(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

std::string NumberedBackupPath(const std::string& path, unsigned n) {
  return n == 0 ? path + ".bak" : path + ".bak." + std::to_string(n);
}

Result<std::string> KeepNumberedBackup(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("cannot read " + path + ": " + std::strerror(errno));
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return MakeError("cannot read " + path + ": read failed");

  auto temporary = CreateTemporaryFile(path + ".bak");
  if (!temporary) return tl::unexpected(temporary.error());
  const int registration = RegisterTemporaryFile(temporary->path);
  const bool written = WriteAll(temporary->fd, bytes);
  const bool closed = ::close(temporary->fd) == 0;
  Result<std::string> outcome;
  if (!written || !closed) {
    outcome = MakeError("cannot write a backup of " + path + ": write failed (disk full?)");
  } else {
    outcome = MakeError("cannot keep a backup of " + path + ": " + std::to_string(kMaxBackups) +
                        " backups are already there");
    for (unsigned n = 0; n < kMaxBackups; ++n) {
      const std::string name = NumberedBackupPath(path, n);
      if (::link(temporary->path.c_str(), name.c_str()) == 0) {
        outcome = name;
        break;
      }
      if (errno == EEXIST) continue;
      outcome = MakeError("cannot write " + name + ": " + std::strerror(errno));
      break;
    }
  }
  std::remove(temporary->path.c_str());
  UnregisterTemporaryFile(registration);
  return outcome;
}

}  // namespace verbatim
