// How the compiled codebook's units compile their regexes (atoms, the
// prefilter's Set and gated regexes, negation cues): one policy, so that the
// same source means the same regex in each.
//
// Included by .cc files only: it brings RE2's header, which the public
// headers keep behind forward declarations.
#ifndef VERBATIM_CORE_REGEX_OPTIONS_H_
#define VERBATIM_CORE_REGEX_OPTIONS_H_

#include <cstdint>

#include <re2/re2.h>

namespace verbatim {

// UTF-8, errors reported through ok() and error() rather than logged, and
// `max_mem` bytes of memory budget.
inline RE2::Options CodebookRegexOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

}  // namespace verbatim

#endif  // VERBATIM_CORE_REGEX_OPTIONS_H_
