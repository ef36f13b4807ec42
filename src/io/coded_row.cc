#include "io/coded_row.h"

#include "core/evidence.h"

namespace verbatim {
namespace {

std::vector<std::string> CodeIds(const Codebook& book, const std::vector<int>& codes) {
  std::vector<std::string> ids;
  ids.reserve(codes.size());
  for (int code : codes) ids.push_back(book.codes[code].id);
  return ids;
}

// JoinReasonNames decides which names appear (and in which order); split
// rather than repeat that rule here.
std::vector<std::string> ReasonNames(const CodingResult& result) {
  std::vector<std::string> names;
  const std::string joined = JoinReasonNames(result);
  size_t start = 0;
  while (start < joined.size()) {
    size_t end = joined.find(';', start);
    if (end == std::string::npos) end = joined.size();
    names.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return names;
}

}  // namespace

std::vector<std::string> CodedColumnNames(const Codebook& codebook,
                                          DecisionColumns decision_columns) {
  std::vector<std::string> names = {"row", "id", "status", "codes", "proposed", "reasons", "error"};
  for (const CodeDefinition& code : codebook.codes) names.push_back(code.id);
  names.push_back("evidence");
  if (decision_columns == DecisionColumns::kInclude) {
    names.insert(names.end(), {"decided", "decision", "machine_status", "machine_codes"});
  }
  return names;
}

CodedRow MakeCodedRow(const CompiledCodebook& codebook, const InputRecord& record,
                      const CodingResult& result, const FinalCoding& final,
                      const DecisionMatch& match) {
  const Codebook& book = codebook.codebook();
  const bool is_error = result.status == AnswerStatus::kError || !record.error.empty();
  CodedRow row;
  row.row = record.row;
  row.id = record.id;
  row.status = is_error ? AnswerStatus::kError : final.status;
  row.machine_status = is_error ? AnswerStatus::kError : result.status;
  row.error = !record.error.empty() ? record.error : result.error;
  row.flags.assign(book.codes.size(), 0);
  if (match.state != DecisionState::kNone) row.decided = DecisionStateName(match.state);
  if (match.record != nullptr) row.decision = match.record->decision;
  if (is_error) return row;
  row.codes = CodeIds(book, final.codes);
  row.proposed = CodeIds(book, result.proposed);
  row.reasons = ReasonNames(result);
  for (int code : final.codes) {
    row.flags[code] = 1;
    if (book.codes[code].level == CodeLevel::kSubtheme) row.flags[book.codes[code].theme_index] = 1;
  }
  row.evidence = DescribeEvidence(codebook, result, record.text, 0);
  row.machine_codes = CodeIds(book, result.counted);
  return row;
}

}  // namespace verbatim
