// What `verbatim code` (and `report`, which can apply decisions too) tells
// the user around a coding run: loading the decisions file, refusing to
// overwrite a review file that holds decisions never applied, the counts
// table, and what became of each decision.
#ifndef VERBATIM_CLI_CODE_MESSAGES_H_
#define VERBATIM_CLI_CODE_MESSAGES_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "core/codebook.h"
#include "core/decided_counts.h"
#include "core/group_tally.h"
#include "core/decision_ledger.h"
#include "run/coding_run.h"

namespace verbatim {

// Reads the decisions file into `ledger`, printing its diagnostics. On
// errors prints "<command>: cannot use the decisions file PATH (above);
// <consequence>." and returns false.
bool LoadDecisions(const std::string& path, std::string_view command,
                   std::string_view consequence, std::ostream& err, DecisionLedger* ledger);

// Nothing lost: refuses to overwrite a review file whose decision column
// holds entries the decisions file does not have (the message says how to
// apply them). With `force`, keeps the old file as <review_path>.bak (or
// .bak.1, .bak.2, …: io/output/numbered_backup.h) and says which.
// Returns false when the run must stop.
bool GuardExistingReviewFile(const std::string& review_path, const std::string& decisions_path,
                             bool force, const DecisionLedger& ledger, std::ostream& err);

// "<input> — <question> (codebook <id> <version>)", the line IdsLine says,
// a blank line, then the counts table (machine, changes and final columns
// with decisions), then with `groups` the code × group table under `by`.
void PrintCodeSummary(std::ostream& out, const std::string& input, const Codebook& codebook,
                      const RunSummary& summary, const std::vector<DecidedCountRow>& decided_rows,
                      bool with_decisions, const std::string& id_column,
                      const std::string& by = "", const GroupTally* groups = nullptr);

// Where the ids come from, for the summary: "ids: column \"id\"" or "ids:
// row numbers (no id column found; choose one with --id-column)".
std::string IdsLine(const std::string& id_column);

// "<command>: warning: …" per decision not applied (stale, unknown code, not in the
// input) on context.err, then, unless `quiet`, one line of totals on
// context.out.
void ReportDecisions(std::string_view command, const std::string& decisions_path, const DecisionLedger& ledger,
                     const DecisionRunSummary& summary, const Codebook& codebook,
                     const std::string& review_path, bool quiet, CommandContext& context);

}  // namespace verbatim

#endif  // VERBATIM_CLI_CODE_MESSAGES_H_
