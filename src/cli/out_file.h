// The file a command writes besides what it prints (diff's and suggest's
// --out): its folder created, written through an AtomicFile, so that a
// failed run leaves the previous file as it was.
#ifndef VERBATIM_CLI_OUT_FILE_H_
#define VERBATIM_CLI_OUT_FILE_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "io/output/atomic_file.h"

namespace verbatim {

// Creates the folder of `path` when missing, then opens `path` as an
// AtomicFile (io/output/atomic_file.h), which the caller writes and commits.
// On failure prints "verbatim <command>: cannot create folder <folder>:
// <reason>" or "verbatim <command>: <AtomicFile's error>" on `err` and
// returns null.
std::unique_ptr<AtomicFile> OpenOutFile(const std::string& path, std::string_view command,
                                        std::ostream& err);

}  // namespace verbatim

#endif  // VERBATIM_CLI_OUT_FILE_H_
