// Random samples that come out the same on every machine: the validation
// sample of `verbatim sample` and the resamples of agree's bootstrap.
//
// Design: std::uniform_int_distribution is implementation-defined (libstdc++
// and libc++ draw different numbers from the same engine), so a seed would
// not name the same sample everywhere. Everything here uses only the raw
// 64-bit output of std::mt19937_64, which the standard fixes, and bounds it
// with DrawBelow's rejection rule. Given the same seed and inputs, every
// function returns the same values on every platform and library.
//
// Thread safety: pure functions; an engine must not be shared between
// threads.
#ifndef VERBATIM_CORE_SAMPLING_H_
#define VERBATIM_CORE_SAMPLING_H_

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "core/status.h"

namespace verbatim {

// A uniform integer in [0, bound), unbiased: raw draws r below
// 2^64 mod bound are rejected (at most bound / 2^64 of them), the rest give
// r mod bound. REQUIRES: bound > 0.
uint64_t DrawBelow(std::mt19937_64& engine, uint64_t bound);

// `n` distinct indices of [0, population), chosen uniformly among all such
// sets, sorted ascending (so a sample keeps input order). Algorithm: the
// first n steps of a Fisher-Yates shuffle of 0..population-1 (step i swaps
// position i with i + DrawBelow(population - i)). n >= population gives
// every index.
std::vector<size_t> DrawWithoutReplacement(size_t population, size_t n, std::mt19937_64& engine);

// How many to draw from each stratum of `sizes` for a sample of `n` in all.
// Proportional allocation, n * size / total, rounded down; then every
// non-empty stratum gets at least one; the units still missing go to the
// largest remainders (ties: the earlier stratum), the units over n are taken
// back from the strata with the smallest remainders that hold more than one.
// No stratum gets more than its size. The counts sum to min(n, total).
// Fails when n is smaller than the number of non-empty strata (one each is
// then impossible).
Result<std::vector<size_t>> AllocateProportional(std::span<const size_t> sizes, size_t n);

// A stratified random sample: `strata[s]` holds the indices of stratum s
// (any values, no duplicates across strata). Each stratum gets
// AllocateProportional's count, drawn with DrawWithoutReplacement from an
// engine seeded with `seed`, strata in order. Returns the chosen indices
// sorted ascending, and the count per stratum in `per_stratum` when not null.
// Fails like AllocateProportional.
Result<std::vector<size_t>> DrawStratifiedSample(std::span<const std::vector<size_t>> strata,
                                                 size_t n, uint64_t seed,
                                                 std::vector<size_t>* per_stratum);

}  // namespace verbatim

#endif  // VERBATIM_CORE_SAMPLING_H_
