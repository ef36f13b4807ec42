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

std::vector<std::string> ReviewCells(const CompiledCodebook& codebook, const InputRecord& record,
                                     const CodingResult& result, const ReviewRowExtras& extras,
                                     const ReviewFileOptions& options) {
  std::vector<std::string> cells = {record.id,
                                    std::to_string(record.row),
                                    record.text,
                                    JoinCodeIds(codebook.codebook(), result.proposed),
                                    JoinReasonNames(result),
                                    JoinReasonDetails(result),
                                    DescribeEvidence(codebook, result, record.text, kContextBytes),
                                    extras.decision,
                                    extras.comment};
  if (options.previous == PreviousDecisionColumn::kInclude) {
    cells.push_back(extras.previous_decision);
  }
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
  csv_.WriteRow(ReviewCells(codebook_, record, result, extras, options_));
  ++rows_;
}

}  // namespace verbatim
