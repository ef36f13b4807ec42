#include "core/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <string>

namespace verbatim {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
// A table entry is (pool offset << 8 | length); this value means "fall back".
constexpr uint32_t kFallback = 0xFFFFFFFF;

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// Returns the sequence length, or 0 when no valid sequence starts at s[i]:
// the caller then replaces that one byte by U+FFFD and moves on by one byte.
inline int DecodeUtf8(const unsigned char* s, size_t i, size_t n, char32_t* cp) {
  const unsigned b0 = s[i];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  auto cont = [&](size_t k, unsigned lo, unsigned hi) {
    return i + k < n && s[i + k] >= lo && s[i + k] <= hi;
  };
  if (b0 < 0xC2) return 0;
  if (b0 < 0xE0) {
    if (!cont(1, 0x80, 0xBF)) return 0;
    *cp = ((b0 & 0x1F) << 6) | (s[i + 1] & 0x3F);
    return 2;
  }
  if (b0 < 0xF0) {
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = b0 == 0xED ? 0x9F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF)) return 0;
    *cp = ((b0 & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    return 3;
  }
  if (b0 < 0xF5) {
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF) || !cont(3, 0x80, 0xBF)) return 0;
    *cp = ((b0 & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
          (s[i + 3] & 0x3F);
    return 4;
  }
  return 0;
}

// UTF-16 text with the original byte offset of every code unit.
struct Units {
  std::u16string text;
  std::vector<uint32_t> origin;

  void Append(UChar32 c, uint32_t from) {
    UChar buffer[2];
    int32_t length = 0;
    U16_APPEND_UNSAFE(buffer, length, c);
    for (int32_t k = 0; k < length; ++k) {
      text.push_back(buffer[k]);
      origin.push_back(from);
    }
  }
  // Empties it, keeping room for about `size` units.
  void Clear(size_t size = 0) {
    text.clear();
    origin.clear();
    text.reserve(size);
    origin.reserve(size);
  }
};

// The code point mappings applied after marks are removed, as a string of
// UTF-16 units (empty: dropped).
//
// U+200B, U+FEFF, U+00AD and the other default-ignorable format characters
// (joiners, bidi controls, word joiner) are dropped rather than turned into
// spaces: they are invisible, and writers use them inside words (soft hyphen,
// zero-width joiner), not between them.
std::u16string_view Project(UChar32 c) {
  switch (c) {
    case 0x2019:
    case 0x2018:
    case 0x201B:
    case 0x0060:
    case 0x00B4:
    case 0x2032:
    case 0x02BC:
      return u"'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
    case 0x201F:
      return u"\"";
    case 0x0153:
      return u"oe";
    case 0x00E6:
      return u"ae";
    case 0x2212:
    case 0x2043:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return u"-";
    default:
      break;
  }
  if (c >= 0x2010 && c <= 0x2015) return u"-";
  if (u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR) return u" ";
  if (u_charType(c) == U_FORMAT_CHAR &&
      u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
    return u"";
  }
  return {};  // Unchanged: see ProjectAndDropMarks.
}

// Normalizes `in` with `n2`, one normalization segment at a time (ICU
// documents that text split before a hasBoundaryBefore character normalizes
// to the same result piecewise), so that every output unit can keep the
// origin of the segment's first code point. Text that passes the quick check
// is copied with its per-unit origins.
void NormalizeSegments(const icu::Normalizer2& n2, const Units& in, Units* out,
                       UErrorCode* status) {
  out->Clear(in.text.size());
  const UChar* s = reinterpret_cast<const UChar*>(in.text.data());
  const int32_t n = static_cast<int32_t>(in.text.size());
  icu::UnicodeString result;
  for (int32_t i = 0; i < n;) {
    // spanQuickCheckYes stops at a boundary before the first suspect segment.
    const int32_t normalized =
        i + n2.spanQuickCheckYes(icu::UnicodeString(false, s + i, n - i), *status);
    if (U_FAILURE(*status)) return;
    out->text.append(reinterpret_cast<const char16_t*>(s + i), normalized - i);
    out->origin.insert(out->origin.end(), in.origin.begin() + i, in.origin.begin() + normalized);
    i = normalized;
    if (i == n) break;
    int32_t j = i;
    UChar32 c;
    U16_NEXT_UNSAFE(s, j, c);
    while (j < n) {
      int32_t k = j;
      UChar32 next;
      U16_NEXT_UNSAFE(s, k, next);
      if (n2.hasBoundaryBefore(next)) break;
      j = k;
    }
    n2.normalize(icu::UnicodeString(false, s + i, j - i), result, *status);
    if (U_FAILURE(*status)) return;
    out->text.append(reinterpret_cast<const char16_t*>(result.getBuffer()), result.length());
    out->origin.insert(out->origin.end(), result.length(), in.origin[i]);
    i = j;
  }
}

// Full default case folding is context-free, so it is applied per code point.
void FoldCase(const Units& in, Units* out, UErrorCode* status) {
  out->Clear(in.text.size());
  const UChar* s = reinterpret_cast<const UChar*>(in.text.data());
  const int32_t n = static_cast<int32_t>(in.text.size());
  UChar folded[32];
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U16_NEXT_UNSAFE(s, i, c);
    if (c < 0x80) {
      out->Append(c >= 'A' && c <= 'Z' ? c + 32 : c, in.origin[start]);
      continue;
    }
    const int32_t length =
        u_strFoldCase(folded, 32, s + start, i - start, U_FOLD_CASE_DEFAULT, status);
    if (U_FAILURE(*status)) return;
    out->text.append(reinterpret_cast<const char16_t*>(folded), length);
    out->origin.insert(out->origin.end(), length, in.origin[start]);
  }
}

