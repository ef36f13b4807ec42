// coded.csv: one row per input row, in input order, none lost.
//
// Columns: row, id, status (coded|uncoded|disputed|error), codes (counted,
// ';'-separated), proposed (the machine's proposal, also for disputed rows),
// reasons (review reason names), error, one 0/1 column per theme and
// subtheme in codebook order (a theme is 1 when it or a subtheme is counted:
// ready for R, pandas, SPSS), evidence (code="words as written" | …).
//
// With DecisionColumns::kInclude (a run that applies a decisions file),
// status, codes and the 0/1 columns are final (a human decision over the
// machine's codes), and four columns follow evidence: decided (applied,
// stale, unknown_code, or empty when no decision names the answer),
// decision (as the reviewer wrote it), machine_status and machine_codes
// (what the machine alone gave).
//
// The values come from MakeCodedRow (io/output/coded_row.h), shared with the JSON
// Lines writer (io/output/coded_jsonl.h): lists are joined here with ';'.
#ifndef VERBATIM_IO_CODED_TABLE_H_
#define VERBATIM_IO_CODED_TABLE_H_

#include <ostream>
#include <string>
#include <string_view>

#include "core/coder.h"
#include "core/compiled_codebook.h"
#include "core/decision_apply.h"
#include "io/output/coded_row.h"
#include "io/output/csv_writer.h"
#include "io/input/input_reader.h"

namespace verbatim {

// The coded table's line for one row (with its "\n"), appended to `line`:
// the bytes CodedTableWriter::Write writes. `scratch` is reused from call
// to call; a thread that formats rows needs its own. Lets rows be formatted
// on the threads that coded them and written in order by another.
void AppendCodedLine(const CompiledCodebook& codebook, const CodedLayout& layout,
                     const InputRecord& record, const CodingResult& result,
                     const FinalCoding& final, const DecisionMatch& match, CodedRow* scratch,
                     std::string* line);

class CodedTableWriter {
 public:
  // Writes the byte order mark (kExcelFr) and the header. `out` must
  // outlive the writer. Default: no decision columns, no kept columns, ','.
  CodedTableWriter(std::ostream& out, const CompiledCodebook& codebook,
                   CodedLayout layout = CodedLayout());
  // The machine's coding (with kInclude: as an answer no decision names).
  void Write(const InputRecord& record, const CodingResult& result);
  // With decisions: `final` from FinalCodingOf(result, match).
  void Write(const InputRecord& record, const CodingResult& result, const FinalCoding& final,
             const DecisionMatch& match);
  // Writes lines made by AppendCodedLine with this writer's codebook and
  // layout.
  void WriteLine(std::string_view lines);

 private:
  std::ostream& out_;
  const CompiledCodebook& codebook_;
  CodedLayout layout_;
  CodedRow row_;      // Reused from row to row.
  std::string line_;  // Likewise.
};

}  // namespace verbatim

#endif  // VERBATIM_IO_CODED_TABLE_H_
