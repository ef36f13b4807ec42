// decisions.csv: the persistent record of reviewers' decisions
// (core/decision_ledger.h), read by `code --decisions` and written only by
// `review apply`.
//
// Columns: id, text_sha256 (of the answer's text as decided), codes (the
// resulting code set, ';'-separated, empty for no code), decision (as
// written), comment, decided_at (UTC, ISO 8601), codebook, codebook_version,
// proposed (the machine's proposal the reviewer saw), text (the answer as
// decided). One row per answer id, in the order first decided.
//
// Design: the file is precious (days of a reviewer's work), so it is never
// written in place: SaveDecisionsFile first copies the current version to
// the first free name of "<path>.bak", "<path>.bak.1", … (never replacing
// an older backup, which may be another reviewer's only copy:
// io/output/numbered_backup.h), then writes the new one to a temporary name
// and renames it (io/output/atomic_file.h). A failure at any step leaves the
// current file as it was. Readers accept what a spreadsheet may have done to the file (BOM,
// ';' separator, CRLF), and nothing else: a cut row or invalid UTF-8 is an
// error, never data written back.
#ifndef VERBATIM_IO_DECISIONS_FILE_H_
#define VERBATIM_IO_DECISIONS_FILE_H_

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "core/decision_ledger.h"
#include "core/status.h"
#include "io/output/csv_dialect.h"

namespace verbatim {

struct LoadedDecisions {
  DecisionLedger ledger;                // Every valid row (empty when the file cannot be read).
  std::vector<Diagnostic> diagnostics;  // Every problem, file:line.
};

// Reads the file. Errors (all reported, file:line[:column]): the file
// cannot be opened, a missing column (id, text_sha256, codes, decision), a
// malformed CSV record, a row with fewer fields than the header (cut
// short), invalid UTF-8 in any field (the line and the column's name), an
// empty id, a hash that is not 64 hex digits, an id twice. A row with an
// error is left out of the ledger; callers refuse to use or rewrite a file
// with errors.
LoadedDecisions ReadDecisionsFile(const std::string& path);
// Same from a stream; `name` names it in diagnostics.
LoadedDecisions ReadDecisionsStream(std::istream& in, const std::string& name);

// Writes the header and one row per record, in `dialect`
// (io/output/csv_dialect.h: kExcelFr adds a UTF-8 BOM and separates fields
// with ';'; the file holds no decimal number). The readers above read
// both. Default: kStandard.
void WriteDecisions(std::ostream& out, const DecisionLedger& ledger,
                    CsvDialect dialect = CsvDialect::kStandard);

// The dialect an existing decisions file is written in: kExcelFr when it
// begins with a UTF-8 byte order mark and its header separates fields with
// ';' (as WriteDecisions writes it for French Excel); kStandard otherwise,
// and when it cannot be read.
CsvDialect DecisionsFileDialect(const std::string& path);

enum class KeepBackup { kNo, kYes };

// Writes `ledger` to `path` atomically, in `dialect`. With KeepBackup::kYes
// and an existing `path`, its current bytes are first kept under the first
// free NumberedBackupPath(path, n) (io/output/numbered_backup.h); if that
// fails, nothing else is done. Returns the backup's name, empty when none
// was made. Errors name the file and the reason; after an error `path`
// holds what it held before.
Result<std::string> SaveDecisionsFile(const std::string& path, const DecisionLedger& ledger,
                                      KeepBackup backup,
                                      CsvDialect dialect = CsvDialect::kStandard);

// The file `path` names once every symbolic link at its last component is
// followed (relative targets against the link's folder): the name to lock,
// read and atomically replace, so that "l.csv -> d.csv" updates d.csv and
// leaves the link a link. `path` itself when it is not a link; a dangling
// link gives its (absent) target. Errors: a link that cannot be read, a
// loop of links.
Result<std::string> ResolveDecisionsPath(const std::string& path);

}  // namespace verbatim

#endif  // VERBATIM_IO_DECISIONS_FILE_H_
