// The input of a recorded run (run.json), with what a command line
// overrides: how `review apply` and `review serve` find the run's answers.
#ifndef VERBATIM_CLI_RUN_INPUT_H_
#define VERBATIM_CLI_RUN_INPUT_H_

#include <string>

#include "core/status.h"
#include "io/input/input_reader.h"
#include "io/output/run_manifest.h"

namespace verbatim {

// Flags given on the command line; empty: the run's.
struct InputOverrides {
  std::string input;
  std::string format;
  std::string column;
  std::string id_column;
  std::string delimiter;
};

// The input options of the run: the command line's, else run.json's
// (format, column, id column, encoding, delimiter). Errors: an unknown
// format, encoding or delimiter, quoted.
Result<InputOptions> RunInputOptions(const InputOverrides& given, const RunManifest& manifest);

}  // namespace verbatim

#endif  // VERBATIM_CLI_RUN_INPUT_H_
