// The coded table as JSON Lines: one JSON object per input row, one line
// each, in input order, none lost; the stream format for a coder whose output
// is read by another program (Spark's RDD.pipe, Hadoop Streaming, jq).
//
// Design: the same information as coded.csv (io/output/coded_table.h), from the same
// MakeCodedRow (io/output/coded_row.h), with keys named like coded.csv's columns and
// in their order: row (number), id, status, codes, proposed, reasons (arrays
// of strings where coded.csv joins with ';'), error (string, "" if none), one
// key per theme and subtheme in codebook order with 0 or 1, evidence (string);
// with DecisionColumns::kInclude then decided, decision, machine_status
// (strings) and machine_codes (array). No header line: every line stands
// alone, so outputs of pieces can be concatenated.
//
// Text is written as UTF-8, not \u-escaped. Invalid UTF-8 (an id or an error
// message quoting a bad byte) never throws: each invalid byte is written as
// U+FFFD. A theme id equal to a fixed key ("status", "error"…) gives a
// duplicate key, as it gives a duplicate column in coded.csv.
#ifndef VERBATIM_IO_CODED_JSONL_H_
#define VERBATIM_IO_CODED_JSONL_H_

#include <ostream>
#include <string>
#include <vector>

#include "core/coder.h"
#include "core/compiled_codebook.h"
#include "core/decision_apply.h"
#include "io/output/coded_row.h"
#include "io/input/input_reader.h"

namespace verbatim {

class CodedJsonlWriter {
 public:
  // Writes nothing yet. `out` and `codebook` must outlive the writer.
  // Default: kOmit. Not thread-safe.
  CodedJsonlWriter(std::ostream& out, const CompiledCodebook& codebook,
                   CodedLayout layout = CodedLayout());
  // The machine's coding (with kInclude: as an answer no decision names).
  // Writes one line ending in '\n'.
  void Write(const InputRecord& record, const CodingResult& result);
  // With decisions: `final` from FinalCodingOf(result, match).
  void Write(const InputRecord& record, const CodingResult& result, const FinalCoding& final,
             const DecisionMatch& match);

 private:
  std::ostream& out_;
  const CompiledCodebook& codebook_;
  CodedLayout layout_;
  std::vector<std::string> keys_;  // CodedColumnNames, already as JSON strings.
  std::string line_;               // Reused between rows.
};

}  // namespace verbatim

#endif  // VERBATIM_IO_CODED_JSONL_H_
