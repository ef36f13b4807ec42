#include "io/csv_writer.h"

namespace verbatim {

void CsvWriter::WriteField(std::string_view field, bool first) {
  if (!first) out_.put(delimiter_);
  bool needs_quotes = !field.empty() && (field.front() == ' ' || field.back() == ' ');
  for (size_t i = 0; i < field.size() && !needs_quotes; ++i) {
    const char c = field[i];
    needs_quotes = c == delimiter_ || c == '"' || c == '\r' || c == '\n';
  }
  if (!needs_quotes) {
    out_.write(field.data(), static_cast<std::streamsize>(field.size()));
    return;
  }
  // Quoted: runs between double quotes are written whole, each '"' doubled.
  out_.put('"');
  size_t run = 0;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '"') continue;
    out_.write(field.data() + run, static_cast<std::streamsize>(i + 1 - run));
    out_.put('"');
    run = i + 1;
  }
  out_.write(field.data() + run, static_cast<std::streamsize>(field.size() - run));
  out_.put('"');
}

void CsvWriter::WriteRow(const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) WriteField(fields[i], i == 0);
  EndRow();
}

}  // namespace verbatim
