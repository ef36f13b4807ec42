// The folder outputs go to, created when absent.
//
// Design: std::filesystem::create_directories on a dangling symbolic link
// fails with "File exists", which tells the user nothing; the cases a user
// can fix get their own message. A link to a folder is a folder (used as
// it is).
#ifndef VERBATIM_IO_OUTPUT_OUTPUT_FOLDER_H_
#define VERBATIM_IO_OUTPUT_OUTPUT_FOLDER_H_

#include <string>

#include "core/status.h"

namespace verbatim {

// Creates `dir` and its missing parents. Errors, naming `dir`: a symbolic
// link to nothing ("is a symbolic link to T, which does not exist"), a
// file that is not a folder, or the system's reason.
Result<void> CreateOutputFolder(const std::string& dir);

}  // namespace verbatim

#endif  // VERBATIM_IO_OUTPUT_OUTPUT_FOLDER_H_
