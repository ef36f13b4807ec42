#include "run/coding_run.h"

#include <chrono>
#include <string_view>
#include <utility>
#include <vector>

#include "core/batch_coder.h"
#include "core/coder.h"

namespace verbatim {
namespace {

// Rows are read, coded and written in chunks of this many rows (or fewer
// when their text reaches kChunkTextBytes): large enough that handing a chunk
// to the pool costs nothing, small enough that three in memory do not show.
constexpr size_t kChunkRows = 2048;
constexpr size_t kChunkTextBytes = size_t{4} << 20;

struct Chunk {
  std::vector<InputRecord> records;  // Reused: strings keep their capacity.
  size_t size = 0;                   // Rows in use.
  std::vector<std::string_view> texts;
  std::vector<CodingResult> results;
  std::vector<ResolvedAnswer> resolved;
  // Per formatting sink: the bytes of a block of rows, held at the block's
  // first row (the other rows' entries are empty), and the output records
  // they hold, so that each block reaches its stream in one write.
  std::vector<std::vector<std::string>> formatted;
  std::vector<std::vector<size_t>> formatted_records;
};

// Fills `chunk` from `reader`. Returns false at the end of the input with an
// empty chunk. With `strict`, stops at the first bad row: *strict_error is
// then its message.
bool ReadChunk(RecordReader& reader, bool strict, Chunk* chunk, std::string* strict_error) {
  chunk->size = 0;
  size_t text_bytes = 0;
  while (chunk->size < kChunkRows && text_bytes < kChunkTextBytes) {
    if (chunk->records.size() == chunk->size) chunk->records.emplace_back();
    InputRecord& record = chunk->records[chunk->size];
    if (!reader.Next(&record)) break;
    if (strict && !record.error.empty()) {
      *strict_error = record.error;
      return false;
    }
    text_bytes += record.text.size();
    ++chunk->size;
  }
  chunk->texts.clear();
  for (size_t i = 0; i < chunk->size; ++i) {
    const InputRecord& record = chunk->records[i];
    // A row that could not be read is not coded (ResolveAnswer replaces its
    // result by the error); an empty view costs nothing to code.
    chunk->texts.emplace_back(record.error.empty() ? std::string_view(record.text)
                                                   : std::string_view());
  }
  return chunk->size > 0;
}

class Run {
 public:
  Run(RecordReader& reader, const CompiledCodebook& codebook, const RunOptions& options,
      std::span<RowSink* const> sinks, const RunProgress& progress)
      : reader_(reader), codebook_(codebook), options_(options), progress_(progress),
        summary_(codebook.codebook()) {
    for (RowSink* sink : sinks) (sink->FormatsOnCodingThreads() ? formatting_ : plain_).push_back(sink);
    for (RowSink* sink : sinks) all_.push_back(sink);
  }

  tl::expected<RunSummary, RunError> Go();

 private:
  // Runs after the pool codes rows [begin, end) of `chunk`, on the thread
  // that coded them: resolves them and formats them for the sinks that
  // format on the coding threads.
  CodingPool::AfterBlock AfterBlock(Chunk* chunk);
  // Hands a coded chunk's rows to the sinks and the tallies.
  void Emit(Chunk& chunk);
  bool Read(Chunk* chunk);

