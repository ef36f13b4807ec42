// The files of one run, replaced together or not at all.
//
// Design: each output is written to a temporary file (AtomicFile). Commit
// first closes every one of them, so that a write error anywhere (a full
// disk, a folder in the way) is found while no destination has changed;
// only then are they renamed over their destinations, one by one. Should a
// rename fail after others succeeded (the folder removed under the run, an
// I/O error), the destinations already replaced are put back from hard
// links made to them just before the renames, and those that did not exist
// are removed: readers see the old set of files or the new one, never a
// mix (except on a file system without hard links, where a rename failing
// midway is reported and leaves the files already renamed). Destroying an
// OutputSet without Commit removes every temporary file.
#ifndef VERBATIM_IO_OUTPUT_OUTPUT_SET_H_
#define VERBATIM_IO_OUTPUT_OUTPUT_SET_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"
#include "io/output/atomic_file.h"

namespace verbatim {

class OutputSet {
 public:
  OutputSet() = default;
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  // Opens the temporary file for `path` and returns its stream, valid
  // until Commit or destruction. Errors name the path and the reason.
  Result<std::ostream*> Open(const std::string& path);

  // Replaces every destination (see above). After an error no destination
  // is replaced and no temporary file is left.
  Result<void> Commit();

  // The destinations, in the order opened.
  std::vector<std::string> paths() const;

 private:
  std::vector<std::unique_ptr<AtomicFile>> files_;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_OUTPUT_OUTPUT_SET_H_
