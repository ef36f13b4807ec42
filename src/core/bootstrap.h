// Bootstrap percentile intervals for agreement figures (core/agreement.h):
// how sure a validation on a small hand-coded sample is.
//
// Design: the answers are resampled with replacement (each resample draws
// as many answers as there are, with core/sampling.h's DrawBelow from one
// std::mt19937_64 seeded with `seed`, so a seed gives the same interval on
// every platform), ComputeStats() is taken on each resample, and the
// interval is the 2.5th and 97.5th percentiles of the values (nearest rank:
// the value at sorted position ceil(p * m) - 1 of the m defined values). A
// resample on which a figure is undefined (e.g. F1 with no positive on
// either side) is left out of that figure's interval and counted.
//
// Thread safety: pure functions.
#ifndef VERBATIM_CORE_BOOTSTRAP_H_
#define VERBATIM_CORE_BOOTSTRAP_H_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/agreement.h"
#include "core/codebook.h"
#include "core/status.h"

namespace verbatim {

// The result types (PercentileInterval, AgreementIntervals) live in
// core/agreement.h, beside the report that carries them.

// The 95 % percentile interval of `values` (any order). Empty values give
// an interval with neither bound.
PercentileInterval Percentile95(std::vector<double> values);

// Default: 1000 resamples.
constexpr int kDefaultResamples = 1000;

// REQUIRES: resamples > 0. Fails like ComputeStats(); with no answers every
// interval is empty.
Result<AgreementIntervals> BootstrapAgreement(const Codebook& codebook,
                                              std::span<const AnswerCodes> answers,
                                              int resamples, uint64_t seed);

}  // namespace verbatim

#endif  // VERBATIM_CORE_BOOTSTRAP_H_
