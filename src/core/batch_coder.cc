#include "core/batch_coder.h"

#include <algorithm>
#include <atomic>

namespace verbatim {
namespace {

// Small enough to balance answers of uneven length over threads, large
// enough that claiming a block costs nothing next to coding it.
constexpr size_t kBlockSize = 32;

// A worker codes with the shared codebook until it meets a batch of at least
// this many answers, then compiles a replica of its own. Compiling one costs
// about what coding a few hundred answers does, and only long runs lose
// time to threads sharing DFA caches: a small input is coded sooner, and
// with a fraction of the CPU, without replicas. (The coding run's chunks
// hold 2048 rows, so every input longer than that gets replicas.)
constexpr size_t kMinAnswersForReplica = 1024;

int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

// One batch, shared by the threads coding it. A worker that wakes late holds
// the batch it was woken for, so it can never claim blocks of a later one.
struct CodingPool::Batch {
  std::span<const std::string_view> texts;
  std::vector<CodingResult>* results = nullptr;
  AfterBlock after_block;
  size_t blocks = 0;
  std::atomic<size_t> next_block{0};
  size_t blocks_left = 0;  // Guarded by CodingPool::mutex_.
};

CodingPool::CodingPool(const CompiledCodebook& codebook, int threads)
    : codebook_(codebook), threads_(ResolveThreads(threads)) {
  for (int slot = 1; slot < threads_; ++slot) {
    workers_.emplace_back([this, slot] { WorkerLoop(slot); });
  }
}

CodingPool::~CodingPool() {
  Wait();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void CodingPool::Start(std::span<const std::string_view> texts,
                       std::vector<CodingResult>* results, AfterBlock after_block) {
  results->resize(texts.size());
  auto batch = std::make_shared<Batch>();
  batch->texts = texts;
  batch->results = results;
  batch->after_block = std::move(after_block);
  batch->blocks = (texts.size() + kBlockSize - 1) / kBlockSize;
  batch->blocks_left = batch->blocks;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch_ = std::move(batch);
  }
  work_ready_.notify_all();
}

void CodingPool::Wait() {
  std::shared_ptr<Batch> batch;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch = batch_;
  }
  if (batch == nullptr) return;
  RunBlocks(*batch, codebook_, &caller_scratch_, /*slot=*/0);
  std::unique_lock<std::mutex> lock(mutex_);
  batch_done_.wait(lock, [&] { return batch->blocks_left == 0; });
  batch_.reset();
}

void CodingPool::CodeAll(std::span<const std::string_view> texts,
                         std::vector<CodingResult>* results) {
  Start(texts, results);
  Wait();
}

void CodingPool::RunBlocks(Batch& batch, const CompiledCodebook& codebook, CodingScratch* scratch,
                           int slot) {
  size_t done = 0;
  for (;;) {
    const size_t block = batch.next_block.fetch_add(1, std::memory_order_relaxed);
    if (block >= batch.blocks) break;
    const size_t end = std::min(batch.texts.size(), (block + 1) * kBlockSize);
    for (size_t i = block * kBlockSize; i < end; ++i) {
      CodeAnswer(codebook, batch.texts[i], scratch, &(*batch.results)[i]);
    }
    if (batch.after_block) batch.after_block(block * kBlockSize, end, slot);
    ++done;
  }
  if (done == 0) return;
  bool finished;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch.blocks_left -= done;
    finished = batch.blocks_left == 0;
  }
  if (finished) batch_done_.notify_all();
}

void CodingPool::WorkerLoop(int slot) {
  // The worker's own replica (see CompiledCodebook::Replicate), compiled on
  // the first large batch; until then, and for good if it cannot be had,
  // the shared codebook, which codes the same.
  std::unique_ptr<CompiledCodebook> replica;
  bool replica_tried = false;
  CodingScratch scratch;
  std::shared_ptr<Batch> seen;
  for (;;) {
    std::shared_ptr<Batch> batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || (batch_ != nullptr && batch_ != seen); });
      if (stopping_) return;
      batch = batch_;
    }
    seen = batch;
    if (!replica_tried && batch->texts.size() >= kMinAnswersForReplica) {
      replica_tried = true;
      if (auto compiled = codebook_.Replicate()) replica = std::move(*compiled);
    }
    RunBlocks(*batch, replica != nullptr ? *replica : codebook_, &scratch, slot);
  }
}

void CodeBatch(const CompiledCodebook& codebook, std::span<const std::string_view> texts,
               int threads, std::vector<CodingResult>* results) {
  CodingPool pool(codebook, threads);
  pool.CodeAll(texts, results);
}

}  // namespace verbatim
