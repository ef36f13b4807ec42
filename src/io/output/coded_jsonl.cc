#include "io/output/coded_jsonl.h"

#include <cassert>
#include <nlohmann/json.hpp>

namespace verbatim {
namespace {

using nlohmann::json;

// Replace, not the default strict handler: a bad byte in an id must not
// throw out of a writer that runs after the row was coded.
std::string Quote(const std::string& text) {
  return json(text).dump(-1, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

void AppendArray(const std::vector<std::string>& items, std::string* out) {
  *out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) *out += ',';
    *out += Quote(items[i]);
  }
  *out += ']';
}

}  // namespace

CodedJsonlWriter::CodedJsonlWriter(std::ostream& out, const CompiledCodebook& codebook,
                                   CodedLayout layout)
    : out_(out), codebook_(codebook), layout_(std::move(layout)) {
  for (const std::string& name : CodedColumnNames(codebook.codebook(), layout_)) {
    keys_.push_back(Quote(name) + ':');
  }
}

void CodedJsonlWriter::Write(const InputRecord& record, const CodingResult& result) {
  Write(record, result, FinalCoding{result.status, result.counted}, DecisionMatch{});
}

void CodedJsonlWriter::Write(const InputRecord& record, const CodingResult& result,
                             const FinalCoding& final, const DecisionMatch& match) {
  const CodedRow row = MakeCodedRow(codebook_, record, result, final, match);
  size_t key = 0;
  line_.clear();
  // Keys come in CodedColumnNames order; the asserts keep the two in step.
  auto next_key = [&] {
    assert(key < keys_.size());
    line_ += key == 0 ? "{" : ",";
    line_ += keys_[key++];
  };
  next_key();
  line_ += std::to_string(row.row);
  next_key();
  line_ += Quote(row.id);
  next_key();
  line_ += Quote(std::string(AnswerStatusName(row.status)));
  next_key();
  AppendArray(row.codes, &line_);
  next_key();
  AppendArray(row.proposed, &line_);
  next_key();
  AppendArray(row.reasons, &line_);
  next_key();
  line_ += Quote(row.error);
  for (char flag : row.flags) {
    next_key();
    line_ += flag ? '1' : '0';
  }
  next_key();
  line_ += Quote(row.evidence);
  if (layout_.decisions == DecisionColumns::kInclude) {
    next_key();
    line_ += Quote(row.decided);
    next_key();
    line_ += Quote(row.decision);
    next_key();
    line_ += Quote(std::string(AnswerStatusName(row.machine_status)));
    next_key();
    AppendArray(row.machine_codes, &line_);
  }
  for (size_t i = 0; i < layout_.kept.size(); ++i) {
    next_key();
    line_ += Quote(i < record.extra.size() ? record.extra[i] : std::string());
  }
  assert(key == keys_.size());
  line_ += "}\n";
  out_ << line_;
}

}  // namespace verbatim
