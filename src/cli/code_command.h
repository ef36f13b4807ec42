// The `verbatim code` command line that repeats a recorded run (run.json)
// with decisions applied: the "Apply them: …" hint of `review apply`.
//
// Design: the hint is built from what the run recorded, never from defaults,
// so that running it as printed reads the same answers the same way (input,
// codebook, format, encoding, delimiter, text and id columns) and writes the
// same files (review format, CSV dialect) as the run did. A setting that
// run.json records is either mapped to its flag here or listed as one that
// does not change what a rerun reads or writes (the codebook's own settings,
// the thread count); review_apply_test reruns a hint and compares the two
// run.json files, so a new recorded flag that is not mapped fails there.
#ifndef VERBATIM_CLI_CODE_COMMAND_H_
#define VERBATIM_CLI_CODE_COMMAND_H_

#include <string>

#include "io/output/run_manifest.h"

namespace verbatim {

// "verbatim code INPUT --codebook CB [--format F] [--encoding E]
// [--delimiter D] [--column C] [--id-column C] [--review-format xlsx]
// [--excel-fr] --out OUT_DIR --decisions DECISIONS", every word quoted for
// a POSIX shell (cli/shell_word.h). Flags whose recorded value is the
// default ("auto", "(row number)", absent) are left out. REQUIRES: the
// manifest names its input and codebook.
std::string CodeCommandLine(const RunManifest& manifest, const std::string& out_dir,
                            const std::string& decisions);

}  // namespace verbatim

#endif  // VERBATIM_CLI_CODE_COMMAND_H_
