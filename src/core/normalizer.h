// Text normalization shared by patterns and answers, with a map back to the
// original bytes.
//
// The normal form is: NFC; full Unicode case folding (ß→ss); diacritics
// removed (é→e, ç→c: canonical decomposition, then every nonspacing mark, Mn,
// dropped); typographic apostrophes and quotes unified (’ ‘ ‛ ` ´ ′ ʼ → ',
// “ ” „ ‟ « » → "); œ→oe, æ→ae (and their capitals); every dash
// (U+2010–U+2015, − U+2212, ⁃ U+2043, U+FE58, U+FE63, U+FF0D) → '-'; every
// Unicode space and control character (tab, CR, LF, NBSP, NNBSP, …) → ' ';
// invisible format characters (default-ignorable Cf: U+200B, U+FEFF, soft
// hyphen U+00AD, joiners, bidi controls) dropped, as they sit inside words;
// runs of spaces collapsed to one and removed at both ends.
//
// Design: the normal form is defined by ICU's functions applied to the whole
// text, in this order: Normalizer2 NFD, u_strFoldCase (U_FOLD_CASE_DEFAULT),
// NFD, drop Mn, the mappings above, NFC, space collapsing. At construction,
// per-code-point replacement tables are built from that pipeline for the
// whole Basic Multilingual Plane, so that the per-answer work is a table
// lookup with a plain-ASCII fast path. Code points outside the BMP, and those
// whose normalization could depend on their neighbours (those that can
// compose under NFC with a preceding character after marks are removed, e.g.
// Hangul jamo or some Indic vowel signs, and non-mark characters that NFD
// reorders), send the whole answer to the ICU path, so both paths give the
// same bytes and offsets. Each byte that does not start a valid UTF-8
// sequence (strict: no overlongs, surrogates or values above U+10FFFF) is
// replaced by one U+FFFD, so a truncated 3-byte sequence gives two; the first
// one is reported through NormalizedText::invalid_utf8_offset.
#ifndef VERBATIM_CORE_NORMALIZER_H_
#define VERBATIM_CORE_NORMALIZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace verbatim {

struct NormalizedText {
  std::string text;  // Normalized UTF-8.
  // origin[i] is the byte offset in the original text of the original
  // character that produced normalized byte i (non-decreasing; a collapsed
  // space maps to the first space of its run; when ICU reorders or composes
  // several original characters, their output maps to the first of them).
  // It has text.size() + 1 entries; the last one is the original text's size.
  std::vector<uint32_t> origin;
  // Byte offset of the first invalid UTF-8 sequence in the original, or -1.
  long long invalid_utf8_offset = -1;

  // The original byte range [first, second) whose normalization produced the
  // normalized range [begin, end), widened to whole original characters
  // (both bytes of œ→oe; marks and invisible characters dropped after the
  // last one, so "Re\u0301" for "re") and excluding original whitespace and
  // dropped format characters that trail the range (the range's own last
  // character always stays, even a space). An empty range gives
  // {origin[begin], origin[begin]}.
  // REQUIRES: begin <= end <= text.size().
  std::pair<size_t, size_t> ToOriginal(size_t begin, size_t end,
                                       std::string_view original) const;
};

// Thread-safe after construction: Normalize is const and keeps no state.
// Neither copyable nor movable is needed by callers: hold it by unique_ptr.
class Normalizer {
 public:
  // Builds the tables from ICU. Fails only when ICU's data cannot be loaded
  // (the error names the ICU status).
  static Result<std::unique_ptr<Normalizer>> Create();

  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Normalizes `original` into `out` (its buffers are reused: no allocation
  // once they are large enough, unless the answer takes the ICU path).
  void Normalize(std::string_view original, NormalizedText* out) const;

  // Convenience for patterns and tests: the normalized text alone.
  std::string Normalize(std::string_view original) const;

  // The reference implementation: ICU functions applied to the whole text,
  // no tables. Used for tests and as the fallback path. Offsets in `out` are
  // per original code point.
  void NormalizeWithIcu(std::string_view original, NormalizedText* out) const;

 private:
  Normalizer();
  struct Tables;
  std::unique_ptr<Tables> tables_;
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_NORMALIZER_H_
