// Telling, before any row is read, that an input given without --encoding is
// not UTF-8 but a legacy encoding.
//
// Design: a Windows-1252 file read as UTF-8 gives one "invalid UTF-8" error
// row for every answer with an accent, which hides the one thing to do (pass
// --encoding). A UTF-8 file with a few damaged rows must keep its other rows
// coded. The rule separating them: within the first bytes of the input (64
// KB), a first invalid byte that comes before any valid multi-byte UTF-8
// sequence means the input is not UTF-8, and it is refused with one message;
// once a valid multi-byte sequence has been seen, or past the first bytes,
// invalid bytes are error rows as before.
#ifndef VERBATIM_IO_ENCODING_GUESS_H_
#define VERBATIM_IO_ENCODING_GUESS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace verbatim {

// How many bytes of an input the rule looks at.
inline constexpr size_t kEncodingGuessBytes = 64 * 1024;

// The first byte of an input that shows it is not UTF-8.
struct NotUtf8Sign {
  size_t offset = 0;  // 0-based, within the input.
  size_t line = 0;    // 1-based; lines end with LF, CRLF or a lone CR.
  unsigned char byte = 0;
};

// Applies the rule above to `head`, the first bytes of an input (all of it
// when `complete`; otherwise a sequence cut by its end is not judged).
// Returns the first invalid byte when it comes before any valid multi-byte
// sequence, else std::nullopt.
std::optional<NotUtf8Sign> FindNotUtf8Sign(std::string_view head, bool complete);

// The one message for such an input: which byte, what the file is likely to
// be, and the --encoding to pass (the caller adds the file and line).
std::string NotUtf8Message(const NotUtf8Sign& sign);

}  // namespace verbatim

#endif  // VERBATIM_IO_ENCODING_GUESS_H_
