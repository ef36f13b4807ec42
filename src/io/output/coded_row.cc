#include "io/output/coded_row.h"

#include "core/coded_columns.h"

#include "core/evidence.h"

namespace verbatim {
namespace {

void CodeIds(const Codebook& book, const std::vector<int>& codes, std::vector<std::string>* ids) {
  ids->resize(codes.size());
  for (size_t i = 0; i < codes.size(); ++i) (*ids)[i] = book.codes[codes[i]].id;
}

// JoinReasonNames decides which names appear (and in which order); split
// rather than repeat that rule here.
void ReasonNames(const CodingResult& result, std::vector<std::string>* names) {
  names->clear();
  const std::string joined = JoinReasonNames(result);
  size_t start = 0;
  while (start < joined.size()) {
    size_t end = joined.find(';', start);
    if (end == std::string::npos) end = joined.size();
    names->push_back(joined.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

std::vector<std::string> CodedColumnNames(const Codebook& codebook, const CodedLayout& layout) {
  std::vector<std::string> names(kCodedLeadingColumns.begin(), kCodedLeadingColumns.end());
  for (const CodeDefinition& code : codebook.codes) names.push_back(code.id);
  names.insert(names.end(), kCodedTrailingColumns.begin(), kCodedTrailingColumns.end());
  if (layout.decisions == DecisionColumns::kInclude) {
    names.insert(names.end(), kCodedDecisionColumns.begin(), kCodedDecisionColumns.end());
  }
  names.insert(names.end(), layout.kept.begin(), layout.kept.end());
  return names;
}

CodedRow MakeCodedRow(const CompiledCodebook& codebook, const InputRecord& record,
                      const CodingResult& result, const FinalCoding& final,
                      const DecisionMatch& match) {
  CodedRow row;
  FillCodedRow(codebook, record, result, final, match, &row);
  return row;
}

void FillCodedRow(const CompiledCodebook& codebook, const InputRecord& record,
                  const CodingResult& result, const FinalCoding& final,
                  const DecisionMatch& match, CodedRow* row) {
  const Codebook& book = codebook.codebook();
  const bool is_error = result.status == AnswerStatus::kError || !record.error.empty();
  row->row = record.row;
  row->id = record.id;
  row->status = is_error ? AnswerStatus::kError : final.status;
  row->machine_status = is_error ? AnswerStatus::kError : result.status;
  row->error = !record.error.empty() ? record.error : result.error;
  row->flags.assign(book.codes.size(), 0);
  row->decided = match.state != DecisionState::kNone ? DecisionStateName(match.state) : "";
  row->decision = match.record != nullptr ? match.record->decision : std::string();
  row->codes.clear();
  row->proposed.clear();
  row->reasons.clear();
  row->evidence.clear();
  row->machine_codes.clear();
  if (is_error) return;
  CodeIds(book, final.codes, &row->codes);
  CodeIds(book, result.proposed, &row->proposed);
  ReasonNames(result, &row->reasons);
  for (int code : final.codes) {
    row->flags[code] = 1;
    if (book.codes[code].level == CodeLevel::kSubtheme) row->flags[book.codes[code].theme_index] = 1;
  }
  row->evidence = DescribeEvidence(codebook, result, record.text, 0);
  CodeIds(book, result.counted, &row->machine_codes);
}

}  // namespace verbatim
