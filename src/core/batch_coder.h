// Coding batches of answers on several threads, results in input order.
//
// Design: a fixed pool of worker threads, started once and reused for every
// batch, so that a streaming caller pays nothing per chunk but a wake-up. A
// batch is cut into blocks of a few dozen answers handed out through an
// atomic counter, so threads stay busy when answers differ in length. Each
// answer's result goes to its own slot of the caller's vector, and
// CodeAnswer is a pure function of (codebook, answer), so the results are
// in input order and identical to coding the answers one by one on one
// thread, whatever the number of threads or how blocks were shared out.
//
// The calling thread is one of the `threads`: the pool starts threads - 1
// workers, and the caller codes too while it waits. Between Start and Wait
// the caller is free (to read the next chunk, or write the previous one's
// results) while the workers code: that is how a reader and writer overlap
// with coding. With threads == 1 there is no worker: Wait codes the whole
// batch on the calling thread.
//
// Thread safety: the caller's thread codes with `codebook`, read-only; each
// worker too, until its first batch of a thousand answers or more, when it
// compiles a replica of its own (CompiledCodebook::Replicate) so that long
// runs share no RE2 DFA cache. A CodingPool itself is driven by one thread:
// Start, Wait and CodeAll must not be called concurrently. Not copyable or
// movable (it owns running threads).
#ifndef VERBATIM_CORE_BATCH_CODER_H_
#define VERBATIM_CORE_BATCH_CODER_H_

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string_view>
#include <thread>
#include <vector>

#include "core/coder.h"
#include "core/compiled_codebook.h"

namespace verbatim {

class CodingPool {
 public:
  // `threads` <= 0 means every core (std::thread::hardware_concurrency(), at
  // least 1). REQUIRES: `codebook` outlives the pool.
  CodingPool(const CompiledCodebook& codebook, int threads);
  // Waits for a batch in flight, then stops and joins the workers.
  ~CodingPool();
  CodingPool(const CodingPool&) = delete;
  CodingPool& operator=(const CodingPool&) = delete;

  // The number of threads that code, the caller's included (>= 1).
  int threads() const { return threads_; }

  // What a thread does next with answers it has just coded: called with a
  // block [begin, end) of the batch by the thread that coded it, right
  // after, and with that thread's slot (0 for the caller, 1 to threads() - 1
  // for the workers), so per-thread state indexed by slot needs no lock.
  // Blocks are disjoint; calls for different blocks run at the same time.
  // (The streaming coder formats its output rows here, in parallel.)
  using AfterBlock = std::function<void(size_t begin, size_t end, int slot)>;

  // Begins coding texts[i] into (*results)[i]; `results` is resized to
  // texts.size() first (its elements' buffers are reused). Returns at once.
  // `after_block`, when set, runs after each block (see AfterBlock).
  // REQUIRES: no batch in flight (Wait was called after the last Start);
  // `texts`, the strings they view and `results` stay valid and untouched
  // until Wait returns.
  void Start(std::span<const std::string_view> texts, std::vector<CodingResult>* results,
             AfterBlock after_block = nullptr);

  // Codes what is left of the batch on the calling thread too, and returns
  // once every result is written. Does nothing when no batch is in flight.
  void Wait();

  // Start then Wait: codes every text; results in input order.
  void CodeAll(std::span<const std::string_view> texts, std::vector<CodingResult>* results);

 private:
  struct Batch;

  void WorkerLoop(int slot);
  // Claims blocks of `batch` until none is left, coding with `codebook`
  // (codebook_ or the thread's replica) and `scratch`.
  void RunBlocks(Batch& batch, const CompiledCodebook& codebook, CodingScratch* scratch, int slot);

  const CompiledCodebook& codebook_;
  const int threads_;
  CodingScratch caller_scratch_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable batch_done_;
  std::shared_ptr<Batch> batch_;  // Guarded by mutex_; null when none in flight.
  bool stopping_ = false;         // Guarded by mutex_.
  std::vector<std::thread> workers_;
};

// Codes every text on `threads` threads (<= 0: every core) into `results`,
// in input order, identical to CodeAnswer on each text. Starts and stops a
// pool: a caller with many batches keeps a CodingPool instead.
void CodeBatch(const CompiledCodebook& codebook, std::span<const std::string_view> texts,
               int threads, std::vector<CodingResult>* results);

}  // namespace verbatim

#endif  // VERBATIM_CORE_BATCH_CODER_H_
