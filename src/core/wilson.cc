#include "core/wilson.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace verbatim {

ProportionInterval WilsonInterval(size_t successes, size_t trials, double z) {
  assert(successes <= trials && z > 0);
  if (trials == 0) return {0, 1};
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denominator = 1 + z2 / n;
  const double center = (p + z2 / (2 * n)) / denominator;
  const double half_width = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
  // Exact at the ends (0 or n successes), where rounding could stray
  // outside [0, 1].
  const double low = successes == 0 ? 0.0 : std::max(0.0, center - half_width);
  const double high = successes == trials ? 1.0 : std::min(1.0, center + half_width);
  return {low, high};
}

}  // namespace verbatim
