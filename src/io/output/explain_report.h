// The explanation of one answer's coding, for a human reading a terminal.
//
// Design: everything shown comes from the CodingResult that CodeAnswer
// returned (core/coder.h); nothing is matched again here, so `explain` can
// never disagree with `code`. Sections, in order: the answer (original,
// normalized, every hit highlighted in place); each pattern that fired,
// grouped by code in codebook order (kind and source, weight, YAML
// location, negation, the matched words in context); negations; exclusions;
// each code's state against the threshold; the status, counted and
// proposed codes and review reasons. Highlights are [bracketed] in
// ColorMode::kPlain, coloured in kAnsi (io/output/terminal_style.h).
#ifndef VERBATIM_IO_EXPLAIN_REPORT_H_
#define VERBATIM_IO_EXPLAIN_REPORT_H_

#include <ostream>
#include <string_view>

#include "core/coder.h"
#include "core/compiled_codebook.h"
#include "io/output/terminal_style.h"

namespace verbatim {

struct ExplainSubject {
  std::string_view id;        // Empty when the answer was given as text.
  std::string_view original;  // The answer as given to CodeAnswer.
};

// REQUIRES: `result` is CodeAnswer(codebook, subject.original).
void WriteExplanation(std::ostream& out, const CompiledCodebook& codebook,
                      const ExplainSubject& subject, const CodingResult& result, ColorMode color);

}  // namespace verbatim

#endif  // VERBATIM_IO_EXPLAIN_REPORT_H_
