// The `--out FILE` of the analyst commands (diff, suggest, terms, kwic): a file written
// atomically, its folder made first.
#ifndef VERBATIM_CLI_OUTPUT_FILE_H_
#define VERBATIM_CLI_OUTPUT_FILE_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "io/output/atomic_file.h"

namespace verbatim {

// Creates the folders of `path` and opens it through an AtomicFile (nothing
// is replaced before its Commit). On failure, prints "verbatim <command>:
// <reason>" to `err` and returns null.
std::unique_ptr<AtomicFile> OpenOutputFile(const std::string& path, std::string_view command,
                                           std::ostream& err);

}  // namespace verbatim

#endif  // VERBATIM_CLI_OUTPUT_FILE_H_
