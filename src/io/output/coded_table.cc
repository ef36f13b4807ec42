#include "io/output/coded_table.h"

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

void AppendCodedLine(const CompiledCodebook& codebook, DecisionColumns decision_columns,
                     const InputRecord& record, const CodingResult& result,
                     const FinalCoding& final, const DecisionMatch& match, CodedRow* scratch,
                     std::string* line) {
  FillCodedRow(codebook, record, result, final, match, scratch);
  const CodedRow& row = *scratch;
  // Fixed names and 0/1 flags need no quoting scan.
  auto plain = [line](std::string_view field) {
    *line += ',';
    line->append(field);
  };
  auto field = [line](std::string_view value) { AppendCsvField(line, value, ',', false); };
  AppendCsvField(line, std::to_string(row.row), ',', /*first=*/true);
  field(row.id);
  plain(AnswerStatusName(row.status));
  field(Join(row.codes));
  field(Join(row.proposed));
  field(Join(row.reasons));
  field(row.error);
  for (char flag : row.flags) plain(flag ? "1" : "0");
  field(row.evidence);
  if (decision_columns == DecisionColumns::kInclude) {
    field(row.decided);
    field(row.decision);
    plain(AnswerStatusName(row.machine_status));
    field(Join(row.machine_codes));
  }
  *line += '\n';
}

CodedTableWriter::CodedTableWriter(std::ostream& out, const CompiledCodebook& codebook,
                                   DecisionColumns decision_columns)
    : out_(out), codebook_(codebook), decision_columns_(decision_columns) {
  CsvWriter(out).WriteRow(CodedColumnNames(codebook.codebook(), decision_columns_));
}

void CodedTableWriter::Write(const InputRecord& record, const CodingResult& result) {
  Write(record, result, FinalCoding{result.status, result.counted}, DecisionMatch{});
}

void CodedTableWriter::Write(const InputRecord& record, const CodingResult& result,
                             const FinalCoding& final, const DecisionMatch& match) {
  line_.clear();
  AppendCodedLine(codebook_, decision_columns_, record, result, final, match, &row_, &line_);
  WriteLine(line_);
}

void CodedTableWriter::WriteLine(std::string_view line) {
  out_.write(line.data(), static_cast<std::streamsize>(line.size()));
}

}  // namespace verbatim
