#include "io/coded_table.h"

#include "core/evidence.h"

namespace verbatim {

CodedTableWriter::CodedTableWriter(std::ostream& out, const CompiledCodebook& codebook)
    : csv_(out), codebook_(codebook) {
  std::vector<std::string> header = {"row", "id", "status", "codes", "proposed", "reasons", "error"};
  for (const CodeDefinition& code : codebook.codebook().codes) header.push_back(code.id);
  header.push_back("evidence");
  csv_.WriteRow(header);
}

void CodedTableWriter::Write(const InputRecord& record, const CodingResult& result) {
  const Codebook& book = codebook_.codebook();
  const bool is_error = result.status == AnswerStatus::kError || !record.error.empty();
  std::vector<std::string> fields = {
      std::to_string(record.row),
      record.id,
      std::string(AnswerStatusName(is_error ? AnswerStatus::kError : result.status)),
      is_error ? "" : JoinCodeIds(book, result.counted),
      is_error ? "" : JoinCodeIds(book, result.proposed),
      is_error ? "" : JoinReasonNames(result),
      !record.error.empty() ? record.error : result.error};
  std::vector<char> present(book.codes.size(), 0);
  if (!is_error) {
    for (int code : result.counted) {
      present[code] = 1;
      if (book.codes[code].level == CodeLevel::kSubtheme) present[book.codes[code].theme_index] = 1;
    }
  }
  for (char flag : present) fields.push_back(flag ? "1" : "0");
  fields.push_back(is_error ? "" : DescribeEvidence(codebook_, result, record.text, 0));
  csv_.WriteRow(fields);
}

}  // namespace verbatim
