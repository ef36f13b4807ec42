#include "io/output/terms_table.h"

#include <fmt/format.h>

#include "io/output/csv_writer.h"

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
    std::string forms;
    if (term.forms.size() > 1) {
      for (const TermForm& form : term.forms) {
        forms += fmt::format("{}{} {}", forms.empty() ? "  (" : ", ", form.text, form.answers);
      }
      forms += ")";
    }
    out << fmt::format("  {:>7} {:>6.1f}  {}{}\n", term.answers,
                       100.0 * static_cast<double>(term.answers) / static_cast<double>(answers),
                       term.term, forms);
  }
}

void WriteTermsCsv(std::ostream& out, const std::vector<TermCount>& words,
                   const std::vector<TermCount>& phrases, size_t answers, CsvDialect dialect) {
  WriteCsvPreamble(out, dialect);
  CsvWriter csv(out, CsvDelimiter(dialect));
  csv.WriteRow({"list", "term", "answers", "percent", "forms"});
  for (const auto* list : {&words, &phrases}) {
    for (const TermCount& term : *list) {
      std::string forms;
      for (const TermForm& form : term.forms) {
        forms += fmt::format("{}{}={}", forms.empty() ? "" : ";", form.text, form.answers);
      }
      csv.WriteRow({list == &words ? "word" : "phrase", term.term, std::to_string(term.answers),
                    FormatCsvDecimal(100.0 * static_cast<double>(term.answers) /
                                         static_cast<double>(answers),
                                     1, dialect),
                    forms});
    }
  }
}

}  // namespace verbatim
