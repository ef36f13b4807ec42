// The output folder of `verbatim code` around its run (cli/cmd_code.cc):
// opened before the first row is coded, written and committed after the
// last. Files are opened through run/run_outputs.h's OutputSet, so none is
// replaced unless all are complete.
#ifndef VERBATIM_CLI_CODE_OUTPUTS_H_
#define VERBATIM_CLI_CODE_OUTPUTS_H_

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "cli/code_options.h"
#include "cli/command.h"
#include "core/decided_counts.h"
#include "core/decision_ledger.h"
#include "core/group_tally.h"
#include "io/input/input_reader.h"
#include "io/output/utc_time.h"
#include "run/coding_run.h"
#include "run/run_outputs.h"

namespace verbatim {

// When the run started, and how long loading the codebook took (run.json).
struct RunClock {
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::string started_at = UtcNow();
  double load_seconds = 0;
};

// Opens the outputs into `outputs`. A folder's review file holding
// decisions never applied stops the run (nothing lost); the stale temporary
// files of killed runs are removed first. Errors are printed.
Outcome OpenCodeOutputs(const CodeOptions& options, const Plan& plan,
                        const CompiledCodebook& codebook, const DecisionLedger& ledger,
                        CommandContext& context, RunOutputs* outputs);

// The outputs written once the run is over (counts.csv, with `groups`'
// rows when --by is given, the report, run.json with `input_digest` when
// known), then every file of the folder committed together. `ledger`: null
// without --decisions. Errors are printed.
Outcome WriteCodeOutputs(const CodeOptions& options, const Plan& plan, const Codebook& book,
                         const RecordReader& reader, const GroupTally* groups,
                         const RunSummary& summary,
                         const std::vector<DecidedCountRow>& decided_rows,
                         const DecisionLedger* ledger, const RunClock& clock,
                         const std::optional<std::string>& input_digest, RunOutputs& outputs,
                         CommandContext& context);

}  // namespace verbatim

#endif  // VERBATIM_CLI_CODE_OUTPUTS_H_
