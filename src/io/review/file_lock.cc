#include "io/review/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <thread>
#include <utility>

namespace verbatim {
namespace {

// "pid <pid>: <argv joined by spaces>", from /proc (the pid alone where
// /proc is not mounted).
std::string SelfDescription() {
  std::string text = "pid " + std::to_string(getpid());
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string cmdline{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  while (!cmdline.empty() && cmdline.back() == '\0') cmdline.pop_back();
  for (char& c : cmdline) {
    if (c == '\0' || c == '\n') c = ' ';
  }
  if (!cmdline.empty()) text += ": " + cmdline;
  return text;
}

std::string FormatSeconds(double seconds) {
  std::string text = std::to_string(seconds);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::string FileLock::Holder(const std::string& path) {
  const int fd = ::open((path + ".lock").c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return {};
  char buffer[4096];
  const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
  ::close(fd);
  if (n <= 0) return {};
  std::string text(buffer, static_cast<size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
  return text;
}

Result<FileLock> FileLock::Acquire(const std::string& path, const LockWait& wait) {
  const std::string lock_path = path + ".lock";
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    const std::string reason = errno == ELOOP ? "it is a symbolic link" : std::strerror(errno);
    return MakeError("cannot create lock file " + lock_path + ": " + reason);
  }
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  bool noticed = false;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      return MakeError("cannot lock " + lock_path + ": " + reason);
    }
    const double waited = std::chrono::duration<double>(Clock::now() - start).count();
    if (waited >= wait.timeout_seconds) {
      std::string holder = Holder(path);
      ::close(fd);
      return MakeError("gave up after " + FormatSeconds(wait.timeout_seconds) +
                       " s waiting for the lock " + lock_path + ", held by " +
                       (holder.empty() ? std::string("an unknown process") : holder) +
                       " (wait longer with --lock-timeout SECONDS)");
    }
    if (!noticed && waited >= wait.notice_after_seconds) {
      noticed = true;
      std::string holder = Holder(path);
      if (wait.on_wait) wait.on_wait(holder.empty() ? "an unknown process" : holder);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // Ours now: say who holds it, for the next process that waits.
  const std::string self = SelfDescription() + "\n";
  if (::ftruncate(fd, 0) == 0) {
    [[maybe_unused]] const ssize_t written = ::pwrite(fd, self.data(), self.size(), 0);
  }
  return FileLock(fd);
}

FileLock::FileLock(FileLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // Closing the descriptor releases the flock.
}

}  // namespace verbatim
