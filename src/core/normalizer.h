// Text normalization shared by patterns and answers, with a map back to the
// original bytes.
//
// The normal form is: NFC; full Unicode case folding; diacritics removed
// (é→e, ç→c: canonical decomposition, then every nonspacing mark dropped);
// typographic apostrophes and quotes unified (’ ‘ ‛ ` ´ ′ → ', “ ” „ « » → ");
// œ→oe, æ→ae (and their capitals); every dash (‐ ‑ ‒ – — ― − ⁃) → '-';
// every Unicode space and control character (tab, newlines, NBSP, NNBSP, …)
// → ' '; runs of spaces collapsed to one and removed at both ends.
//
// Design: the normal form is defined by ICU's functions (Normalizer2 NFD/NFC
// and u_foldCase with U_FOLD_CASE_DEFAULT), applied per code point. At
// construction, per-code-point replacement tables are built from ICU for the
// whole Basic Multilingual Plane, so that the per-answer work is a table
// lookup with a plain-ASCII fast path. Code points whose normalization depends
// on their neighbours (those that can compose under NFC with a preceding
// character after marks are removed, e.g. Hangul jamo or some Indic vowel
// signs) send the whole answer to the ICU path, which gives the same result
// as the reference definition. Invalid UTF-8 bytes are each replaced by
// U+FFFD and reported through NormalizedText::invalid_utf8_offset.
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
  // character that produced normalized byte i. It has text.size() + 1
  // entries; the last one is the original text's size.
  std::vector<uint32_t> origin;
  // Byte offset of the first invalid UTF-8 sequence in the original, or -1.
  long long invalid_utf8_offset = -1;

  // The original byte range [first, second) whose normalization produced the
  // normalized range [begin, end), widened to whole original characters and
  // excluding original whitespace that trails the range.
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

  // Normalizes `original` into `out` (its buffers are reused).
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