  RecordReader& reader_;
  const CompiledCodebook& codebook_;
  const RunOptions& options_;
  const RunProgress& progress_;
  std::vector<RowSink*> formatting_, plain_, all_;
  RunSummary summary_;
  DuplicateIds duplicate_ids_;
  std::string strict_error_;
};

CodingPool::AfterBlock Run::AfterBlock(Chunk* chunk) {
  chunk->resolved.resize(chunk->size);
  chunk->formatted.resize(formatting_.size());
  chunk->formatted_records.resize(formatting_.size());
  for (size_t s = 0; s < formatting_.size(); ++s) {
    chunk->formatted[s].resize(chunk->size);
    chunk->formatted_records[s].assign(chunk->size, 0);
  }
  return [this, chunk](size_t begin, size_t end, int slot) {
    for (size_t s = 0; s < formatting_.size(); ++s) {
      for (size_t i = begin; i < end; ++i) chunk->formatted[s][i].clear();
    }
    const Codebook& book = codebook_.codebook();
    for (size_t i = begin; i < end; ++i) {
      ResolveAnswer(chunk->records[i], &chunk->results[i], options_.ledger, book,
                    &chunk->resolved[i]);
      for (size_t s = 0; s < formatting_.size(); ++s) {
        chunk->formatted_records[s][begin] +=
            formatting_[s]->FormatRow(chunk->resolved[i], slot, &chunk->formatted[s][begin]);
      }
    }
  };
}

void Run::Emit(Chunk& chunk) {
  const auto started = std::chrono::steady_clock::now();
  for (size_t i = 0; i < chunk.size; ++i) {
    const ResolvedAnswer& row = chunk.resolved[i];
    const InputRecord& record = *row.record;
    if (options_.check_duplicate_ids) duplicate_ids_.Add(record.id, record.line);
    if (options_.ledger != nullptr) summary_.decisions.Add(record.id, row.match);
    for (size_t s = 0; s < formatting_.size(); ++s) {
      // A block's bytes, or nothing.
      if (!chunk.formatted[s][i].empty() || chunk.formatted_records[s][i] > 0) {
        formatting_[s]->Append(chunk.formatted[s][i], chunk.formatted_records[s][i]);
      }
    }
    for (RowSink* sink : all_) sink->Add(row);
    summary_.machine.Add(row.machine->status, row.machine->counted);
    summary_.final.Add(row.final.status, row.final.codes);
    summary_.changes.Add(row.machine->status, row.machine->counted, row.final.status,
                         row.final.codes);
    summary_.text_bytes += record.text.size();
  }
  summary_.write_seconds += SecondsSince(started);
  if (progress_) {
    const uint64_t consumed = reader_.BytesConsumed();
    progress_(summary_.final.rows(), consumed > 0 ? consumed : summary_.text_bytes);
  }
}

bool Run::Read(Chunk* chunk) {
  const auto started = std::chrono::steady_clock::now();
  const bool more = ReadChunk(reader_, options_.strict, chunk, &strict_error_);
  summary_.read_seconds += SecondsSince(started);
  return more;
}

tl::expected<RunSummary, RunError> Run::Go() {
  {
    // Three chunks: one read while the pool codes the next older one and
    // this thread hands the oldest to the sinks. Declared before the pool,
    // so that they outlive any batch in flight.
    Chunk chunks[3];
    Chunk* coding = &chunks[0];
    Chunk* next = &chunks[1];
    Chunk* done = &chunks[2];
    CodingPool pool(codebook_, options_.threads);
    summary_.threads = pool.threads();
    for (RowSink* sink : all_) sink->Prepare(pool.threads());
    bool have = Read(coding);
    if (have) pool.Start(coding->texts, &coding->results, AfterBlock(coding));
    while (have) {
      const bool have_next = Read(next);  // While the pool codes `coding`.
      Emit(*done);                        // The chunk coded before it.
      const auto wait_started = std::chrono::steady_clock::now();
      pool.Wait();
      summary_.code_seconds += SecondsSince(wait_started);
      std::swap(done, coding);  // Coded: handed to the sinks next time round.
      std::swap(coding, next);  // Read: coded now.
      have = have_next;
      if (have) pool.Start(coding->texts, &coding->results, AfterBlock(coding));
    }
    if (!strict_error_.empty()) {
      return tl::unexpected(RunError{RunFailure::kUnreadableRow, Error{strict_error_, {}}});
    }
    Emit(*done);
  }
  if (!duplicate_ids_.empty()) {
    return tl::unexpected(RunError{
        RunFailure::kDuplicateIds,
        Error{std::to_string(duplicate_ids_.count()) + " id(s) on more than one row: " +
                  duplicate_ids_.Describe(10),
              {}}});
  }
  for (const Tally* tally : {&summary_.machine, &summary_.final}) {
    size_t by_status = 0;
    for (AnswerStatus status : kAllAnswerStatuses) by_status += tally->status_count(status);
    if (by_status != tally->rows()) {
      return tl::unexpected(RunError{
          RunFailure::kInvariant,
          Error{"internal error: rows read (" + std::to_string(tally->rows()) +
                    ") != coded + uncoded + disputed + error (" + std::to_string(by_status) + ")",
                {}}});
    }
  }
  for (RowSink* sink : all_) {
    if (auto finished = sink->Finish(); !finished) {
      return tl::unexpected(RunError{RunFailure::kSinkFailed, finished.error()});
    }
  }
  return std::move(summary_);
}

}  // namespace

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

tl::expected<RunSummary, RunError> CodeInput(RecordReader& reader, const CompiledCodebook& codebook,
                                             const RunOptions& options,
                                             std::span<RowSink* const> sinks,
                                             const RunProgress& progress) {
  Run run(reader, codebook, options, sinks, progress);
  return run.Go();
}

}  // namespace verbatim
