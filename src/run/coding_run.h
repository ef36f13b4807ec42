// One coding run: every row of an input, read, coded, resolved and handed
// to the run's sinks, with the counts and the run's invariant.
//
// Design: the input is read in chunks of rows; a CodingPool codes chunk k
// on its threads while the driving thread reads chunk k+1 and hands chunk
// k-1's rows to the sinks, so reading, coding and writing overlap and memory
// holds three chunks whatever the input's size. The thread that codes a
// block of rows also resolves them (run/resolved_answer.h: read errors,
// decisions, the review rule) and formats them for the sinks that format
// on the coding threads; the driving thread hands everything to the sinks
// in input order, so every output is byte for byte the same for any number
// of threads. Every command that codes a file (code, report, diff, terms)
// goes through CodeInput.
#ifndef VERBATIM_RUN_CODING_RUN_H_
#define VERBATIM_RUN_CODING_RUN_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include "core/compiled_codebook.h"
#include "core/decided_counts.h"
#include "core/decision_apply.h"
#include "core/decision_ledger.h"
#include "core/duplicate_ids.h"
#include "core/status.h"
#include "core/tally.h"
#include "io/input/input_reader.h"
#include "run/row_sink.h"

namespace verbatim {

// Seconds from `start` to now, on the steady clock: the timings of a run
// (RunSummary, run.json).
double SecondsSince(std::chrono::steady_clock::time_point start);

struct RunOptions {
  int threads = 0;  // Threads that code; <= 0: every core.
  // Stop at the first row that cannot be read instead of making it an
  // error row. Default: false.
  bool strict = false;
  // Refuse ids found on more than one row. Default: true.
  bool check_duplicate_ids = true;
  // Reviewers' decisions applied over the machine's codes; null: none.
  const DecisionLedger* ledger = nullptr;
};

// Why a run failed. The caller turns it into a message and an exit code.
enum class RunFailure {
  kUnreadableRow,   // --strict: a row could not be read (the error locates it).
  kDuplicateIds,    // Ids on more than one row (the error lists them).
  kInvariant,       // Rows read != coded + uncoded + disputed + error: a bug.
  kSinkFailed,      // A sink's Finish failed (the error says why).
};

struct RunError {
  RunFailure failure;
  Error error;
};

struct RunSummary {
  explicit RunSummary(const Codebook& codebook)
      : machine(codebook), final(codebook), changes(codebook) {}
  Tally machine;          // The machine's counts.
  Tally final;            // With decisions applied (= machine without decisions).
  CountChanges changes;   // What the decisions changed.
  DecisionRunSummary decisions;
  int threads = 1;        // Threads that coded.
  uint64_t text_bytes = 0;
  // Wall time on the driving thread: reading, waiting for the pool, handing
  // rows to the sinks. They overlap with the workers' coding.
  double read_seconds = 0, code_seconds = 0, write_seconds = 0;
};

// Rows handed to the sinks so far and the input bytes consumed (for a
// progress line); called on the driving thread after each chunk.
using RunProgress = std::function<void(size_t rows, uint64_t bytes)>;

// Codes every row of `reader` and hands each, resolved, to every sink in
// input order, then Finishes the sinks. Checks the invariant rows read =
// coded + uncoded + disputed + error for the machine's and the final
// counts. On an error the sinks may hold part of the rows: the caller
// commits nothing.
tl::expected<RunSummary, RunError> CodeInput(RecordReader& reader, const CompiledCodebook& codebook,
                                             const RunOptions& options,
                                             std::span<RowSink* const> sinks,
                                             const RunProgress& progress = nullptr);

}  // namespace verbatim

#endif  // VERBATIM_RUN_CODING_RUN_H_
