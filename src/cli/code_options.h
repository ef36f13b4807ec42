// The options of `verbatim code`, checked against each other, and what a
// run records of them in run.json.
#ifndef VERBATIM_CLI_CODE_OPTIONS_H_
#define VERBATIM_CLI_CODE_OPTIONS_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/input_flags.h"
#include "core/codebook.h"
#include "io/input/input_reader.h"
#include "io/output/run_manifest.h"
#include "run/coding_run.h"
#include "run/run_outputs.h"

namespace verbatim {

struct CodeOptions {
  std::string input;
  std::string codebook;  // Required: no default (tool_codebook.h).
  std::string out_dir = "out";
  InputFlags input_flags;  // --column, --id-column, --format, --delimiter.
  std::vector<std::string> keep;  // --keep: input columns passed through.
  std::string by;                 // --by: the column whose values group the counts.
  std::string decisions;
  std::string review_format = "csv";
  bool excel_fr = false;
  bool force = false;
  bool quiet = false;
  bool strict = false;
  bool allow_duplicate_ids = false;
  bool report = false;
  bool counts_xlsx = false;
  bool allow_empty = false;
  int threads = 0;  // 0: every core.
  std::string stdout_format = "csv";
};

// The options checked against each other: what the run will write.
struct Plan : OutputChoice {
  bool to_stdout() const { return stdout_format != StdoutFormat::kNone; }
};

// The reader's extra columns for `options`: --keep's, then --by's (last,
// even when also kept).
std::vector<std::string> ExtraInputColumns(const CodeOptions& options);

// The plan, or nullopt after printing why the options do not go together.
std::optional<Plan> MakePlan(const CodeOptions& options, std::ostream& err);

// run.json without its timings, start time, input digest, outputs and
// decisions: the codebook, the input, the settings and the rows.
RunManifest DescribeCodeRun(const CodeOptions& options, const Plan& plan, const Codebook& book,
                            const RecordReader& reader, const RunSummary& summary);

// After a failed run: prints what the user needs to know, returns the outcome.
Outcome ReportRunError(const RunError& failure, const CodeOptions& options, const Plan& plan,
                       std::ostream& err);

}  // namespace verbatim

#endif  // VERBATIM_CLI_CODE_OPTIONS_H_
