#include "core/review_merge.h"

#include "core/decision.h"

namespace verbatim {
namespace {

// Spreadsheets hold at most 32,767 characters in a cell; a longer text is
// written cut, ending in "…" (io/review/review_xlsx.h).
constexpr size_t kCutTextMinBytes = 32000;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

std::string NormalizeLineEnds(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return TrimCell(out);
}

std::vector<std::string> SplitIds(const std::string& list) {
  std::vector<std::string> ids;
  std::string current;
  for (char c : list + ";") {
    if (c == ';' || c == ',') {
      std::string id = TrimCell(current);
      if (!id.empty()) ids.push_back(std::move(id));
      current.clear();
    } else {
      current += c;
    }
  }
  return ids;
}

class RowChecker {
 public:
  RowChecker(const Codebook& codebook, const DecisionBatchOptions& options, DecisionBatch* batch)
      : codebook_(codebook), options_(options), batch_(batch) {}

  void Error(const ReviewedRow& row, std::string message) {
    batch_->diagnostics.push_back(Diagnostic{
        Severity::kError, SourceLocation{options_.review_path, row.line, 0},
        (row.id.empty() ? std::string() : "answer " + row.id + ": ") + message});
  }

  // The proposal's code indices, or an error for each unknown id.
  bool ProposedCodes(const ReviewedRow& row, std::vector<int>* codes) {
    bool ok = true;
    for (const std::string& id : SplitIds(row.proposed)) {
      const int index = codebook_.FindCode(id);
      if (index >= 0) {
        codes->push_back(index);
        continue;
      }
      ok = false;
      Error(row, "the proposal names code '" + id + "', which codebook " + codebook_.info.id + " " +
                     codebook_.info.version +
                     " lacks (was the review file written with another codebook? give that one "
                     "with --codebook)");
    }
    return ok;
  }

 private:
  const Codebook& codebook_;
  const DecisionBatchOptions& options_;
  DecisionBatch* batch_;
};

}  // namespace

bool SameAnswerText(const std::string& review_copy, const std::string& run_text) {
  const std::string review = NormalizeLineEnds(review_copy);
  const std::string run = NormalizeLineEnds(run_text);
  if (review == run) return true;
  if (review.size() < kCutTextMinBytes || !review.ends_with(kEllipsis)) return false;
  const std::string_view kept = std::string_view(review).substr(0, review.size() - kEllipsis.size());
  return std::string_view(run).starts_with(kept);
}

DecisionBatch BuildDecisionRecords(const std::vector<ReviewedRow>& rows,
                                   const std::unordered_map<std::string, RunAnswer>& run,
                                   const Codebook& codebook, const DecisionBatchOptions& options) {
  DecisionBatch batch;
  RowChecker checker(codebook, options, &batch);
  std::unordered_map<std::string, int> decided_at_line;
  for (const ReviewedRow& row : rows) {
    if (IsBlankDecision(row.decision)) {
      ++batch.blank;
      continue;
    }
    const size_t errors_before = batch.diagnostics.size();
    const std::string written = TrimDecision(row.decision);
    if (TrimCell(row.id).empty()) {
      checker.Error(row, "decision '" + written + "' on a row without an id");
      continue;
    }
    if (auto [it, added] = decided_at_line.emplace(row.id, row.line); !added) {
      checker.Error(row, "decided twice in this file (also at line " + std::to_string(it->second) +
                             "): keep one decision per answer");
    }
    const auto found = run.find(row.id);
    const RunAnswer* answer = found == run.end() ? nullptr : &found->second;
    if (answer == nullptr) {
      checker.Error(row, "not an answer of " + options.input_name +
                             " (the run's input): check the id, or give the input with --input");
    } else if (answer->occurrences > 1) {
      checker.Error(row, "the id is not unique in " + options.input_name + " (" +
                             std::to_string(answer->occurrences) +
                             " rows): decisions need one answer per id (use --id-column)");
    } else if (answer->unreadable) {
      checker.Error(row, "the answer could not be read from " + options.input_name +
                             " (an error row): fix the input first");
    } else if (!SameAnswerText(row.text, answer->text)) {
      checker.Error(row, "the text in the review file differs from the answer in " +
                             options.input_name +
                             ": was the input edited since the review file was written? Re-run "
                             "'verbatim code' and review the new file");
    }

    auto decision = ParseDecision(row.decision);
    if (!decision) {
      std::string message = decision.error().message;
      if (decision.error().location.column > 1) {
        message += " (at character " + std::to_string(decision.error().location.column) + ")";
      }
      checker.Error(row, message);
      continue;
    }
    for (const verbatim::Error& unknown : CheckDecisionCodes(*decision, codebook)) {
      checker.Error(row, unknown.message + " in decision '" + written + "'");
    }
    std::vector<int> proposed;
    const bool uses_proposal =
        decision->kind == DecisionKind::kAccept || decision->kind == DecisionKind::kEdit;
    if (uses_proposal && !options.has_proposed_column) {
      checker.Error(row, "decision '" + written +
                             "' refers to the proposal, but the file has no 'proposed' column");
    } else if (uses_proposal) {
      checker.ProposedCodes(row, &proposed);
    } else {
      // Kept for the record only: an unknown id here does not matter.
      for (const std::string& id : SplitIds(row.proposed)) {
        if (const int index = codebook.FindCode(id); index >= 0) proposed.push_back(index);
      }
    }
    if (batch.diagnostics.size() != errors_before || answer == nullptr) continue;

    auto codes = ResolveDecision(*decision, proposed, codebook);
    if (!codes) {
      checker.Error(row, codes.error().message);
      continue;
    }
    DecisionRecord record;
    record.id = row.id;
    record.text_sha256 = answer->text_sha256;
    for (int code : *codes) record.codes.push_back(codebook.codes[code].id);
    record.decision = written;
    record.comment = TrimCell(row.comment);
    record.decided_at = options.decided_at;
    record.codebook_id = codebook.info.id;
    record.codebook_version = codebook.info.version;
    for (int code : CanonicalCodeSet(proposed, codebook)) {
      record.proposed.push_back(codebook.codes[code].id);
    }
    record.text = answer->text;
    batch.records.push_back(std::move(record));
  }
  if (!batch.diagnostics.empty()) batch.records.clear();
  return batch;
}

}  // namespace verbatim
