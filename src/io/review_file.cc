#include "io/review_file.h"

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

bool NeedsReview(const InputRecord& record, const CodingResult& result) {
  return result.status == AnswerStatus::kDisputed && record.error.empty();
}

std::vector<std::string> ReviewColumns(const ReviewFileOptions& options) {
  std::vector<std::string> columns = {"id",       "row",      "text",    "proposed", "reasons",
                                      "details",  "evidence", "decision", "comment"};
  if (options.previous == PreviousDecisionColumn::kInclude) columns.push_back("previous_decision");
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

ReviewFileWriter::ReviewFileWriter(std::ostream& out, const CompiledCodebook& codebook,
                                   const ReviewFileOptions& options)
    : csv_(out, options.dialect == CsvDialect::kExcelFr ? ';' : ','),
      codebook_(codebook),
      options_(options) {
  if (options.dialect == CsvDialect::kExcelFr) out << kUtf8Bom;
  csv_.WriteRow(ReviewColumns(options_));
}

void ReviewFileWriter::Write(const InputRecord& record, const CodingResult& result) {
  if (NeedsReview(record, result)) WriteRow(record, result, ReviewRowExtras{});
}

void ReviewFileWriter::WriteRow(const InputRecord& record, const CodingResult& result,
                                const ReviewRowExtras& extras) {
  bool first = true;
  ForEachReviewCell(codebook_, record, result, extras, options_, [&](std::string_view cell) {
    csv_.WriteField(cell, first);
    first = false;
  });
  csv_.EndRow();
  ++rows_;
}

}  // namespace verbatim
