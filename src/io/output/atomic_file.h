// Writes a file so that readers see either the old content or the complete
// new content, never a half-written file.
//
// Design (after ccache's AtomicFile): the content goes to a temporary file in
// the same directory ("<name>.tmp-<pid>-<n>"); Commit() flushes, closes and
// renames it over the destination. The destructor never commits: an object
// destroyed without Commit() (an error, an exception) removes its temporary
// file and leaves the destination untouched.
#ifndef VERBATIM_IO_ATOMIC_FILE_H_
#define VERBATIM_IO_ATOMIC_FILE_H_

#include <fstream>
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

 private:
  AtomicFile(std::string path, std::string temporary_path);
  std::string path_;
  std::string temporary_path_;
  std::ofstream stream_;
  bool committed_ = false;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_ATOMIC_FILE_H_
