#include "io/output/temporary_files.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace verbatim {
namespace {

// A run has a handful of outputs at a time; a full table only means a
// killed run leaves a file for the next run to remove.
constexpr int kSlots = 64;
std::atomic<char*> slots[kSlots];

void RemoveRegisteredFiles(int signal_number) {
  for (std::atomic<char*>& slot : slots) {
    // The handler takes the path: a destructor racing with it then finds
    // the slot empty and leaves the string to the dying process.
    if (char* path = slot.exchange(nullptr)) unlink(path);
  }
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signal_number, &action, nullptr);
  raise(signal_number);
}

bool IsDigits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

bool IsHexDigits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// O_EXCL fails on anything at the name, a dangling link included;
// O_NOFOLLOW says the same for the reader. -1 with errno on failure.
int OpenExclusive(const std::string& name, mode_t mode) {
  int fd;
  do {
    fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

// 16 lower-case hex digits from the kernel's generator: 64 bits an attacker
// cannot guess, so no link can be planted at the name in advance.
Result<std::string> RandomSuffix() {
  unsigned char bytes[8];
  size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return MakeError(std::string("no random numbers for a temporary name: ") +
                       std::strerror(errno));
    }
    got += static_cast<size_t>(n);
  }
  static const char kHex[] = "0123456789abcdef";
  std::string suffix;
  for (unsigned char byte : bytes) {
    suffix += kHex[byte >> 4];
    suffix += kHex[byte & 15];
  }
  return suffix;
}

}  // namespace

Result<int> CreateExclusiveFile(const std::string& name, mode_t mode) {
  const int fd = OpenExclusive(name, mode);
  if (fd < 0) return MakeError("cannot create " + name + ": " + std::strerror(errno));
  return fd;
}

Result<TemporaryFile> CreateTemporaryFile(const std::string& path, mode_t mode) {
  // Ten taken names in a row at 64 random bits means someone is filling the
  // folder on purpose, or the error is not about the name.
  constexpr int kAttempts = 10;
  std::string last_reason;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    auto suffix = RandomSuffix();
    if (!suffix) return MakeError("cannot write " + path + ": " + suffix.error().message);
    std::string name = path + ".tmp-" + std::to_string(getpid()) + "-" + *suffix;
    const int fd = OpenExclusive(name, mode);
    if (fd >= 0) return TemporaryFile{fd, std::move(name)};
    last_reason = std::strerror(errno);
    if (errno != EEXIST) break;
  }
  return MakeError("cannot write " + path + ": " + last_reason);
}

int RegisterTemporaryFile(const std::string& path) {
  char* copy = new char[path.size() + 1];
  std::memcpy(copy, path.c_str(), path.size() + 1);
  for (int i = 0; i < kSlots; ++i) {
    char* expected = nullptr;
    if (slots[i].compare_exchange_strong(expected, copy)) return i;
  }
  delete[] copy;
  return -1;
}

void UnregisterTemporaryFile(int handle) {
  if (handle < 0 || handle >= kSlots) return;
  delete[] slots[handle].exchange(nullptr);
}

void InstallTemporaryFileCleanup() {
  static std::once_flag installed;
  std::call_once(installed, [] {
    for (int signal_number : {SIGINT, SIGTERM}) {
      struct sigaction previous;
      if (sigaction(signal_number, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) {
        continue;  // Ignored by whoever started us (nohup, a shell's background job): keep it so.
      }
      struct sigaction action;
      std::memset(&action, 0, sizeof action);
      action.sa_handler = RemoveRegisteredFiles;
      sigemptyset(&action.sa_mask);
      sigaction(signal_number, &action, nullptr);
    }
  });
}

std::vector<std::string> RemoveStaleTemporaryFiles(const std::string& dir,
                                                   std::span<const std::string> names) {
  std::vector<std::string> removed;
  std::error_code error;
  std::filesystem::directory_iterator entries(dir, error);
  if (error) return removed;
  for (const auto& entry : entries) {
    const std::string file = entry.path().filename().string();
    for (const std::string& name : names) {
      const std::string prefix = name + ".tmp-";
      if (file.compare(0, prefix.size(), prefix) != 0) continue;
      std::string_view rest = std::string_view(file).substr(prefix.size());
      // OutputSet's hard link to a destination it was replacing.
      if (rest.size() > 4 && rest.substr(rest.size() - 4) == ".old") rest.remove_suffix(4);
      const size_t dash = rest.find('-');
      if (dash == std::string_view::npos || !IsDigits(rest.substr(0, dash)) ||
          !IsHexDigits(rest.substr(dash + 1)) || dash > 9) {
        continue;
      }
      const pid_t pid = static_cast<pid_t>(std::stol(std::string(rest.substr(0, dash))));
      if (pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH) continue;  // Still running.
      std::error_code remove_error;
      if (std::filesystem::remove(entry.path(), remove_error)) removed.push_back(entry.path().string());
    }
  }
  return removed;
}

}  // namespace verbatim
