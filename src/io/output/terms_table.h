// The frequent-terms table of `verbatim terms`.
//
// Shape: a title line, then one line per term: the number of answers that
// contain it, that number as a percentage of `answers`, and the term.
// "(none)" when the list is empty.
#ifndef VERBATIM_IO_TERMS_TABLE_H_
#define VERBATIM_IO_TERMS_TABLE_H_

#include <cstddef>
#include <ostream>
#include <string_view>
#include <vector>

#include "core/term_stats.h"

namespace verbatim {

// REQUIRES: answers > 0 when `terms` is not empty.
void WriteTermsTable(std::ostream& out, std::string_view title, const std::vector<TermCount>& terms,
                     size_t answers);

}  // namespace verbatim

#endif  // VERBATIM_IO_TERMS_TABLE_H_
