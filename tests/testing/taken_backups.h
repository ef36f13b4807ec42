// Makes a backup impossible without root's permission tricks (tests run as
// root, where a read-only folder is still writable): every name
// KeepNumberedBackup may use is taken, so it fails, as a full disk would.
#ifndef VERBATIM_TESTS_TESTING_TAKEN_BACKUPS_H_
#define VERBATIM_TESTS_TESTING_TAKEN_BACKUPS_H_

#include <filesystem>
#include <fstream>
#include <string>

#include "io/output/numbered_backup.h"

namespace verbatim::testing {

// Takes NumberedBackupPath(path, 0 … kMaxNumberedBackups - 1) with hard
// links to one empty file, "<path>.taken".
inline void TakeEveryBackupName(const std::string& path) {
  const std::string taken = path + ".taken";
  std::ofstream{taken};
  for (unsigned n = 0; n < kMaxNumberedBackups; ++n) {
    std::filesystem::create_hard_link(taken, NumberedBackupPath(path, n));
  }
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_TAKEN_BACKUPS_H_
