#include "cli/progress_meter.h"

#include <algorithm>

#include <fmt/format.h>

namespace verbatim {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(250);
constexpr int kBarWidth = 20;

std::string GroupThousands(uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Duration(double seconds) {
  const auto whole = static_cast<uint64_t>(std::max(0.0, seconds) + 0.5);
  if (whole >= 3600) return fmt::format("{}:{:02}:{:02}", whole / 3600, whole / 60 % 60, whole % 60);
  return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

}  // namespace

std::string FormatProgress(const ProgressState& state) {
  const double megabytes_per_second =
      state.seconds > 0 ? static_cast<double>(state.bytes) / 1e6 / state.seconds : 0.0;
  const std::string rate = fmt::format("{} rows  {:.1f} MB/s", GroupThousands(state.rows),
                                       megabytes_per_second);
  if (state.total_bytes == 0) return fmt::format("{}  {}", rate, Duration(state.seconds));
  const double fraction =
      std::min(1.0, static_cast<double>(state.bytes) / static_cast<double>(state.total_bytes));
  const int filled = static_cast<int>(fraction * kBarWidth);
  std::string bar = "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "]";
  std::string left = "?";
  if (state.bytes > 0 && state.seconds > 0) {
    left = Duration(state.seconds * static_cast<double>(state.total_bytes - std::min(state.bytes, state.total_bytes)) /
                    static_cast<double>(state.bytes));
  }
  return fmt::format("{} {:3}%  {}  {} left", bar, static_cast<int>(fraction * 100), rate, left);
}

ProgressMeter::ProgressMeter(std::ostream& out, bool enabled, uint64_t total_bytes)
    : out_(out), enabled_(enabled), total_bytes_(total_bytes), started_(Clock::now()),
      last_draw_(started_) {}

void ProgressMeter::Update(uint64_t rows, uint64_t bytes) {
  if (!enabled_) return;
  const Clock::time_point now = Clock::now();
  if (now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  out_ << "\r\x1b[K" << FormatProgress({rows, bytes, total_bytes_, seconds}) << std::flush;
  drawn_ = true;
}

void ProgressMeter::Finish() {
  if (!enabled_ || !drawn_) return;
  out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace verbatim
