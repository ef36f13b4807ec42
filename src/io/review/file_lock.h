// An advisory, exclusive lock that serializes read-modify-write cycles on a
// file between processes (two reviewers applying decisions at once would
// otherwise lose one's work: both read version N, the second rename wins).
//
// Design: flock(2) on "<path>.lock", a file created beside the locked one
// and left there (removing it would race with a process about to lock it).
// The lock is released when the object is destroyed or the process ends, so
// a crash never leaves it held. The holder writes "pid <pid>: <command
// line>" into the lock file, so that a process kept waiting can say who it
// waits for; waiting is bounded (LockWait::timeout_seconds). The lock file
// is opened with O_NOFOLLOW: a link planted at its name is refused, never
// written through. Movable, not copyable.
#ifndef VERBATIM_IO_FILE_LOCK_H_
#define VERBATIM_IO_FILE_LOCK_H_

#include <functional>
#include <string>

#include "core/status.h"

namespace verbatim {

struct LockWait {
  // Give up after this long. Default: 60 s (a review apply holds the lock
  // for the time it takes to read and rewrite the decisions file).
  double timeout_seconds = 60;
  // Called once, when the lock is still held by another process after
  // notice_after_seconds, with that process's "pid <pid>: <command line>"
  // (or "an unknown process" when the lock file says nothing). Default: 1 s.
  double notice_after_seconds = 1;
  std::function<void(const std::string& holder)> on_wait;
};

class FileLock {
 public:
  // Takes the lock on "<path>.lock", waiting as `wait` says. Errors: the
  // lock file cannot be created or locked, or is a link; the wait timed out
  // (the message names the lock file, the holder and --lock-timeout).
  static Result<FileLock> Acquire(const std::string& path, const LockWait& wait = {});

  // What the lock file of `path` says about its holder: "pid <pid>:
  // <command line>", or "" when it is absent or empty.
  static std::string Holder(const std::string& path);

  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_FILE_LOCK_H_
