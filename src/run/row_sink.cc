#include "run/row_sink.h"

namespace verbatim {

CodedCsvSink::CodedCsvSink(std::ostream& out, const CompiledCodebook& codebook,
                           CodedLayout layout)
    : writer_(out, codebook, layout), codebook_(codebook), layout_(std::move(layout)) {}

void CodedCsvSink::Prepare(int threads) { scratch_.resize(static_cast<size_t>(threads)); }

size_t CodedCsvSink::FormatRow(const ResolvedAnswer& row, int slot, std::string* block) {
  AppendCodedLine(codebook_, layout_, *row.record, *row.machine, row.final, row.match,
                  &scratch_[static_cast<size_t>(slot)], block);
  return 1;
}

void CodedCsvSink::Append(std::string_view block, size_t) { writer_.WriteLine(block); }

CodedJsonlSink::CodedJsonlSink(std::ostream& out, const CompiledCodebook& codebook,
                               CodedLayout layout)
    : writer_(out, codebook, std::move(layout)) {}

void CodedJsonlSink::Add(const ResolvedAnswer& row) {
  writer_.Write(*row.record, *row.machine, row.final, row.match);
}

ReviewSink::ReviewSink(std::unique_ptr<ReviewWriter> writer) : writer_(std::move(writer)) {
  csv_ = dynamic_cast<ReviewFileWriter*>(writer_.get());
}

size_t ReviewSink::FormatRow(const ResolvedAnswer& row, int, std::string* block) {
  if (!row.to_review) return 0;
  AppendReviewLine(csv_->codebook(), *row.record, *row.machine,
                   ReviewRowExtras{DescribeUnapplied(row.match), "", ""}, csv_->options(), block);
  return 1;
}

void ReviewSink::Append(std::string_view block, size_t records) {
  csv_->WriteLines(block, records);
}

void ReviewSink::Add(const ResolvedAnswer& row) {
  if (csv_ != nullptr || !row.to_review) return;  // CSV rows came through Append.
  writer_->WriteRow(*row.record, *row.machine,
                    ReviewRowExtras{DescribeUnapplied(row.match), "", ""});
}

void ReportSink::Add(const ResolvedAnswer& row) {
  report_->Add(*row.record, *row.machine, row.final, row.match);
}

}  // namespace verbatim
