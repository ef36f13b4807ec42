#include "io/review/review_file.h"

#include "core/evidence.h"

namespace verbatim {
namespace {
constexpr size_t kContextBytes = 40;
constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";
}  // namespace

std::string_view ReviewFormatName(ReviewFormat format) {
  return format == ReviewFormat::kXlsx ? "xlsx" : "csv";
}

std::optional<ReviewFormat> ParseReviewFormat(std::string_view name) {
  if (name == "csv") return ReviewFormat::kCsv;
  if (name == "xlsx") return ReviewFormat::kXlsx;
  return std::nullopt;
}

std::vector<std::string> ReviewColumns(const ReviewFileOptions& options) {
  std::vector<std::string> columns = {"id",       "row",      "text",    "proposed", "reasons",
                                      "details",  "evidence", "decision", "comment"};
  if (options.previous == PreviousDecisionColumn::kInclude) columns.push_back("previous_decision");
  columns.insert(columns.end(), options.kept.begin(), options.kept.end());
  return columns;
}

namespace {

// Calls `cell` with each of the row's cells in ReviewColumns order: one
// definition of the row for the CSV writer, which writes the cells as they
// come, and for ReviewCells.
template <typename CellFunction>
void ForEachReviewCell(const CompiledCodebook& codebook, const InputRecord& record,
                       const CodingResult& result, const ReviewRowExtras& extras,
                       const ReviewFileOptions& options, CellFunction&& cell) {
  cell(record.id);
  cell(std::to_string(record.row));
  cell(record.text);
  cell(JoinCodeIds(codebook.codebook(), result.proposed));
  cell(JoinReasonNames(result));
  cell(JoinReasonDetails(result));
  cell(DescribeEvidence(codebook, result, record.text, kContextBytes));
  cell(extras.decision);
  cell(extras.comment);
  if (options.previous == PreviousDecisionColumn::kInclude) cell(extras.previous_decision);
  for (size_t i = 0; i < options.kept.size(); ++i) {
    cell(i < record.extra.size() ? std::string_view(record.extra[i]) : std::string_view());
  }
}

}  // namespace

std::vector<std::string> ReviewCells(const CompiledCodebook& codebook, const InputRecord& record,
                                     const CodingResult& result, const ReviewRowExtras& extras,
                                     const ReviewFileOptions& options) {
  std::vector<std::string> cells;
  ForEachReviewCell(codebook, record, result, extras, options,
                    [&cells](std::string_view cell) { cells.emplace_back(cell); });
  return cells;
}

void AppendReviewLine(const CompiledCodebook& codebook, const InputRecord& record,
                      const CodingResult& result, const ReviewRowExtras& extras,
                      const ReviewFileOptions& options, std::string* line) {
  const char delimiter = options.dialect == CsvDialect::kExcelFr ? ';' : ',';
  bool first = true;
  ForEachReviewCell(codebook, record, result, extras, options, [&](std::string_view cell) {
    AppendCsvField(line, cell, delimiter, first);
    first = false;
  });
  *line += '\n';
}

ReviewFileWriter::ReviewFileWriter(std::ostream& out, const CompiledCodebook& codebook,
                                   const ReviewFileOptions& options)
    : out_(out), codebook_(codebook), options_(options) {
  if (options.dialect == CsvDialect::kExcelFr) out << kUtf8Bom;
  CsvWriter(out, options.dialect == CsvDialect::kExcelFr ? ';' : ',')
      .WriteRow(ReviewColumns(options_));
}

void ReviewFileWriter::WriteRow(const InputRecord& record, const CodingResult& result,
                                const ReviewRowExtras& extras) {
  line_.clear();
  AppendReviewLine(codebook_, record, result, extras, options_, &line_);
  WriteLines(line_, 1);
}

void ReviewFileWriter::WriteLines(std::string_view lines, size_t rows) {
  out_.write(lines.data(), static_cast<std::streamsize>(lines.size()));
  rows_ += rows;
}

}  // namespace verbatim
