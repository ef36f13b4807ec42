// Where a coding run's rows go: the coded table, the review file, the
// report, or a caller's function, each behind one small interface.
//
// Design: CodeInput (run/coding_run.h) hands every resolved row to each
// sink in input order, on the thread that drives the run (Add). A sink
// whose output is a pure function of the row may also format it on the
// coding threads, in parallel (FormatRow, into per-block text that Append
// later receives in input order): that keeps one writing thread from
// capping several coding threads, and the bytes are the same for any
// number of threads. Finish completes the output after the last row;
// committing the files is the caller's (io/output/output_set.h).
#ifndef VERBATIM_RUN_ROW_SINK_H_
#define VERBATIM_RUN_ROW_SINK_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/compiled_codebook.h"
#include "core/status.h"
#include "io/output/coded_jsonl.h"
#include "io/output/coded_table.h"
#include "io/report/report_builder.h"
#include "io/review/review_file.h"
#include "run/resolved_answer.h"

namespace verbatim {

class RowSink {
 public:
  virtual ~RowSink() = default;

  // True when the sink formats rows with FormatRow on the coding threads.
  virtual bool FormatsOnCodingThreads() const { return false; }
  // Called once before the first row with the number of coding threads.
  virtual void Prepare(int threads) { (void)threads; }
  // Appends the row's bytes to `block` and returns how many records (rows
  // of the output) they hold. Called on coding thread `slot` (0 to
  // threads - 1); calls for different blocks run at the same time.
  virtual size_t FormatRow(const ResolvedAnswer& row, int slot, std::string* block) {
    (void)row, (void)slot, (void)block;
    return 0;
  }
  // The formatted bytes of consecutive rows, in input order, with the
  // number of output records they hold.
  virtual void Append(std::string_view block, size_t records) { (void)block, (void)records; }
  // Every row, in input order, on the driving thread (after its block was
  // appended, for a sink that formats).
  virtual void Add(const ResolvedAnswer& row) { (void)row; }
  // After the last row: completes the output (a workbook is rendered here).
  virtual Result<void> Finish() { return {}; }
};

// The coded table as CSV (coded.csv), formatted on the coding threads.
class CodedCsvSink : public RowSink {
 public:
  // Writes the header. `out` and `codebook` outlive the sink.
  CodedCsvSink(std::ostream& out, const CompiledCodebook& codebook, CodedLayout layout);
  bool FormatsOnCodingThreads() const override { return true; }
  void Prepare(int threads) override;
  size_t FormatRow(const ResolvedAnswer& row, int slot, std::string* block) override;
  void Append(std::string_view block, size_t records) override;

 private:
  CodedTableWriter writer_;
  const CompiledCodebook& codebook_;
  CodedLayout layout_;
  std::vector<CodedRow> scratch_;  // One per coding thread.
};

// The coded table as JSON Lines, one object per row.
class CodedJsonlSink : public RowSink {
 public:
  CodedJsonlSink(std::ostream& out, const CompiledCodebook& codebook, CodedLayout layout);
  void Add(const ResolvedAnswer& row) override;

 private:
  CodedJsonlWriter writer_;
};

// The review file: the rows whose ResolvedAnswer::to_review is set, with a
// decision that could not be applied described for the reviewer. A CSV
// review file is formatted on the coding threads; a workbook is laid out
// row by row and rendered by Finish.
class ReviewSink : public RowSink {
 public:
  // `writer` writes to its stream; its rows_written() is rows().
  explicit ReviewSink(std::unique_ptr<ReviewWriter> writer);
  bool FormatsOnCodingThreads() const override { return csv_ != nullptr; }
  size_t FormatRow(const ResolvedAnswer& row, int slot, std::string* block) override;
  void Append(std::string_view block, size_t records) override;
  void Add(const ResolvedAnswer& row) override;
  Result<void> Finish() override { return writer_->Finish(); }
  size_t rows() const { return writer_->rows_written(); }

 private:
  std::unique_ptr<ReviewWriter> writer_;
  ReviewFileWriter* csv_ = nullptr;  // writer_, when it writes CSV.
};

// The report (io/report/report_builder.h): every row with its machine and
// final coding.
class ReportSink : public RowSink {
 public:
  explicit ReportSink(ReportBuilder* report) : report_(report) {}
  void Add(const ResolvedAnswer& row) override;

 private:
  ReportBuilder* report_;
};

// A caller's function, called for every row in input order.
class CallbackSink : public RowSink {
 public:
  explicit CallbackSink(std::function<void(const ResolvedAnswer&)> callback)
      : callback_(std::move(callback)) {}
  void Add(const ResolvedAnswer& row) override { callback_(row); }

 private:
  std::function<void(const ResolvedAnswer&)> callback_;
};

}  // namespace verbatim

#endif  // VERBATIM_RUN_ROW_SINK_H_
