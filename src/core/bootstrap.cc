#include "core/bootstrap.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <random>

#include "core/sampling.h"

namespace verbatim {
namespace {

size_t NearestRank(double p, size_t m) {
  const size_t rank = static_cast<size_t>(std::ceil(p * static_cast<double>(m)));
  return std::clamp<size_t>(rank, 1, m) - 1;
}

}  // namespace

PercentileInterval Percentile95(std::vector<double> values) {
  PercentileInterval interval;
  interval.defined = static_cast<int>(values.size());
  if (values.empty()) return interval;
  std::sort(values.begin(), values.end());
  interval.low = values[NearestRank(0.025, values.size())];
  interval.high = values[NearestRank(0.975, values.size())];
  return interval;
}

Result<AgreementIntervals> BootstrapAgreement(const Codebook& codebook,
                                              std::span<const AnswerCodes> answers,
                                              int resamples, uint64_t seed) {
  assert(resamples > 0);
  // Unknown codes fail here once rather than on every resample.
  if (auto checked = ComputeStats(codebook, answers); !checked) {
    return tl::unexpected(checked.error());
  }
  AgreementIntervals intervals;
  intervals.resamples = resamples;
  intervals.seed = seed;
  if (answers.empty()) return intervals;
  std::mt19937_64 engine(seed);
  std::vector<double> subtheme_f1, subtheme_kappa, theme_f1, theme_kappa;
  std::vector<AnswerCodes> resample(answers.size());
  for (int r = 0; r < resamples; ++r) {
    for (AnswerCodes& answer : resample) answer = answers[DrawBelow(engine, answers.size())];
    auto stats = ComputeStats(codebook, resample);
    if (!stats) return tl::unexpected(stats.error());
    auto add = [](const std::optional<double>& value, std::vector<double>& values) {
      if (value) values.push_back(*value);
    };
    add(stats->subthemes.micro.f1, subtheme_f1);
    add(stats->subthemes.micro.kappa, subtheme_kappa);
    add(stats->themes.micro.f1, theme_f1);
    add(stats->themes.micro.kappa, theme_kappa);
  }
  intervals.subtheme_f1 = Percentile95(std::move(subtheme_f1));
  intervals.subtheme_kappa = Percentile95(std::move(subtheme_kappa));
  intervals.theme_f1 = Percentile95(std::move(theme_f1));
  intervals.theme_kappa = Percentile95(std::move(theme_kappa));
  return intervals;
}

}  // namespace verbatim
