// The frequent-terms table of `verbatim terms`.
//
// Shape: a title line, then one line per term: the number of answers that
// contain it, that number as a percentage of `answers`, the term, and when
// it has several inflected forms, each with its own count in brackets:
// "mutuelle  (mutuelle 3, mutuelles 2)". "(none)" when the list is empty.
//
// The CSV (`terms --out`) has one record per term of both lists:
// list (word|phrase), term, answers, percent (one decimal), forms
// ("mutuelle=3;mutuelles=2", every form, the term first).
#ifndef VERBATIM_IO_TERMS_TABLE_H_
#define VERBATIM_IO_TERMS_TABLE_H_

#include <cstddef>
#include <ostream>
#include <string_view>
#include <vector>


#include "core/term_stats.h"
#include "io/output/csv_dialect.h"

namespace verbatim {

// REQUIRES: answers > 0 when `terms` is not empty.
void WriteTermsTable(std::ostream& out, std::string_view title, const std::vector<TermCount>& terms,
                     size_t answers);

// The CSV described above, header first. REQUIRES: answers > 0 when a list
// is not empty.
void WriteTermsCsv(std::ostream& out, const std::vector<TermCount>& words,
                   const std::vector<TermCount>& phrases, size_t answers,
                   CsvDialect dialect = CsvDialect::kStandard);

}  // namespace verbatim

#endif  // VERBATIM_IO_TERMS_TABLE_H_
