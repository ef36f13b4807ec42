#include "io/review_file.h"

#include "core/evidence.h"

namespace verbatim {
namespace {
constexpr size_t kContextBytes = 40;
}

ReviewFileWriter::ReviewFileWriter(std::ostream& out, const CompiledCodebook& codebook)
    : csv_(out), codebook_(codebook) {
  csv_.WriteRow({"id", "row", "text", "proposed", "reasons", "details", "evidence", "decision",
                 "comment"});
}

void ReviewFileWriter::Write(const InputRecord& record, const CodingResult& result) {
  if (result.status != AnswerStatus::kDisputed || !record.error.empty()) return;
  csv_.WriteRow({record.id, std::to_string(record.row), record.text,
                 JoinCodeIds(codebook_.codebook(), result.proposed), JoinReasonNames(result),
                 JoinReasonDetails(result),
                 DescribeEvidence(codebook_, result, record.text, kContextBytes), "", ""});
  ++rows_;
}

}  // namespace verbatim
