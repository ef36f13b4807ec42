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
#ifndef VERBATIM_IO_OUTPUT_TEMPORARY_FILES_H_
#define VERBATIM_IO_OUTPUT_TEMPORARY_FILES_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace verbatim {

// "<path>.tmp-<pid>-<n>": the temporary name AtomicFile uses for `path`.
std::string TemporaryPathFor(const std::string& path, unsigned n);

// Registers `path` for removal on SIGINT/SIGTERM. Returns a handle for
// UnregisterTemporaryFile, or -1 when the table is full (the file is then
// only removed by the next run). Thread-safe.
int RegisterTemporaryFile(const std::string& path);
// The file was renamed or removed. Thread-safe.
void UnregisterTemporaryFile(int handle);

// Installs the SIGINT and SIGTERM handlers (once per process; later calls
// do nothing).
void InstallTemporaryFileCleanup();

// Removes, in `dir`, the files "<name>.tmp-<pid>-<n>" for each of `names`
// whose process <pid> no longer runs (left by a killed run). Returns the
// paths removed. A file of a running process (another run writing there
// now) is left alone.
std::vector<std::string> RemoveStaleTemporaryFiles(const std::string& dir,
                                                   std::span<const std::string> names);

}  // namespace verbatim

#endif  // VERBATIM_IO_OUTPUT_TEMPORARY_FILES_H_
