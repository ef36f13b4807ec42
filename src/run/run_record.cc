#include "run/run_record.h"

#include "io/input/sha256.h"

namespace verbatim {

void RecordRunRows(const RunSummary& summary, RunManifest* manifest) {
  manifest->rows["read"] = summary.final.rows();
  for (AnswerStatus status : kAllAnswerStatuses) {
    manifest->rows[std::string(AnswerStatusName(status))] = summary.final.status_count(status);
  }
  // Wall time of each phase on the driving thread: reading, waiting for the
  // pool (coding, with this thread's share), handing rows to the sinks.
  manifest->seconds["read"] = summary.read_seconds;
  manifest->seconds["code"] = summary.code_seconds;
  manifest->seconds["write"] = summary.write_seconds;
}

ManifestDecisions DescribeDecisions(const std::string& path, const DecisionLedger& ledger,
                                    const DecisionRunSummary& summary) {
  ManifestDecisions decisions;
  decisions.path = path;
  if (auto digest = Sha256File(path)) decisions.sha256 = *digest;
  decisions.recorded = ledger.size();
  decisions.applied = summary.applied().size();
  for (const auto& entry : summary.stale()) {
    decisions.stale.push_back(
        ManifestDecision{entry.id, entry.record->decision, entry.record->decided_at, {}});
  }
  for (const auto& entry : summary.unknown_code()) {
    decisions.unknown_code.push_back(ManifestDecision{entry.id, entry.record->decision,
                                                      entry.record->decided_at, entry.unknown_codes});
  }
  decisions.not_in_input = summary.NotInInput(ledger);
  return decisions;
}

}  // namespace verbatim
