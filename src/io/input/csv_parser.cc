#include "io/input/csv_parser.h"

#include <cassert>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace verbatim {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsLineEnd(int c) { return c == '\r' || c == '\n'; }

// A UTF-8 continuation byte does not start a new column.
bool StartsCharacter(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

}  // namespace

CsvParser::CsvParser(std::istream& in, char delimiter, size_t chunk_size)
    : in_(&in),
      delimiter_(delimiter == kAutoDelimiter ? ',' : delimiter),
      detect_delimiter_(delimiter == kAutoDelimiter),
      chunk_size_(chunk_size) {
  assert(chunk_size > 0);
}

char CsvParser::DetectDelimiter(std::string_view first_record) {
  constexpr char kCandidates[] = {',', ';', '\t'};
  size_t counts[3] = {0, 0, 0};
  bool in_quotes = false;
  size_t i = 0;
  while (i < first_record.size() && IsLineEnd(first_record[i])) ++i;  // Blank lines.
  for (; i < first_record.size(); ++i) {
    const char c = first_record[i];
    if (c == '"') {
      in_quotes = !in_quotes;  // "" inside quotes toggles twice: no change.
    } else if (!in_quotes && IsLineEnd(c)) {
      break;
    } else if (!in_quotes) {
      for (int k = 0; k < 3; ++k) counts[k] += c == kCandidates[k];
    }
  }
  int best = 0;
  for (int k = 1; k < 3; ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return kCandidates[best];
}

bool CsvParser::Fill() {
  if (position_ < buffer_.size()) return true;
  if (eof_) return false;
  // resize() keeps the capacity: after the first chunk this never allocates.
  buffer_.resize(chunk_size_);
  in_->read(buffer_.data(), static_cast<std::streamsize>(chunk_size_));
  buffer_.resize(static_cast<size_t>(in_->gcount()));
  position_ = 0;
  if (buffer_.empty()) {
    eof_ = true;
    read_failed_ = in_->bad();
    return false;
  }
  return true;
}

bool CsvParser::AppendChunk() {
  if (eof_) return false;
  const size_t old_size = buffer_.size();
  buffer_.resize(old_size + chunk_size_);
  in_->read(buffer_.data() + old_size, static_cast<std::streamsize>(chunk_size_));
  buffer_.resize(old_size + static_cast<size_t>(in_->gcount()));
  if (buffer_.size() == old_size) {
    eof_ = true;
    read_failed_ = in_->bad();
    return false;
  }
  return true;
}

void CsvParser::BufferFirstRecord() {
  size_t scanned = position_;
  bool seen_content = false;
  bool in_quotes = false;
  while (true) {
    for (; scanned < buffer_.size(); ++scanned) {
      const char c = buffer_[scanned];
      if (c == '"') {
        in_quotes = !in_quotes;
      } else if (!in_quotes && IsLineEnd(c)) {
        if (seen_content) return;
        continue;
      }
      seen_content = true;
    }
    if (!AppendChunk()) return;
  }
}

void CsvParser::Start() {
  started_ = true;
  // The byte order mark is skipped first, so that it does not count as the
  // first record's content when blank lines follow it.
  while (buffer_.size() - position_ < kUtf8Bom.size() && AppendChunk()) {
  }
  if (std::string_view(buffer_).substr(position_, kUtf8Bom.size()) == kUtf8Bom) {
    position_ += kUtf8Bom.size();
  }
  BufferFirstRecord();
  if (detect_delimiter_) {
    delimiter_ = DetectDelimiter(std::string_view(buffer_).substr(position_));
  }
}

int CsvParser::Peek() {
  if (!Fill()) return -1;
  return static_cast<unsigned char>(buffer_[position_]);
}

void CsvParser::Advance() {
  if (StartsCharacter(buffer_[position_])) ++column_;
  ++position_;
}

void CsvParser::ConsumeLineEnd(std::string* kept) {
  const char first = buffer_[position_];
  if (kept != nullptr) kept->push_back(first);
  ++position_;
  if (first == '\r' && Peek() == '\n') {
    if (kept != nullptr) kept->push_back('\n');
    ++position_;
  }
  ++line_;
  column_ = 1;
}

void CsvParser::AppendRun(std::string* field, std::string_view stops) {
  // One pass that finds the stop and counts characters for error columns.
  // (std::string::find_first_of would call memchr on `stops` for every byte.)
  const char stop0 = stops[0];
  const char stop1 = stops.size() > 1 ? stops[1] : stop0;
  const char stop2 = stops.size() > 2 ? stops[2] : stop0;
  const size_t begin = position_;
  const char* data = buffer_.data();
  const size_t size = buffer_.size();
  size_t end = begin;
  size_t characters = 0;
#if defined(__SSE2__)
  // 16 bytes at a time: a mask of the stops, and the characters counted as
  // the bytes that are not UTF-8 continuation bytes.
  const __m128i stops0 = _mm_set1_epi8(stop0);
  const __m128i stops1 = _mm_set1_epi8(stop1);
  const __m128i stops2 = _mm_set1_epi8(stop2);
  const __m128i top_bits = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i continuation = _mm_set1_epi8(static_cast<char>(0x80));
  for (; end + 16 <= size; end += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + end));
    const unsigned stop_mask = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, stops0), _mm_cmpeq_epi8(bytes, stops1)),
                     _mm_cmpeq_epi8(bytes, stops2))));
    const __m128i continuations = _mm_cmpeq_epi8(_mm_and_si128(bytes, top_bits), continuation);
    if (stop_mask != 0) {
      const unsigned starts =
          ~static_cast<unsigned>(_mm_movemask_epi8(continuations)) & 0xFFFFu;
      const int at = __builtin_ctz(stop_mask);
      characters += static_cast<size_t>(__builtin_popcount(starts & ((1u << at) - 1)));
      end += static_cast<size_t>(at);
      column_ += characters;
      field->append(data + begin, end - begin);
      position_ = end;
      return;
    }
    // The 16 bytes' starts summed with SSE2 (psadbw): a popcount here would be
    // a libgcc call, as Debian's baseline x86-64 has no popcnt instruction.
    const __m128i start_ones = _mm_andnot_si128(continuations, _mm_set1_epi8(1));
    const __m128i sums = _mm_sad_epu8(start_ones, _mm_setzero_si128());
    characters += static_cast<size_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
  }
