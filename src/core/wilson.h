// The Wilson score interval for a proportion: how sure a percentage of a
// small group is.
//
// Design: a group of 8 answers where 2 name a theme is "25 %", but the
// true share could be anywhere from about 7 % to 59 %. Reports show such
// percentages with their interval instead of hiding small groups. Wilson's
// interval is used rather than the normal approximation (p ± z·√(p(1−p)/n))
// because it stays within [0, 1] and does not collapse to a width of zero
// at 0 or n successes, which are common in small groups.
#ifndef VERBATIM_CORE_WILSON_H_
#define VERBATIM_CORE_WILSON_H_

#include <cstddef>

namespace verbatim {

struct ProportionInterval {
  double low = 0;   // In [0, 1].
  double high = 0;  // In [low, 1].
};

// z for a two-sided 95 % interval.
inline constexpr double kZ95 = 1.959963984540054;

// The Wilson score interval of `successes` out of `trials` at the normal
// quantile `z`. Returns {0, 1} (nothing known) when trials is 0.
// REQUIRES: successes <= trials, z > 0.
ProportionInterval WilsonInterval(size_t successes, size_t trials, double z = kZ95);

}  // namespace verbatim

#endif  // VERBATIM_CORE_WILSON_H_
