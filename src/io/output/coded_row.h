// One row of the coded table, as values: what coded.csv (io/output/coded_table.h)
// and coded.jsonl (io/output/coded_jsonl.h) write, computed once so that the two
// formats cannot disagree. Each writer only renders it.
//
// Columns, in order: row, id, status, codes, proposed, reasons, error, one
// 0/1 flag per theme and subtheme in codebook order (a theme is 1 when it or
// one of its subthemes is counted), evidence; with DecisionColumns::kInclude
// then decided, decision, machine_status, machine_codes; then the kept input
// columns (--keep), named as in the input.
#ifndef VERBATIM_IO_CODED_ROW_H_
#define VERBATIM_IO_CODED_ROW_H_

#include <string>
#include <vector>

#include "core/coder.h"
#include "core/compiled_codebook.h"
#include "core/decision_apply.h"
#include "io/input/input_reader.h"
#include "io/output/csv_dialect.h"

namespace verbatim {

enum class DecisionColumns { kOmit, kInclude };

// The shape of a coded table beyond the codebook's columns.
struct CodedLayout {
  // Implicit: a layout that only says whether decision columns are written.
  CodedLayout(DecisionColumns decision_columns = DecisionColumns::kOmit)  // NOLINT
      : decisions(decision_columns) {}
  DecisionColumns decisions;
  // The kept input columns' names: the values are the first kept.size() of
  // InputRecord::extra ("" where a record has fewer). Default: none.
  std::vector<std::string> kept;
  // coded.csv's dialect (io/output/csv_dialect.h); JSON Lines ignore it.
  CsvDialect dialect = CsvDialect::kStandard;
};

// The column names above, in order (the flag columns are the code ids).
std::vector<std::string> CodedColumnNames(const Codebook& codebook, const CodedLayout& layout);

struct CodedRow {
  size_t row = 0;
  std::string id;
  // error when the record could not be read or the coder failed; else the
  // final status (the machine's when no decision applies).
  AnswerStatus status = AnswerStatus::kUncoded;
  std::vector<std::string> codes;     // Final counted code ids, codebook order; empty on error.
  std::vector<std::string> proposed;  // The machine's proposal; empty on error.
  std::vector<std::string> reasons;   // Review reason names, each once; empty on error.
  std::string error;                  // The reader's error, else the coder's; empty if none.
  std::vector<char> flags;            // One 0/1 per codebook code, codebook order.
  std::string evidence;               // code="words as written" | …; empty on error.
  // The decision columns (written with DecisionColumns::kInclude only).
  std::string decided;   // Decision state name; empty when no decision names the answer.
  std::string decision;  // As the reviewer wrote it.
  AnswerStatus machine_status = AnswerStatus::kUncoded;
  std::vector<std::string> machine_codes;  // The machine's counted code ids; empty on error.
};

// `final` from FinalCodingOf(result, match); for a run without decisions,
// FinalCoding{result.status, result.counted} and DecisionMatch{}.
CodedRow MakeCodedRow(const CompiledCodebook& codebook, const InputRecord& record,
                      const CodingResult& result, const FinalCoding& final,
                      const DecisionMatch& match);
// The same into `row`, whose buffers are reused (writers keep one row).
void FillCodedRow(const CompiledCodebook& codebook, const InputRecord& record,
                  const CodingResult& result, const FinalCoding& final,
                  const DecisionMatch& match, CodedRow* row);

}  // namespace verbatim

#endif  // VERBATIM_IO_CODED_ROW_H_
