// The files of `verbatim sample`: answers drawn for hand coding.
//
// Design: the coder sees the id, the answer and an empty "codes" column, and
// nothing the machine said (status, codes, evidence, stratum): a coder who
// knows what the machine proposed tends to agree with it, and the sample is
// there to measure the machine. The stratum of each answer, when there is
// one, goes to a separate file (sample_strata.csv) for the analyst. The CSV
// is what `verbatim agree --gold` reads (id and codes; text is ignored
// there); the xlsx holds the same table for people who code in a
// spreadsheet (saved back as CSV for agree).
#ifndef VERBATIM_IO_OUTPUT_SAMPLE_TABLE_H_
#define VERBATIM_IO_OUTPUT_SAMPLE_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"

namespace verbatim {

struct SampledAnswer {
  std::string id;
  std::string text;
  std::string stratum;  // Empty without --stratify-by.
};

// "id,text,codes" then one row per answer, codes empty; RFC 4180, LF.
void WriteSampleCsv(const std::vector<SampledAnswer>& answers, std::ostream& out);

// The same table in a sheet "sample", the codes column shaded and
// formatted as Text. Errors: io/output/xlsx_table.h's.
Result<void> WriteSampleXlsx(const std::vector<SampledAnswer>& answers, std::ostream& out);

// "id,stratum" then one row per answer.
void WriteSampleStrata(const std::vector<SampledAnswer>& answers, std::ostream& out);

}  // namespace verbatim

#endif  // VERBATIM_IO_OUTPUT_SAMPLE_TABLE_H_
