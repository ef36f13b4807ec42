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
  // Fields go straight to the writer: no vector of strings per row.
  FillCodedRow(codebook_, record, result, final, match, &row_);
  csv_.WriteField(std::to_string(row_.row), /*first=*/true);
  csv_.WriteField(row_.id);
  csv_.WritePlainField(AnswerStatusName(row_.status));
  csv_.WriteField(Join(row_.codes));
  csv_.WriteField(Join(row_.proposed));
  csv_.WriteField(Join(row_.reasons));
  csv_.WriteField(row_.error);
  for (char flag : row_.flags) csv_.WritePlainField(flag ? "1" : "0");
  csv_.WriteField(row_.evidence);
  if (decision_columns_ == DecisionColumns::kInclude) {
    csv_.WriteField(row_.decided);
    csv_.WriteField(row_.decision);
    csv_.WriteField(AnswerStatusName(row_.machine_status));
    csv_.WriteField(Join(row_.machine_codes));
  }
  csv_.EndRow();
}

}  // namespace verbatim
