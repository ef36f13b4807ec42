// Renders an AgreementReport (core/agreement.h) as an HTML fragment for the
// report page: averages per level, review figures, the per-code table and
// the disagreements.
//
// Design: like io/output/agreement_writer.h it only formats; every figure comes
// from the report, so the page shows the numbers `verbatim agree` prints for
// the same run (given the same codes). Ratios have three decimals with a
// decimal comma; an undefined ratio shows "n/d" (non défini). All text is
// escaped. The fragment is a <section id="agreement"> and uses the page's
// CSS classes (num, level-subtheme).
#ifndef VERBATIM_IO_AGREEMENT_HTML_H_
#define VERBATIM_IO_AGREEMENT_HTML_H_

#include <ostream>
#include <string_view>

#include "core/agreement.h"

namespace verbatim {

// `gold_path` names the gold file in the section's introduction.
void WriteAgreementHtml(const AgreementReport& report, std::string_view gold_path,
                        std::ostream& out);

}  // namespace verbatim

#endif  // VERBATIM_IO_AGREEMENT_HTML_H_
