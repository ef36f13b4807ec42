#include "cli/progress_meter.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

namespace verbatim {
namespace {

TEST(ProgressMeterTest, WithATotalShowsBarPercentRateAndTimeLeft) {
  // 25 MB of 100 in 0.5 s: 50 MB/s, 1.5 s left.
  EXPECT_EQ(FormatProgress({123456, 25'000'000, 100'000'000, 0.5}),
            "[#####...............]  25%  123,456 rows  50.0 MB/s  0:02 left");
}

TEST(ProgressMeterTest, WithoutATotalShowsRowsRateAndElapsedTime) {
  EXPECT_EQ(FormatProgress({999, 61'000'000, 0, 61.0}), "999 rows  1.0 MB/s  1:01");
  EXPECT_EQ(FormatProgress({1'000'000, 0, 0, 3725.0}), "1,000,000 rows  0.0 MB/s  1:02:05");
}

TEST(ProgressMeterTest, NothingDoneYetHasNoTimeLeft) {
  EXPECT_EQ(FormatProgress({0, 0, 10, 0.0}), "[....................]   0%  0 rows  0.0 MB/s  ? left");
}

TEST(ProgressMeterTest, DisabledWritesNothing) {
  std::ostringstream out;
  ProgressMeter meter(out, /*enabled=*/false, 100);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  meter.Update(10, 50);
  meter.Finish();
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressMeterTest, EnabledDrawsInPlaceAndErasesTheLineAtTheEnd) {
  std::ostringstream out;
  ProgressMeter meter(out, /*enabled=*/true, 100);
  meter.Update(1, 1);  // Too soon after the start: not drawn.
  EXPECT_EQ(out.str(), "");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  meter.Update(10, 50);
  EXPECT_EQ(out.str().rfind("\r\x1b[K[##########..........]  50%  10 rows", 0), 0u) << out.str();
  meter.Finish();
  EXPECT_EQ(out.str().substr(out.str().size() - 4), "\r\x1b[K");
}

}  // namespace
}  // namespace verbatim
