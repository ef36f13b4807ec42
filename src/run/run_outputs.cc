#include "run/run_outputs.h"

#include <filesystem>

#include "io/output/output_folder.h"
#include "io/output/temporary_files.h"
#include "io/review/review_xlsx.h"

namespace verbatim {

std::optional<StdoutFormat> ParseStdoutFormat(const std::string& name) {
  if (name == "csv") return StdoutFormat::kCodedCsv;
  if (name == "jsonl") return StdoutFormat::kCodedJsonl;
  if (name == "counts") return StdoutFormat::kCounts;
  return std::nullopt;
}

std::string ReviewPath(const OutputChoice& choice) {
  return (std::filesystem::path(choice.dir) /
          (choice.review_format == ReviewFormat::kXlsx ? "review.xlsx" : "review.csv"))
      .string();
}

Result<void> OpenRunOutputs(const OutputChoice& choice, const CompiledCodebook& codebook,
                            std::ostream& stdout_stream, RunOutputs* outputs) {
  CodedLayout columns(choice.with_decisions ? DecisionColumns::kInclude : DecisionColumns::kOmit);
  columns.kept = choice.kept_columns;
  columns.dialect = choice.dialect;
  switch (choice.stdout_format) {
    case StdoutFormat::kCodedCsv:
      outputs->sinks.push_back(std::make_unique<CodedCsvSink>(stdout_stream, codebook, columns));
      return {};
    case StdoutFormat::kCodedJsonl:
      outputs->sinks.push_back(std::make_unique<CodedJsonlSink>(stdout_stream, codebook, columns));
      return {};
    case StdoutFormat::kCounts:
      outputs->counts = &stdout_stream;
      return {};
    case StdoutFormat::kNone:
      break;
  }
  const std::filesystem::path dir(choice.dir);
  auto coded = outputs->files.Open((dir / "coded.csv").string());
  if (!coded) return tl::unexpected(coded.error());
  outputs->sinks.push_back(std::make_unique<CodedCsvSink>(**coded, codebook, columns));

  auto review = outputs->files.Open(ReviewPath(choice));
  if (!review) return tl::unexpected(review.error());
  ReviewFileOptions review_options;
  review_options.dialect = choice.dialect;
  review_options.kept = choice.kept_columns;
  review_options.previous =
      choice.with_decisions ? PreviousDecisionColumn::kInclude : PreviousDecisionColumn::kOmit;
  std::unique_ptr<ReviewWriter> review_writer;
  if (choice.review_format == ReviewFormat::kXlsx) {
    auto opened = OpenXlsxReviewWriter(**review, codebook, review_options);
    if (!opened) return tl::unexpected(opened.error());
    review_writer = std::move(*opened);
  } else {
    review_writer = std::make_unique<ReviewFileWriter>(**review, codebook, review_options);
  }
  auto review_sink = std::make_unique<ReviewSink>(std::move(review_writer));
  outputs->review = review_sink.get();
  outputs->sinks.push_back(std::move(review_sink));

  auto counts = outputs->files.Open((dir / "counts.csv").string());
  if (!counts) return tl::unexpected(counts.error());
  outputs->counts = *counts;
  auto manifest = outputs->files.Open((dir / "run.json").string());
  if (!manifest) return tl::unexpected(manifest.error());
  outputs->manifest = *manifest;
  if (choice.counts_xlsx) {
    auto counts_xlsx = outputs->files.Open((dir / "counts.xlsx").string());
    if (!counts_xlsx) return tl::unexpected(counts_xlsx.error());
    outputs->counts_xlsx = *counts_xlsx;
  }
  if (choice.report) {
    auto html = outputs->files.Open((dir / "report.html").string());
    if (!html) return tl::unexpected(html.error());
    auto chart = outputs->files.Open((dir / "chart.svg").string());
    if (!chart) return tl::unexpected(chart.error());
    outputs->report_html = *html;
    outputs->report_chart = *chart;
    outputs->report.emplace(codebook, ReportOptions{choice.input_path, ChartOrder::kCodebook, "",
                                                    choice.with_decisions});
    outputs->sinks.push_back(std::make_unique<ReportSink>(&*outputs->report));
  }
  return {};
}

Result<std::vector<std::string>> PrepareOutputFolder(const std::string& dir) {
  if (auto created = CreateOutputFolder(dir); !created) return tl::unexpected(created.error());
  static const std::string kOutputs[] = {"coded.csv", "review.csv",  "review.xlsx", "counts.csv",
                                         "run.json",  "report.html", "chart.svg", "counts.xlsx"};
  return RemoveStaleTemporaryFiles(dir, kOutputs);
}

}  // namespace verbatim
