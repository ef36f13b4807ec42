#include "io/output/csv_writer.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace verbatim {
namespace {

bool NeedsQuotes(std::string_view field, char delimiter) {
  if (field.empty()) return false;
  if (field.front() == ' ' || field.back() == ' ') return true;
  size_t i = 0;
#if defined(__SSE2__)
  // Answers' texts are most of what is written: 16 bytes at a time.
  const __m128i delimiters = _mm_set1_epi8(delimiter);
  const __m128i quotes = _mm_set1_epi8('"');
  const __m128i returns = _mm_set1_epi8('\r');
  const __m128i newlines = _mm_set1_epi8('\n');
  for (; i + 16 <= field.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(field.data() + i));
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, delimiters), _mm_cmpeq_epi8(bytes, quotes)),
                     _mm_or_si128(_mm_cmpeq_epi8(bytes, returns), _mm_cmpeq_epi8(bytes, newlines)));
    if (_mm_movemask_epi8(special) != 0) return true;
  }
#endif
  for (; i < field.size(); ++i) {
    const char c = field[i];
    if (c == delimiter || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

void AppendQuotable(std::string* line, std::string_view field, char delimiter) {
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

}  // namespace

bool NeedsFormulaGuard(std::string_view cell) {
  const size_t first = cell.find_first_not_of('\'');
  if (first == std::string_view::npos) return false;
  switch (cell[first]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

std::string_view StripFormulaGuard(std::string_view cell) {
  if (!cell.empty() && cell.front() == '\'' && NeedsFormulaGuard(cell)) cell.remove_prefix(1);
  return cell;
}

void StripFormulaGuard(std::string* cell) {
  if (!cell->empty() && cell->front() == '\'' && NeedsFormulaGuard(*cell)) cell->erase(0, 1);
}

void AppendCsvField(std::string* line, std::string_view field, char delimiter, bool first) {
  if (!first) *line += delimiter;
  if (!field.empty() && NeedsFormulaGuard(field)) {
    // Rare: the copy is paid only by guarded cells.
    std::string guarded = "'";
    guarded.append(field);
    AppendQuotable(line, guarded, delimiter);
    return;
  }
  AppendQuotable(line, field, delimiter);
}

void AppendCsvNumber(std::string* line, std::string_view number, char delimiter, bool first) {
  if (!first) *line += delimiter;
  AppendQuotable(line, number, delimiter);
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
