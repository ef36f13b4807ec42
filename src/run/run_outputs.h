// The outputs of one `code` run: the output folder's files, or standard
// output, and the sinks that fill them.
//
// Design: every file of the folder (coded.csv, the review file, counts.csv,
// run.json, with the report report.html and chart.svg, and counts.xlsx) is opened in one
// OutputSet (io/output/output_set.h): Commit replaces them all or none. The
// coded table and the review file are sinks of the coding run; counts.csv,
// run.json and the report are written by the caller once the run is over,
// into the streams given here.
#ifndef VERBATIM_RUN_RUN_OUTPUTS_H_
#define VERBATIM_RUN_RUN_OUTPUTS_H_

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/compiled_codebook.h"
#include "core/status.h"
#include "io/output/output_set.h"
#include "io/report/report_builder.h"
#include "io/review/review_file.h"
#include "run/row_sink.h"

namespace verbatim {

// What goes to standard output instead of a folder (--out -).
enum class StdoutFormat { kNone, kCodedCsv, kCodedJsonl, kCounts };
// "csv", "jsonl", "counts"; nullopt for anything else.
std::optional<StdoutFormat> ParseStdoutFormat(const std::string& name);

struct OutputChoice {
  std::string dir;  // The output folder (unused with a stdout format).
  StdoutFormat stdout_format = StdoutFormat::kNone;
  ReviewFormat review_format = ReviewFormat::kCsv;
  // The dialect of every CSV of the run: coded.csv, review.csv, counts.csv
  // (the caller writes counts.csv with it).
  CsvDialect dialect = CsvDialect::kStandard;
  // Input columns passed through to the coded table and the review file
  // (--keep), as the reader names them: InputRecord::extra's first ones.
  std::vector<std::string> kept_columns;
  bool report = false;          // report.html and chart.svg too.
  bool counts_xlsx = false;     // counts.xlsx too (a folder only).
  std::string input_path;       // Shown in the report.
  bool with_decisions = false;  // Decision columns, final counts.
};

// The review file's path in the folder: review.csv or review.xlsx.
std::string ReviewPath(const OutputChoice& choice);

struct RunOutputs {
  OutputSet files;
  std::vector<std::unique_ptr<RowSink>> sinks;
  std::ostream* counts = nullptr;    // counts.csv, or standard output (kCounts); null otherwise.
  std::ostream* manifest = nullptr;  // run.json; null on standard output.
  std::ostream* counts_xlsx = nullptr;  // With OutputChoice::counts_xlsx.
  std::ostream* report_html = nullptr;
  std::ostream* report_chart = nullptr;
  ReviewSink* review = nullptr;         // Null on standard output.
  std::optional<ReportBuilder> report;  // With OutputChoice::report.
};

// Opens the outputs (the folder must exist). `stdout_stream` receives the
// coded table or the counts with a stdout format. Errors name the file.
Result<void> OpenRunOutputs(const OutputChoice& choice, const CompiledCodebook& codebook,
                            std::ostream& stdout_stream, RunOutputs* outputs);

// Creates the output folder and removes the temporary files killed runs
// left in it (io/output/temporary_files.h). Returns the files removed.
Result<std::vector<std::string>> PrepareOutputFolder(const std::string& dir);

}  // namespace verbatim

#endif  // VERBATIM_RUN_RUN_OUTPUTS_H_
