#include "core/sampling.h"

#include <gtest/gtest.h>

#include <numeric>
#include <set>

namespace verbatim {
namespace {

TEST(SamplingTest, DrawBelowStaysInRangeAndReachesEveryValue) {
  std::mt19937_64 engine(7);
  std::vector<int> seen(6, 0);
  for (int i = 0; i < 6000; ++i) {
    const uint64_t value = DrawBelow(engine, 6);
    ASSERT_LT(value, 6u);
    ++seen[value];
  }
  for (int count : seen) EXPECT_GT(count, 800) << "roughly uniform: 1000 expected";
  EXPECT_EQ(DrawBelow(engine, 1), 0u);
}

// The raw output of std::mt19937_64 is fixed by the standard (its 10000th
// value from the default seed is 9981545732273789042), and DrawBelow uses
// nothing else: these values are the same with every standard library.
TEST(SamplingTest, DrawsAreFixedForASeed) {
  std::mt19937_64 check;
  check.discard(9999);
  ASSERT_EQ(check(), 9981545732273789042ull);
  std::mt19937_64 engine(42);
  std::vector<uint64_t> draws;
  for (int i = 0; i < 5; ++i) draws.push_back(DrawBelow(engine, 1000));
  std::mt19937_64 again(42);
  std::vector<uint64_t> expected;
  for (int i = 0; i < 5; ++i) expected.push_back(again() % 1000);  // No rejection at 1000.
  EXPECT_EQ(draws, expected);
}

TEST(SamplingTest, DrawWithoutReplacementIsDeterministicSortedAndDistinct) {
  std::mt19937_64 a(2026), b(2026), c(2027);
  const std::vector<size_t> first = DrawWithoutReplacement(3516, 25, a);
  EXPECT_EQ(first, DrawWithoutReplacement(3516, 25, b));
  EXPECT_NE(first, DrawWithoutReplacement(3516, 25, c));
  ASSERT_EQ(first.size(), 25u);
  EXPECT_TRUE(std::is_sorted(first.begin(), first.end()));
  EXPECT_EQ(std::set<size_t>(first.begin(), first.end()).size(), 25u);
  EXPECT_LT(first.back(), 3516u);
}

TEST(SamplingTest, AskingForMoreThanThePopulationGivesEveryIndex) {
  std::mt19937_64 engine(1);
  EXPECT_EQ(DrawWithoutReplacement(4, 10, engine), (std::vector<size_t>{0, 1, 2, 3}));
  EXPECT_TRUE(DrawWithoutReplacement(0, 3, engine).empty());
}

TEST(SamplingTest, EverySubsetCanBeDrawn) {
  // 3 of 5: all 10 subsets appear over enough seeds.
  std::set<std::vector<size_t>> subsets;
  for (uint64_t seed = 0; seed < 500; ++seed) {
    std::mt19937_64 engine(seed);
    subsets.insert(DrawWithoutReplacement(5, 3, engine));
  }
  EXPECT_EQ(subsets.size(), 10u);
}

struct AllocationCase {
  std::vector<size_t> sizes;
  size_t n;
  std::vector<size_t> expected;
};

class AllocationTest : public ::testing::TestWithParam<AllocationCase> {};

TEST_P(AllocationTest, IsProportionalWithOneAtLeastAndSumsToN) {
  const AllocationCase& c = GetParam();
  auto counts = AllocateProportional(c.sizes, c.n);
  ASSERT_TRUE(counts.has_value()) << counts.error().message;
  EXPECT_EQ(*counts, c.expected);
  const size_t total = std::accumulate(c.sizes.begin(), c.sizes.end(), size_t{0});
  EXPECT_EQ(std::accumulate(counts->begin(), counts->end(), size_t{0}), std::min(c.n, total));
  for (size_t s = 0; s < c.sizes.size(); ++s) {
    EXPECT_LE((*counts)[s], c.sizes[s]);
    if (c.sizes[s] > 0) {
      EXPECT_GE((*counts)[s], 1u);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, AllocationTest,
    ::testing::Values(AllocationCase{{50, 30, 20}, 10, {5, 3, 2}},
                      AllocationCase{{3000, 400, 116}, 25, {21, 3, 1}},
                      AllocationCase{{990, 5, 5}, 10, {8, 1, 1}},  // Minimum of one.
                      AllocationCase{{1, 1, 1}, 3, {1, 1, 1}},
                      AllocationCase{{10, 0, 10}, 5, {3, 0, 2}},   // Tie: earlier stratum.
                      AllocationCase{{2, 3}, 100, {2, 3}},         // More than there is.
                      AllocationCase{{700, 200, 100}, 100, {70, 20, 10}}));

TEST(SamplingTest, AllocationNeedsOnePerNonEmptyStratum) {
  const std::vector<size_t> sizes = {5, 5, 0, 5};
  auto counts = AllocateProportional(sizes, 2);
  ASSERT_FALSE(counts.has_value());
  EXPECT_NE(counts.error().message.find("one answer from each of 3 non-empty strata"),
            std::string::npos)
      << counts.error().message;
}

TEST(SamplingTest, StratifiedSampleDrawsEachStratumsShareFromIt) {
  const std::vector<std::vector<size_t>> strata = {{0, 2, 4, 6, 8, 10, 12, 14}, {1, 3}, {5}};
  std::vector<size_t> per_stratum;
  auto chosen = DrawStratifiedSample(strata, 5, 99, &per_stratum);
  ASSERT_TRUE(chosen.has_value());
  EXPECT_EQ(per_stratum, (std::vector<size_t>{3, 1, 1}));
  ASSERT_EQ(chosen->size(), 5u);
  EXPECT_TRUE(std::is_sorted(chosen->begin(), chosen->end()));
  int even = 0;
  for (size_t index : *chosen) even += index % 2 == 0 && index != 5;
  EXPECT_EQ(even, 3);
  EXPECT_NE(std::find(chosen->begin(), chosen->end(), 5u), chosen->end());
  EXPECT_EQ(*chosen, *DrawStratifiedSample(strata, 5, 99, nullptr)) << "same seed, same sample";
}

}  // namespace
}  // namespace verbatim