#endif
  for (; end < size; ++end) {
    const char c = data[end];
    if (c == stop0 || c == stop1 || c == stop2) break;
    characters += StartsCharacter(c);
  }
  column_ += characters;
  field->append(data + begin, end - begin);
  position_ = end;
}

std::string* CsvParser::NextField(CsvRecord* record, size_t* count) {
  // Reuses the strings (and their capacity) of the previous record.
  if (*count == record->fields.size()) record->fields.emplace_back();
  std::string* field = &record->fields[(*count)++];
  field->clear();
  return field;
}

bool CsvParser::Next(CsvRecord* record) {
  if (!started_) Start();
  record->error.reset();
  int c = Peek();
  while (IsLineEnd(c)) {  // Blank lines are not records.
    ConsumeLineEnd(nullptr);
    c = Peek();
  }
  if (c < 0) {
    record->fields.clear();
    return false;
  }
  record->line = line_;
  size_t count = 0;
  const char unquoted_stops[] = {delimiter_, '\r', '\n'};
  const std::string_view unquoted(unquoted_stops, 3);
  const std::string_view quoted("\"\r\n", 3);
  while (true) {
    std::string* field = NextField(record, &count);
    if (Peek() == '"') {
      const size_t start_line = line_;
      const size_t start_column = column_;
      Advance();
      bool closed = false;
      while (!closed) {
        c = Peek();
        if (c < 0) {
          record->error = CsvError{"unterminated quoted field (it runs to the end of the input)",
                                   start_line, start_column};
          record->fields.resize(count);
          return true;
        }
        if (c == '"') {
          Advance();
          if (Peek() == '"') {
            field->push_back('"');
            Advance();
          } else {
            closed = true;
          }
        } else if (IsLineEnd(c)) {
          ConsumeLineEnd(field);
        } else {
          AppendRun(field, quoted);
        }
      }
      // After the closing quote only a delimiter or a line end is valid.
      for (c = Peek(); c >= 0 && c != delimiter_ && !IsLineEnd(c); c = Peek()) {
        if (!record->error) {
          record->error = CsvError{"unexpected character after a closing quote", line_, column_};
        }
        field->push_back(static_cast<char>(c));
        Advance();
      }
    } else {
      for (c = Peek(); c >= 0 && c != delimiter_ && !IsLineEnd(c); c = Peek()) {
        AppendRun(field, unquoted);
      }
    }
    if (c == delimiter_) {
      Advance();
      continue;
    }
    if (c >= 0) ConsumeLineEnd(nullptr);
    record->fields.resize(count);
    return true;
  }
}

}  // namespace verbatim
