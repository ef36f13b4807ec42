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

void AppendCodedLine(const CompiledCodebook& codebook, const CodedLayout& layout,
                     const InputRecord& record, const CodingResult& result,
                     const FinalCoding& final, const DecisionMatch& match, CodedRow* scratch,
                     std::string* line) {
  FillCodedRow(codebook, record, result, final, match, scratch);
  const CodedRow& row = *scratch;
  // Fixed names and 0/1 flags need no quoting scan.
  const char delimiter = CsvDelimiter(layout.dialect);
  auto plain = [line, delimiter](std::string_view field) {
    *line += delimiter;
    line->append(field);
  };
  auto field = [line, delimiter](std::string_view value) {
    AppendCsvField(line, value, delimiter, false);
  };
  AppendCsvField(line, std::to_string(row.row), delimiter, /*first=*/true);
  field(row.id);
  plain(AnswerStatusName(row.status));
  field(Join(row.codes));
  field(Join(row.proposed));
  field(Join(row.reasons));
  field(row.error);
  for (char flag : row.flags) plain(flag ? "1" : "0");
  field(row.evidence);
  if (layout.decisions == DecisionColumns::kInclude) {
    field(row.decided);
    field(row.decision);
    plain(AnswerStatusName(row.machine_status));
    field(Join(row.machine_codes));
  }
  for (size_t i = 0; i < layout.kept.size(); ++i) {
    field(i < record.extra.size() ? std::string_view(record.extra[i]) : std::string_view());
  }
  *line += '\n';
}

CodedTableWriter::CodedTableWriter(std::ostream& out, const CompiledCodebook& codebook,
                                   CodedLayout layout)
    : out_(out), codebook_(codebook), layout_(std::move(layout)) {
  WriteCsvPreamble(out, layout_.dialect);
  CsvWriter(out, CsvDelimiter(layout_.dialect))
      .WriteRow(CodedColumnNames(codebook.codebook(), layout_));
}

void CodedTableWriter::Write(const InputRecord& record, const CodingResult& result) {
  Write(record, result, FinalCoding{result.status, result.counted}, DecisionMatch{});
}

void CodedTableWriter::Write(const InputRecord& record, const CodingResult& result,
                             const FinalCoding& final, const DecisionMatch& match) {
  line_.clear();
  AppendCodedLine(codebook_, layout_, record, result, final, match, &row_, &line_);
  WriteLine(line_);
}

void CodedTableWriter::WriteLine(std::string_view line) {
  out_.write(line.data(), static_cast<std::streamsize>(line.size()));
}

}  // namespace verbatim
