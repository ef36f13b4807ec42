// Writes a file so that readers see either the old content or the complete
// new content, never a half-written file.
//
// Design (after ccache's AtomicFile): the content goes to a temporary file in
// the same directory ("<name>.tmp-<pid>-<random>", created by
// CreateTemporaryFile: never through a link); Commit() flushes, closes and
// renames it over the destination. rename(2) replaces the name, not what it
// points to: a destination that is a symbolic link becomes a regular file
// and the link's target is left untouched (writing through a link an
// attacker planted in an output folder is the hole this closes). The destructor never commits: an object
// destroyed without Commit() (an error, an exception) removes its temporary
// file and leaves the destination untouched. While it exists, the
// temporary file is registered for removal on SIGINT and SIGTERM
// (io/output/temporary_files.h). Several files that must change together
// go through an OutputSet (io/output/output_set.h), which Closes them all
// before it Renames any.
#ifndef VERBATIM_IO_ATOMIC_FILE_H_
#define VERBATIM_IO_ATOMIC_FILE_H_

#include <ostream>
#include <memory>
#include <string>

#include "core/status.h"

namespace verbatim {

class AtomicFile {
 public:
  // Opens the temporary file. Errors name the destination and the reason;
  // a destination that is a directory is refused here, not at Commit().
  static Result<std::unique_ptr<AtomicFile>> Open(const std::string& path);

  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return stream_; }
  const std::string& path() const { return path_; }

  // Flushes, closes and renames the temporary file to path(). After a
  // failure the temporary file is removed and the destination is unchanged.
  Result<void> Commit();

  // Commit in two steps. Close: flushes and closes the temporary file,
  // reporting a write error (the temporary file is then removed). Rename:
  // renames it to path(). REQUIRES: Rename only after a successful Close.
  Result<void> Close();
  Result<void> Rename();
  const std::string& temporary_path() const { return temporary_path_; }

 private:
  class Buffer;  // A std::streambuf over the temporary file's descriptor.
  AtomicFile(std::string path, std::string temporary_path, int fd);
  std::string path_;
  std::string temporary_path_;
  std::unique_ptr<Buffer> buffer_;
  std::ostream stream_;
  bool committed_ = false;
  int registration_ = -1;  // io/output/temporary_files.h
};

}  // namespace verbatim

#endif  // VERBATIM_IO_ATOMIC_FILE_H_
