// Temporary files that a killed run must not leave behind.
//
// Design: every AtomicFile registers its temporary file here while it
// exists. InstallTemporaryFileCleanup sets handlers for SIGINT and SIGTERM
// that remove the registered files and then let the signal kill the
// process as it would have (default action, re-raised). The handler does
// only async-signal-safe work: atomic exchanges on a fixed table of paths
// and unlink(2). A run killed harder (SIGKILL, a crash) still leaves its
// files: RemoveStaleTemporaryFiles, called by the next run in that folder,
// removes those whose process is gone.
//
// Every temporary file the tool writes is created by CreateTemporaryFile:
// an unpredictable name (a random suffix from getrandom(2)) opened with
// O_CREAT|O_EXCL|O_NOFOLLOW, so a link planted in the folder (at any name)
// is never followed: creation fails on anything already at the name and
// tries another one.
#ifndef VERBATIM_IO_OUTPUT_TEMPORARY_FILES_H_
#define VERBATIM_IO_OUTPUT_TEMPORARY_FILES_H_

#include <sys/types.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace verbatim {

// A newly created, empty file, open for writing. The caller owns `fd`
// (opened O_CLOEXEC) and removes `path` when done with it.
struct TemporaryFile {
  int fd = -1;
  std::string path;
};

// Creates "<path>.tmp-<pid>-<16 hex digits>" (the digits from getrandom(2))
// with `mode` (less the umask). A name already taken (a file, a link, a
// dangling link) is never opened: another random name is tried, a few
// times. Errors name `path` and the reason (a missing folder, no
// permission, no randomness). Default mode: 0666, like any output.
Result<TemporaryFile> CreateTemporaryFile(const std::string& path, mode_t mode = 0666);

// The step CreateTemporaryFile repeats: creates exactly `name` with
// O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC and returns its descriptor; fails
// (EEXIST in the message) when anything, a link included, is at `name`.
// Public so that tests can plant a link at the very name.
Result<int> CreateExclusiveFile(const std::string& name, mode_t mode = 0666);

// Registers `path` for removal on SIGINT/SIGTERM. Returns a handle for
// UnregisterTemporaryFile, or -1 when the table is full (the file is then
// only removed by the next run). Thread-safe.
int RegisterTemporaryFile(const std::string& path);
// The file was renamed or removed. Thread-safe.
void UnregisterTemporaryFile(int handle);

// Installs the SIGINT and SIGTERM handlers (once per process; later calls
// do nothing).
void InstallTemporaryFileCleanup();

// Removes, in `dir`, the files "<name>.tmp-<pid>-<hex digits>" (and
// OutputSet's "….old" links) for each of `names`
// whose process <pid> no longer runs (left by a killed run). Returns the
// paths removed. A file of a running process (another run writing there
// now) is left alone.
std::vector<std::string> RemoveStaleTemporaryFiles(const std::string& dir,
                                                   std::span<const std::string> names);

}  // namespace verbatim

#endif  // VERBATIM_IO_OUTPUT_TEMPORARY_FILES_H_