void ProjectAndDropMarks(const Units& in, Units* out) {
  out->Clear(in.text.size());
  const UChar* s = reinterpret_cast<const UChar*>(in.text.data());
  const int32_t n = static_cast<int32_t>(in.text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U16_NEXT_UNSAFE(s, i, c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    const std::u16string_view projected = Project(c);
    if (projected.data() == nullptr) {
      out->Append(c, in.origin[start]);
    } else {
      out->text.append(projected);
      out->origin.insert(out->origin.end(), projected.size(), in.origin[start]);
    }
  }
}

// Runs of spaces become one space (origin: the run's first space); spaces at
// both ends go. Appends UTF-8 to `out`, which must be empty.
void CollapseToUtf8(const Units& in, NormalizedText* out) {
  const UChar* s = reinterpret_cast<const UChar*>(in.text.data());
  const int32_t n = static_cast<int32_t>(in.text.size());
  bool pending_space = false;
  uint32_t space_origin = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U16_NEXT_UNSAFE(s, i, c);
    const uint32_t from = in.origin[start];
    if (c == ' ') {
      if (!pending_space && !out->text.empty()) {
        pending_space = true;
        space_origin = from;
      }
      continue;
    }
    if (pending_space) {
      out->text.push_back(' ');
      out->origin.push_back(space_origin);
      pending_space = false;
    }
    char bytes[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, c);
    out->text.append(bytes, length);
    out->origin.insert(out->origin.end(), length, from);
  }
}

bool IsPlainSpace(std::u16string_view text) { return text == u" "; }

}  // namespace

struct Normalizer::Tables {
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;
  char ascii[128] = {};
  std::vector<uint32_t> entry;  // One per BMP code point; kFallback or (offset << 8 | length).
  std::string pool;
  size_t max_output = 0;  // The longest table output, in bytes.

  // The intermediate results of Run, kept for building the tables.
  struct Trace {
    Units decomposed;  // NFD of the input.
    Units refolded;    // NFD of its case folding.
    Units projected;   // Marks dropped, mappings applied (before NFC).
  };

  // The reference pipeline up to (excluding) space collapsing.
  void Run(const Units& decoded, Units* out, UErrorCode* status, Trace* trace) const {
    Trace local;
    Trace& steps = trace != nullptr ? *trace : local;
    Units folded;
    NormalizeSegments(*nfd, decoded, &steps.decomposed, status);
    if (U_FAILURE(*status)) return;
    FoldCase(steps.decomposed, &folded, status);
    if (U_FAILURE(*status)) return;
    NormalizeSegments(*nfd, folded, &steps.refolded, status);
    if (U_FAILURE(*status)) return;
    ProjectAndDropMarks(steps.refolded, &steps.projected);
    NormalizeSegments(*nfc, steps.projected, out, status);
  }
};

