// What a coding run records about itself in run.json (io/output/run_manifest.h).
#ifndef VERBATIM_RUN_RUN_RECORD_H_
#define VERBATIM_RUN_RUN_RECORD_H_

#include <string>

#include "core/decision_ledger.h"
#include "io/output/run_manifest.h"
#include "run/coding_run.h"

namespace verbatim {

// Rows per status (final counts) and the driving thread's timings.
void RecordRunRows(const RunSummary& summary, RunManifest* manifest);

// What the run did with the decisions file at `path`: recorded, applied,
// stale, naming unknown codes, for answers not in the input; with the
// file's SHA-256.
ManifestDecisions DescribeDecisions(const std::string& path, const DecisionLedger& ledger,
                                    const DecisionRunSummary& summary);

}  // namespace verbatim

#endif  // VERBATIM_RUN_RUN_RECORD_H_
