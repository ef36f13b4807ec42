#include "io/report/report_builder.h"

#include <ctime>
#include <filesystem>
#include <unordered_map>
#include <utility>

#include "core/evidence.h"
#include "core/id_list.h"
#include "io/output/output_folder.h"
#include "io/output/output_set.h"
#include "io/input/code_sets_reader.h"
#include "io/report/report_chart.h"
#include "io/input/sha256.h"
#include "io/output/utc_time.h"

namespace verbatim {
namespace {

std::vector<std::string> CodeIds(const Codebook& codebook, const std::vector<int>& codes) {
  std::vector<std::string> ids;
  for (int code : codes) ids.push_back(codebook.codes[code].id);
  return ids;
}

}  // namespace

ReportBuilder::ReportBuilder(const CompiledCodebook& codebook, ReportOptions options)
    : codebook_(&codebook),
      tally_(codebook.codebook()),
      machine_tally_(codebook.codebook()),
      changes_(codebook.codebook()) {
  header_.input_path = std::move(options.input_path);
  header_.with_decisions = options.with_decisions;
  header_.order = options.order;
  header_.generated_at = options.generated_at.empty() ? UtcNow() : std::move(options.generated_at);
  if (auto digest = Sha256File(codebook.codebook().path)) header_.codebook_sha256 = *digest;
}

void ReportBuilder::Add(const InputRecord& record, const CodingResult& result) {
  Add(record, result, FinalCodingOf(result, DecisionMatch{}), DecisionMatch{});
}

void ReportBuilder::Add(const InputRecord& record, const CodingResult& result,
                        const FinalCoding& final, const DecisionMatch& match) {
  ReportAnswer answer{record.row, record.id, record.text, result, final.status, final.codes,
                      match.state, {}};
  // The page never reads the normalized text; dropping it halves the memory.
  answer.result.normalized = NormalizedText{};
  if (match.state == DecisionState::kApplied) {
    answer.decision_note = match.record->decision;
    ++header_.decided_by_reviewer;
  } else {
    answer.decision_note = DescribeUnapplied(match);
  }
  answers_.push_back(std::move(answer));
  tally_.Add(final.status, final.codes);
  machine_tally_.Add(result.status, result.counted);
  changes_.Add(result.status, result.counted, final.status, final.codes);
}

Result<void> ReportBuilder::CompareWithGold(const std::string& gold_path) {
  auto gold = ReadGoldCodes(gold_path);
  if (!gold) return tl::unexpected(gold.error());
  std::vector<std::string> gold_ids, machine_ids;
  for (const CodedAnswer& answer : *gold) gold_ids.push_back(answer.id);
  for (const ReportAnswer& answer : answers_) machine_ids.push_back(answer.id);
  const IdMismatch mismatch = CompareAnswerIds(gold_ids, machine_ids);
  if (!mismatch.gold_only.empty() || !mismatch.machine_only.empty()) {
    std::string message = gold_path + ": the answer ids differ from the input's";
    if (!mismatch.gold_only.empty())
      message += "; in the gold file only: " + JoinIds(mismatch.gold_only, 20);
    if (!mismatch.machine_only.empty())
      message += "; in the input only: " + JoinIds(mismatch.machine_only, 20);
    return MakeError(message);
  }
  const Codebook& codebook = codebook_->codebook();
  std::unordered_map<std::string, const ReportAnswer*> by_id;
  for (const ReportAnswer& answer : answers_) by_id.emplace(answer.id, &answer);
  std::vector<AnswerCodes> pairs;
  for (const CodedAnswer& gold_answer : *gold) {
    const ReportAnswer& machine = *by_id.at(gold_answer.id);
    pairs.push_back(AnswerCodes{gold_answer.id, gold_answer.codes,
                                CodeIds(codebook, machine.result.proposed),
                                machine.result.status == AnswerStatus::kDisputed,
                                DescribeEvidence(*codebook_, machine.result, machine.text, 0)});
  }
  const std::vector<Diagnostic> unknown = CheckAnswerCodes(codebook, pairs);
  if (!unknown.empty()) {
    std::string message = gold_path + ": " + unknown.front().message;
    if (unknown.size() > 1) message += " (and " + std::to_string(unknown.size() - 1) + " more)";
    return MakeError(message);
  }
  auto report = ComputeAgreement(codebook, pairs, ReviewFlags::kPresent);
  if (!report) return tl::unexpected(report.error());
  agreement_ = std::move(*report);
  gold_path_ = gold_path;
  return {};
}

void ReportBuilder::WriteHtml(std::ostream& out) const {
  ReportPage page;
  page.codebook = codebook_;
  page.header = header_;
  page.answers = answers_;
  page.tally = &tally_;
  std::vector<DecidedCountRow> decided_rows;
  if (header_.with_decisions) {
    decided_rows = BuildDecidedCountRows(codebook_->codebook(), machine_tally_, tally_, changes_);
  }
  page.decided_rows = decided_rows;
  page.agreement = agreement_ ? &*agreement_ : nullptr;
  page.gold_path = gold_path_;
  page.by = by_;
  page.groups = group_charts_;
  WriteReportHtml(page, out);
}

void ReportBuilder::WriteChart(std::ostream& out) const {
  const Codebook& codebook = codebook_->codebook();
  WriteChartSvg(out, BuildChartBars(codebook, tally_, header_.order), tally_.rows(),
                codebook.info.question.empty() ? codebook.info.id : codebook.info.question,
                SvgDocument::kStandalone);
}

Result<void> ReportBuilder::Write(const std::string& out_dir) const {
  if (auto created = CreateOutputFolder(out_dir); !created) {
    return tl::unexpected(created.error());
  }
  const std::filesystem::path dir(out_dir);
  OutputSet files;
  auto html = files.Open((dir / "report.html").string());
  if (!html) return tl::unexpected(html.error());
  auto chart = files.Open((dir / "chart.svg").string());
  if (!chart) return tl::unexpected(chart.error());
  WriteHtml(**html);
  WriteChart(**chart);
  return files.Commit();
}

}  // namespace verbatim
