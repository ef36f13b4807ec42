// How a later command reads the answers a `verbatim code` run read: the
// command line's input flags, and for each one not given, the run's own
// setting from its run.json (`review apply`, `sample --run`).
//
// Design: a run records how it read its input (run.json's input path and
// settings: format, column, id_column, delimiter, encoding) so that a
// command working on the same answers need not be told again, and cannot
// silently read them otherwise (another id column gives other ids, and
// nothing matches the run's).
#ifndef VERBATIM_CLI_RUN_INPUT_H_
#define VERBATIM_CLI_RUN_INPUT_H_

#include "cli/input_flags.h"
#include "io/output/run_manifest.h"

namespace verbatim {

// `given` with every flag it leaves unset taken from `manifest`. A flag is
// unset when empty, and for format and encoding also when "auto" (their
// defaults); the run's "auto", "(row number)" and empty values set nothing.
// Format and encoding left unset by both are "auto".
// Pass the result to MakeInputOptions, whose errors (an unknown format...)
// then name the flag.
InputFlags InputFlagsOfRun(InputFlags given, const RunManifest& manifest);

}  // namespace verbatim

#endif  // VERBATIM_CLI_RUN_INPUT_H_
