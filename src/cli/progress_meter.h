// A progress line for long runs, on a terminal's stderr.
//
// Design: the caller reports progress after each chunk it writes; the meter
// redraws at most every 250 ms, with "\r" and an erase-to-end-of-line, so a
// run prints one line that updates in place, and Finish() erases it. When
// disabled (stderr is not a terminal, or --quiet), it writes nothing at all:
// logs and pipes stay clean. Time left is only shown when the input's size
// is known (a file, not standard input).
#ifndef VERBATIM_CLI_PROGRESS_METER_H_
#define VERBATIM_CLI_PROGRESS_METER_H_

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace verbatim {

struct ProgressState {
  uint64_t rows = 0;
  uint64_t bytes = 0;        // Input bytes consumed so far.
  uint64_t total_bytes = 0;  // 0 when unknown (standard input).
  double seconds = 0;        // Since the start.
};

// "[#######.............]  35%  123,456 rows  87.3 MB/s  0:12 left", or,
// without a total, "123,456 rows  87.3 MB/s  0:04". Pure, for tests.
std::string FormatProgress(const ProgressState& state);

class ProgressMeter {
 public:
  using Clock = std::chrono::steady_clock;

  // `out` must outlive the meter. Disabled: every call is a no-op.
  ProgressMeter(std::ostream& out, bool enabled, uint64_t total_bytes);
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  // Redraws when 250 ms passed since the last draw.
  void Update(uint64_t rows, uint64_t bytes);
  // Erases the line (if one was drawn).
  void Finish();

 private:
  std::ostream& out_;
  const bool enabled_;
  const uint64_t total_bytes_;
  const Clock::time_point started_;
  Clock::time_point last_draw_;
  bool drawn_ = false;
};

}  // namespace verbatim

#endif  // VERBATIM_CLI_PROGRESS_METER_H_
