#include "io/output/terms_table.h"

#include <fmt/format.h>

namespace verbatim {

void WriteTermsTable(std::ostream& out, std::string_view title, const std::vector<TermCount>& terms,
                     size_t answers) {
  out << title << '\n';
  if (terms.empty()) {
    out << "  (none)\n";
    return;
  }
  out << fmt::format("  {:>7} {:>6}  {}\n", "answers", "%", "term");
  for (const TermCount& term : terms) {
    out << fmt::format("  {:>7} {:>6.1f}  {}\n", term.answers,
                       100.0 * static_cast<double>(term.answers) / static_cast<double>(answers),
                       term.term);
  }
}

}  // namespace verbatim