namespace {

// True when every character of `units` that NFD may reorder (nonzero
// canonical combining class) is a nonspacing mark the pipeline drops, so the
// order that reordering across neighbours chooses cannot show in the output.
// U+0345 is excluded: case folding turns it into ι, which stays.
bool OnlyMarksReorder(const Units& units) {
  const UChar* s = reinterpret_cast<const UChar*>(units.text.data());
  const int32_t n = static_cast<int32_t>(units.text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT_UNSAFE(s, i, c);
    if (u_getCombiningClass(c) != 0 && (u_charType(c) != U_NON_SPACING_MARK ||
                                        u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED))) {
      return false;
    }
  }
  return true;
}

UChar32 FirstCodePoint(const Units& units) {
  int32_t i = 0;
  UChar32 c;
  U16_NEXT_UNSAFE(units.text.data(), i, c);
  return c;
}

}  // namespace

Normalizer::Normalizer() : tables_(std::make_unique<Tables>()) {}
Normalizer::~Normalizer() = default;

Result<std::unique_ptr<Normalizer>> Normalizer::Create() {
  std::unique_ptr<Normalizer> normalizer(new Normalizer());
  Tables& t = *normalizer->tables_;
  UErrorCode status = U_ZERO_ERROR;
  t.nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return MakeError(std::string("ICU NFD data: ") + u_errorName(status));
  t.nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return MakeError(std::string("ICU NFC data: ") + u_errorName(status));

  t.entry.assign(0x10000, kFallback);
  Units single, normalized;
  Tables::Trace trace;
  NormalizedText text;
  for (UChar32 c = 0; c < 0x10000; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    single.Clear();
    single.Append(c, 0);
    t.Run(single, &normalized, &status, &trace);
    if (U_FAILURE(status)) {
      return MakeError(std::string("ICU while building normalization tables: ") +
                       u_errorName(status));
    }
    // Keep c out of the table when its result could depend on neighbours:
    // NFD reordering that the output could show, or an NFC composition with
    // what precedes it (Hangul vowel jamo, some Indic vowel signs).
    bool independent = OnlyMarksReorder(trace.decomposed) && OnlyMarksReorder(trace.refolded);
    if (!trace.projected.text.empty() &&
        !t.nfc->hasBoundaryBefore(FirstCodePoint(trace.projected))) {
      independent = false;
    }
    const bool has_space = normalized.text.find(u' ') != std::u16string::npos;
    if (has_space && !IsPlainSpace(normalized.text)) independent = false;
    if (!independent) continue;

    text.text.clear();
    text.origin.clear();
    if (has_space) {
      text.text.push_back(' ');  // CollapseToUtf8 would trim a lone space away.
    } else {
      CollapseToUtf8(normalized, &text);
    }
    assert(text.text.size() < 256);
    t.entry[c] = static_cast<uint32_t>(t.pool.size() << 8 | text.text.size());
    t.pool += text.text;
    t.max_output = std::max(t.max_output, text.text.size());
    if (c < 0x80) {
      assert(text.text.size() == 1);
      t.ascii[c] = text.text[0];
    }
  }
  // The ASCII fast path has no fallback.
  assert(std::all_of(t.entry.begin(), t.entry.begin() + 0x80,
                     [](uint32_t entry) { return entry != kFallback; }));
  return normalizer;
}

void Normalizer::NormalizeWithIcu(std::string_view original, NormalizedText* out) const {
  out->text.clear();
  out->origin.clear();
  out->invalid_utf8_offset = -1;
  Units decoded;
  decoded.text.reserve(original.size());
  decoded.origin.reserve(original.size());
  const auto* s = reinterpret_cast<const unsigned char*>(original.data());
  for (size_t i = 0; i < original.size();) {
    char32_t c;
    int length = DecodeUtf8(s, i, original.size(), &c);
    if (length == 0) {
      if (out->invalid_utf8_offset < 0) out->invalid_utf8_offset = static_cast<long long>(i);
      c = kReplacement;
      length = 1;
    }
    decoded.Append(static_cast<UChar32>(c), static_cast<uint32_t>(i));
    i += length;
  }
  Units normalized;
  UErrorCode status = U_ZERO_ERROR;
  tables_->Run(decoded, &normalized, &status, nullptr);
  // Create() loaded the data, so ICU can only fail here for lack of memory;
  // the answer is then left unnormalized rather than lost.
  assert(U_SUCCESS(status));
  CollapseToUtf8(U_SUCCESS(status) ? normalized : decoded, out);
  out->origin.push_back(static_cast<uint32_t>(original.size()));
}

