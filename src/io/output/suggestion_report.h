// The output of `verbatim suggest` (core/pattern_suggestions.h): a plain
// text report and the candidates as CSV.
//
// Design: candidates are written in the codebook's YAML syntax, indented as
// a subtheme's patterns are, with their counts in a YAML comment, so a line
// can be pasted into the codebook as it is:
//       - phrase: "travail a perte"   # fixes 3, breaks 0 (ids: d012, d044, d101)
// Everything is in the report's order (codebook order, candidates ranked),
// so the output is the same bytes for the same inputs.
#ifndef VERBATIM_IO_SUGGESTION_REPORT_H_
#define VERBATIM_IO_SUGGESTION_REPORT_H_

#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "io/output/csv_dialect.h"

#include "core/compiled_codebook.h"
#include "core/pattern_suggestions.h"

namespace verbatim {

// The YAML lines of one candidate, each ending in '\n', the first carrying
// the comment `comment` (none when empty): "- term: paperasse",
// "- term: \"revalori*\"", "- phrase: \"actes techniques\"",
// "- near: [[a], [b]]" then "  within: 5"; each line starts with `indent`.
std::string CandidateYaml(const CandidatePattern& candidate, std::string_view indent,
                          std::string_view comment);

// The report: per code of `report`, its id and label, counts (labeled, tp,
// misses, wrong), up to `options.max_examples` missed answers (id and the
// start of the text) and the wrongly coded ones with the patterns that
// fired (kind, source, YAML location, negation cue), the candidates, and
// the patterns to drop with their YAML location. REQUIRES: `report` was made
// from `codebook`, `answers` and `options`.
void WriteSuggestionReport(std::ostream& out, const CompiledCodebook& codebook,
                           std::span<const LabeledAnswer> answers, const SuggestOptions& options,
                           const SuggestionReport& report);

// The candidates as CSV (io/output/csv_writer.h), one row per candidate in report
// order: code, kind (term, stem, phrase, near), pattern (its source as
// outputs quote patterns: "revalori*", "near([a], [b]; 5)"), fixes, breaks,
// fixed_ids and broken_ids (every id, ';'-separated).
void WriteSuggestionCsv(std::ostream& out, const CompiledCodebook& codebook,
                        std::span<const LabeledAnswer> answers, const SuggestionReport& report,
                        CsvDialect dialect = CsvDialect::kStandard);

}  // namespace verbatim

#endif  // VERBATIM_IO_SUGGESTION_REPORT_H_
