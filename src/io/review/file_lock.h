// An advisory, exclusive lock that serializes read-modify-write cycles on a
// file between processes (two reviewers applying decisions at once would
// otherwise lose one's work: both read version N, the second rename wins).
//
// Design: flock(2) on "<path>.lock", a file created beside the locked one
// and left there (removing it would race with a process about to lock it).
// The lock is released when the object is destroyed or the process ends, so
// a crash never leaves it held. Movable, not copyable.
#ifndef VERBATIM_IO_FILE_LOCK_H_
#define VERBATIM_IO_FILE_LOCK_H_

#include <string>

#include "core/status.h"

namespace verbatim {

class FileLock {
 public:
  // Blocks until the lock on "<path>.lock" is held. Errors: the lock file
  // cannot be created or locked (the message names it and the reason).
  static Result<FileLock> Acquire(const std::string& path);

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