void Normalizer::Normalize(std::string_view original, NormalizedText* out) const {
  const Tables& t = *tables_;
  const auto* s = reinterpret_cast<const unsigned char*>(original.data());
  const size_t n = original.size();
  // Output grows by at most (max_output - 1) bytes per non-ASCII code point,
  // checked after each one; ASCII never outputs more bytes than it consumes.
  size_t capacity = n + t.max_output + 1;
  out->text.resize(capacity);
  out->origin.resize(capacity + 1);
  char* text = out->text.data();
  uint32_t* origin = out->origin.data();
  size_t pos = 0;
  // Spaces are written eagerly, unless one was just written (or nothing yet):
  // that collapses runs and trims the front; the back is trimmed at the end.
  // Writing then not advancing keeps the ASCII loop free of branches.
  bool at_space = true;
  long long invalid = -1;

  for (size_t i = 0; i < n;) {
    const unsigned char byte = s[i];
    if (byte < 0x80) {
      const char mapped = t.ascii[byte];
      const bool is_space = mapped == ' ';
      text[pos] = mapped;
      origin[pos] = static_cast<uint32_t>(i);
      pos += !(is_space && at_space);
      at_space = is_space;
      ++i;
      continue;
    }
    char32_t c;
    int length = DecodeUtf8(s, i, n, &c);
    if (length == 0) {
      if (invalid < 0) invalid = static_cast<long long>(i);
      c = kReplacement;
      length = 1;
    }
    const uint32_t entry = c < 0x10000 ? t.entry[c] : kFallback;
    if (entry == kFallback) return NormalizeWithIcu(original, out);
    const size_t out_length = entry & 0xFF;
    const char* bytes = t.pool.data() + (entry >> 8);
    if (out_length == 1 && bytes[0] == ' ') {
      if (!at_space) {
        text[pos] = ' ';
        origin[pos++] = static_cast<uint32_t>(i);
        at_space = true;
      }
    } else if (out_length != 0) {
      std::memcpy(text + pos, bytes, out_length);
      std::fill_n(origin + pos, out_length, static_cast<uint32_t>(i));
      pos += out_length;
      at_space = false;
    }
    i += length;
    if (capacity - pos < (n - i) + t.max_output + 1) {
      capacity = 2 * capacity + t.max_output;
      out->text.resize(capacity);
      out->origin.resize(capacity + 1);
      text = out->text.data();
      origin = out->origin.data();
    }
  }
  if (pos != 0 && at_space) --pos;
  out->text.resize(pos);
  out->origin.resize(pos + 1);
  out->origin[pos] = static_cast<uint32_t>(n);
  out->invalid_utf8_offset = invalid;
}

std::string Normalizer::Normalize(std::string_view original) const {
  NormalizedText out;
  Normalize(original, &out);
  return std::move(out.text);
}

std::pair<size_t, size_t> NormalizedText::ToOriginal(size_t begin, size_t end,
                                                     std::string_view original) const {
  assert(begin <= end && end <= text.size());
  const size_t first = origin[begin];
  if (begin == end) return {first, first};
  // The span ends where the next contributing original character starts, so
  // it takes in a whole expansion (œ→oe) and marks or invisible characters
  // that were dropped after its last character.
  const uint32_t last = origin[end - 1];
  size_t j = end;
  while (j < text.size() && origin[j] <= last) ++j;
  const size_t second = std::max<size_t>(origin[j], first);
  // Then give back the original whitespace (and dropped invisible format
  // characters) that trails it: it was collapsed or trimmed away.
  const auto* s = reinterpret_cast<const unsigned char*>(original.data());
  size_t keep = first;
  for (size_t i = first; i < second;) {
    char32_t c;
    int length = DecodeUtf8(s, i, original.size(), &c);
    if (length == 0) {
      c = kReplacement;
      length = 1;
    }
    const UChar32 u = static_cast<UChar32>(c);
    const bool blank = u_isUWhiteSpace(u) || u_charType(u) == U_CONTROL_CHAR ||
                       (u_charType(u) == U_FORMAT_CHAR &&
                        u_hasBinaryProperty(u, UCHAR_DEFAULT_IGNORABLE_CODE_POINT));
    i += length;
    if (!blank) keep = i;
  }
  // The original character of the last normalized byte always stays, even
  // when it is whitespace (the range ends with a collapsed space).
  char32_t c;
  const int own_length = last < original.size() ? DecodeUtf8(s, last, original.size(), &c) : 0;
  return {first, std::max<size_t>(keep, last + std::max(own_length, 1))};
}

}  // namespace verbatim
