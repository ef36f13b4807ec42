// A child process holding a decisions file's lock, for tests of what a
// second process does meanwhile (io/review/file_lock.h). Including it links
// io.
#ifndef VERBATIM_TESTS_TESTING_LOCK_HOLDER_H_
#define VERBATIM_TESTS_TESTING_LOCK_HOLDER_H_

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>

#include "io/review/file_lock.h"

namespace verbatim::testing {

// Forks a child that takes the lock on `path` through FileLock (so it
// records itself as the holder) and keeps it until killed; returns once the
// lock is held. Returns the child's pid, or -1 when it could not take the
// lock (the child is then gone). The caller kills and waits for the child.
inline pid_t HoldLockInChild(const std::string& path) {
  int ready[2];
  if (pipe(ready) != 0) return -1;
  const pid_t child = fork();
  if (child == 0) {
    close(ready[0]);
    auto lock = FileLock::Acquire(path);
    const char byte = lock.has_value() ? 1 : 0;
    if (write(ready[1], &byte, 1) != 1) _exit(1);
    for (;;) pause();
  }
  close(ready[1]);
  char byte = 0;
  const bool held = read(ready[0], &byte, 1) == 1 && byte == 1;
  close(ready[0]);
  if (!held) {
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    return -1;
  }
  return child;
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_LOCK_HOLDER_H_
