#include "io/csv_writer.h"

namespace verbatim {

void CsvWriter::WriteField(std::string_view field, bool first) {
  if (!first) out_ << delimiter_;
  const bool needs_quotes =
      field.find_first_of(std::string{delimiter_, '"', '\r', '\n'}) != std::string_view::npos ||
      (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs_quotes) {
    out_ << field;
    return;
  }
  out_ << '"';
  for (char c : field) {
    if (c == '"') out_ << '"';
    out_ << c;
  }
  out_ << '"';
}

void CsvWriter::WriteRow(const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) WriteField(fields[i], i == 0);
  EndRow();
}

}  // namespace verbatim
