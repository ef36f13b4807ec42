// Backups that never replace an older backup.
//
// Design: `code --force` keeps a review file that holds decisions never
// applied; a second --force must not destroy the first one's backup, which
// may hold other unapplied decisions. So each backup takes the first free
// name of "<file>.bak", "<file>.bak.1", "<file>.bak.2", … The copy is
// written to a temporary file (io/output/temporary_files.h) and then given
// its name with link(2), which fails rather than replace anything: two runs
// at once cannot pick the same name.
#ifndef VERBATIM_IO_OUTPUT_NUMBERED_BACKUP_H_
#define VERBATIM_IO_OUTPUT_NUMBERED_BACKUP_H_

#include <string>

#include "core/status.h"

namespace verbatim {

// Names tried, n from 0 to kMaxNumberedBackups - 1; when all are taken,
// KeepNumberedBackup fails rather than replace one.
inline constexpr unsigned kMaxNumberedBackups = 10000;

// "<path>.bak" for n == 0, "<path>.bak.<n>" after.
std::string NumberedBackupPath(const std::string& path, unsigned n);

// Copies `path` to the first free NumberedBackupPath and returns that name.
// Errors name the file that could not be read or written and the reason;
// after an error no backup name was taken and no temporary file is left.
Result<std::string> KeepNumberedBackup(const std::string& path);

}  // namespace verbatim

#endif  // VERBATIM_IO_OUTPUT_NUMBERED_BACKUP_H_
