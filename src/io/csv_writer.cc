#include "io/csv_writer.h"

namespace verbatim {
namespace {

bool NeedsQuotes(std::string_view field, char delimiter) {
  if (field.empty()) return false;
  if (field.front() == ' ' || field.back() == ' ') return true;
  for (const char c : field) {
    if (c == delimiter || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

}  // namespace

void AppendCsvField(std::string* line, std::string_view field, char delimiter, bool first) {
  if (!first) *line += delimiter;
  if (!NeedsQuotes(field, delimiter)) {
    line->append(field);
    return;
  }
  // Quoted: runs between double quotes are appended whole, each '"' doubled.
  *line += '"';
  size_t run = 0;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '"') continue;
    line->append(field.substr(run, i + 1 - run));
    *line += '"';
    run = i + 1;
  }
  line->append(field.substr(run));
  *line += '"';
}

void CsvWriter::WriteRow(const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) WriteField(fields[i], i == 0);
  EndRow();
}

void CsvWriter::EndRow() {
  line_ += '\n';
  out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  line_.clear();
}

}  // namespace verbatim
