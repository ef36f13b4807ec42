#include "core/sampling.h"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <string>

namespace verbatim {

uint64_t DrawBelow(std::mt19937_64& engine, uint64_t bound) {
  assert(bound > 0);
  // 2^64 mod bound, computed in 64 bits: (2^64 - bound) mod bound.
  const uint64_t rejected = (0 - bound) % bound;
  while (true) {
    const uint64_t r = engine();
    if (r >= rejected) return r % bound;
  }
}

std::vector<size_t> DrawWithoutReplacement(size_t population, size_t n, std::mt19937_64& engine) {
  std::vector<size_t> order(population);
  std::iota(order.begin(), order.end(), size_t{0});
  const size_t take = std::min(n, population);
  for (size_t i = 0; i < take; ++i) {
    const size_t j = i + static_cast<size_t>(DrawBelow(engine, population - i));
    std::swap(order[i], order[j]);
  }
  order.resize(take);
  std::sort(order.begin(), order.end());
  return order;
}

Result<std::vector<size_t>> AllocateProportional(std::span<const size_t> sizes, size_t n) {
  const size_t total = std::accumulate(sizes.begin(), sizes.end(), size_t{0});
  const size_t non_empty =
      static_cast<size_t>(std::count_if(sizes.begin(), sizes.end(), [](size_t s) { return s > 0; }));
  std::vector<size_t> counts(sizes.size(), 0);
  if (n >= total) return std::vector<size_t>(sizes.begin(), sizes.end());
  if (n < non_empty) {
    return MakeError("a sample of " + std::to_string(n) + " cannot hold one answer from each of " +
                     std::to_string(non_empty) + " non-empty strata");
  }
  // Remainders as exact fractions over `total`: (n * size) mod total.
  std::vector<size_t> remainder(sizes.size(), 0);
  size_t given = 0;
  for (size_t s = 0; s < sizes.size(); ++s) {
    if (sizes[s] == 0) continue;
    counts[s] = std::max<size_t>(1, n * sizes[s] / total);
    remainder[s] = n * sizes[s] % total;
    given += counts[s];
  }
  std::vector<size_t> by_remainder(sizes.size());
  std::iota(by_remainder.begin(), by_remainder.end(), size_t{0});
  std::stable_sort(by_remainder.begin(), by_remainder.end(),
                   [&](size_t a, size_t b) { return remainder[a] > remainder[b]; });
  // Short: the largest remainders first, then any stratum with room.
  for (size_t pass = 0; given < n && pass < 2; ++pass) {
    for (size_t s : by_remainder) {
      if (given == n) break;
      if (counts[s] < sizes[s] && (pass == 1 || remainder[s] > 0)) ++counts[s], ++given;
    }
  }
  // Over (the minimum of one pushed it up): back from the smallest remainders.
  // One unit per stratum per pass, so that no single stratum pays for all.
  while (given > n) {
    for (auto it = by_remainder.rbegin(); given > n && it != by_remainder.rend(); ++it) {
      if (counts[*it] > 1) --counts[*it], --given;
    }
  }
  assert(given == n);
  return counts;
}

Result<std::vector<size_t>> DrawStratifiedSample(std::span<const std::vector<size_t>> strata,
                                                 size_t n, uint64_t seed,
                                                 std::vector<size_t>* per_stratum) {
  std::vector<size_t> sizes;
  for (const std::vector<size_t>& stratum : strata) sizes.push_back(stratum.size());
  auto counts = AllocateProportional(sizes, n);
  if (!counts) return tl::unexpected(counts.error());
  std::mt19937_64 engine(seed);
  std::vector<size_t> chosen;
  for (size_t s = 0; s < strata.size(); ++s) {
    for (size_t k : DrawWithoutReplacement(strata[s].size(), (*counts)[s], engine)) {
      chosen.push_back(strata[s][k]);
    }
  }
  std::sort(chosen.begin(), chosen.end());
  if (per_stratum != nullptr) *per_stratum = std::move(*counts);
  return chosen;
}

}  // namespace verbatim
