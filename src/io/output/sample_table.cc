#include "io/output/sample_table.h"

#include "io/output/csv_writer.h"
#include "io/output/xlsx_table.h"

namespace verbatim {

void WriteSampleCsv(const std::vector<SampledAnswer>& answers, std::ostream& out) {
  CsvWriter csv(out);
  csv.WriteRow({"id", "text", "codes"});
  for (const SampledAnswer& answer : answers) csv.WriteRow({answer.id, answer.text, ""});
}

Result<void> WriteSampleXlsx(const std::vector<SampledAnswer>& answers, std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  for (const SampledAnswer& answer : answers) rows.push_back({answer.id, answer.text, ""});
  return WriteXlsxTable(out, "sample", {{"id", 10, false}, {"text", 80, false}, {"codes", 40, true}},
                        rows);
}

void WriteSampleStrata(const std::vector<SampledAnswer>& answers, std::ostream& out) {
  CsvWriter csv(out);
  csv.WriteRow({"id", "stratum"});
  for (const SampledAnswer& answer : answers) csv.WriteRow({answer.id, answer.stratum});
}

}  // namespace verbatim
