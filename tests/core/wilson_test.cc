#include "core/wilson.h"

#include <gtest/gtest.h>

namespace verbatim {
namespace {

// Newcombe (1998), "Two-sided confidence intervals for the single
// proportion", Statistics in Medicine 17:857-872, table I, method 3
// (Wilson score without continuity correction), to 4 decimals.
struct KnownInterval {
  size_t successes;
  size_t trials;
  double low;
  double high;
};

TEST(WilsonTest, MatchesNewcombesPublishedIntervals) {
  const KnownInterval cases[] = {
      {81, 263, 0.2553, 0.3662},
      {15, 148, 0.0624, 0.1605},
      {0, 20, 0.0, 0.1611},
      {1, 29, 0.0061, 0.1718},
  };
  for (const KnownInterval& known : cases) {
    const ProportionInterval interval = WilsonInterval(known.successes, known.trials);
    EXPECT_NEAR(interval.low, known.low, 0.00005) << known.successes << "/" << known.trials;
    EXPECT_NEAR(interval.high, known.high, 0.00005) << known.successes << "/" << known.trials;
  }
}

TEST(WilsonTest, IsExactAtTheEndsAndStaysInsideZeroOne) {
  const ProportionInterval none = WilsonInterval(0, 10);
  EXPECT_EQ(none.low, 0.0);
  EXPECT_NEAR(none.high, 0.2775, 0.00005);
  const ProportionInterval all = WilsonInterval(10, 10);
  EXPECT_NEAR(all.low, 0.7225, 0.00005);
  EXPECT_EQ(all.high, 1.0);
  for (size_t n = 1; n <= 40; ++n) {
    for (size_t k = 0; k <= n; ++k) {
      const ProportionInterval interval = WilsonInterval(k, n);
      const double p = static_cast<double>(k) / static_cast<double>(n);
      EXPECT_LE(0.0, interval.low) << k << "/" << n;
      EXPECT_LE(interval.low, p) << k << "/" << n;
      EXPECT_LE(p, interval.high) << k << "/" << n;
      EXPECT_LE(interval.high, 1.0) << k << "/" << n;
    }
  }
}

TEST(WilsonTest, NarrowsAsTheGroupGrows) {
  const ProportionInterval small = WilsonInterval(2, 8);
  const ProportionInterval large = WilsonInterval(200, 800);
  EXPECT_NEAR(small.low, 0.0715, 0.00005);
  EXPECT_NEAR(small.high, 0.5907, 0.00005);
  EXPECT_LT(large.high - large.low, (small.high - small.low) / 5);
}

TEST(WilsonTest, NoTrialsKnowsNothing) {
  const ProportionInterval interval = WilsonInterval(0, 0);
  EXPECT_EQ(interval.low, 0.0);
  EXPECT_EQ(interval.high, 1.0);
}

}  // namespace
}  // namespace verbatim
