#include "io/coded_table.h"

namespace verbatim {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ';';
    out += item;
  }
  return out;
}

}  // namespace

CodedTableWriter::CodedTableWriter(std::ostream& out, const CompiledCodebook& codebook,
                                   DecisionColumns decision_columns)
    : csv_(out), codebook_(codebook), decision_columns_(decision_columns) {
  csv_.WriteRow(CodedColumnNames(codebook.codebook(), decision_columns_));
}

void CodedTableWriter::Write(const InputRecord& record, const CodingResult& result) {
  Write(record, result, FinalCoding{result.status, result.counted}, DecisionMatch{});
}

void CodedTableWriter::Write(const InputRecord& record, const CodingResult& result,
                             const FinalCoding& final, const DecisionMatch& match) {
  const CodedRow row = MakeCodedRow(codebook_, record, result, final, match);
  std::vector<std::string> fields = {std::to_string(row.row),
                                     row.id,
                                     std::string(AnswerStatusName(row.status)),
                                     Join(row.codes),
                                     Join(row.proposed),
                                     Join(row.reasons),
                                     row.error};
  for (char flag : row.flags) fields.push_back(flag ? "1" : "0");
  fields.push_back(row.evidence);
  if (decision_columns_ == DecisionColumns::kInclude) {
    fields.push_back(row.decided);
    fields.push_back(row.decision);
    fields.push_back(std::string(AnswerStatusName(row.machine_status)));
    fields.push_back(Join(row.machine_codes));
  }
  csv_.WriteRow(fields);
}

}  // namespace verbatim
