#include "io/coded_table.h"

#include "core/evidence.h"

namespace verbatim {

CodedTableWriter::CodedTableWriter(std::ostream& out, const CompiledCodebook& codebook,
                                   DecisionColumns decision_columns)
    : csv_(out), codebook_(codebook), decision_columns_(decision_columns) {
  std::vector<std::string> header = {"row", "id", "status", "codes", "proposed", "reasons", "error"};
  for (const CodeDefinition& code : codebook.codebook().codes) header.push_back(code.id);
  header.push_back("evidence");
  if (decision_columns_ == DecisionColumns::kInclude) {
    header.insert(header.end(), {"decided", "decision", "machine_status", "machine_codes"});
  }
  csv_.WriteRow(header);
}

void CodedTableWriter::Write(const InputRecord& record, const CodingResult& result) {
  Write(record, result, FinalCoding{result.status, result.counted}, DecisionMatch{});
}

void CodedTableWriter::Write(const InputRecord& record, const CodingResult& result,
                             const FinalCoding& final, const DecisionMatch& match) {
  const Codebook& book = codebook_.codebook();
  const bool is_error = result.status == AnswerStatus::kError || !record.error.empty();
  const AnswerStatus machine_status = is_error ? AnswerStatus::kError : result.status;
  const AnswerStatus status = is_error ? AnswerStatus::kError : final.status;
  std::vector<std::string> fields = {
      std::to_string(record.row),
      record.id,
      std::string(AnswerStatusName(status)),
      is_error ? "" : JoinCodeIds(book, final.codes),
      is_error ? "" : JoinCodeIds(book, result.proposed),
      is_error ? "" : JoinReasonNames(result),
      !record.error.empty() ? record.error : result.error};
  std::vector<char> present(book.codes.size(), 0);
  if (!is_error) {
    for (int code : final.codes) {
      present[code] = 1;
      if (book.codes[code].level == CodeLevel::kSubtheme) present[book.codes[code].theme_index] = 1;
    }
  }
  for (char flag : present) fields.push_back(flag ? "1" : "0");
  fields.push_back(is_error ? "" : DescribeEvidence(codebook_, result, record.text, 0));
  if (decision_columns_ == DecisionColumns::kInclude) {
    fields.push_back(match.state == DecisionState::kNone
                         ? std::string()
                         : std::string(DecisionStateName(match.state)));
    fields.push_back(match.record != nullptr ? match.record->decision : std::string());
    fields.push_back(std::string(AnswerStatusName(machine_status)));
    fields.push_back(is_error ? "" : JoinCodeIds(book, result.counted));
  }
  csv_.WriteRow(fields);
}

}  // namespace verbatim
