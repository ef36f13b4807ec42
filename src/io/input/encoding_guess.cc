#include "io/input/encoding_guess.h"

#include <fmt/format.h>

#include "io/input/single_byte_decoder.h"
#include "io/input/utf8.h"

namespace verbatim {

std::optional<NotUtf8Sign> FindNotUtf8Sign(std::string_view head, bool complete) {
  size_t line = 1;
  for (size_t at = 0; at < head.size();) {
    const unsigned char byte = static_cast<unsigned char>(head[at]);
    if (byte < 0x80) {
      if (byte == '\n' || (byte == '\r' && (at + 1 == head.size() || head[at + 1] != '\n'))) {
        ++line;
      }
      ++at;
      continue;
    }
    // A sequence cut by the end of the head may be whole in the input.
    if (!complete && at + 4 > head.size()) return std::nullopt;
    const size_t length = ValidUtf8SequenceLength(head, at);
    if (length > 1) return std::nullopt;  // UTF-8 it is: bad bytes later are rows.
    return NotUtf8Sign{at, line, byte};
  }
  return std::nullopt;
}

std::string NotUtf8Message(const NotUtf8Sign& sign) {
  static const Result<SingleByteTable> windows_1252 = SingleByteTable::Make("windows-1252");
  const std::string& character =
      windows_1252 ? windows_1252->Utf8(sign.byte) : std::string(1, static_cast<char>(sign.byte));
  // Undefined in Windows-1252 (kept as the byte) or a C1 control: no guess.
  const bool windows_like = character.size() > 1 &&
                            !(static_cast<unsigned char>(character[0]) == 0xC2 &&
                              static_cast<unsigned char>(character[1]) < 0xA0);
  const std::string where =
      fmt::format("byte 0x{:02X} (byte offset {}) is not UTF-8", sign.byte, sign.offset);
  if (windows_like) {
    return fmt::format(
        "{}: the file is likely Windows-1252 (0x{:02X} is '{}' there; Excel's CSV on Windows "
        "is saved so): pass --encoding windows-1252 (or --encoding utf-8 to read it as UTF-8, "
        "rows with bad bytes as errors)",
        where, sign.byte, character);
  }
  return fmt::format(
      "{}: the file is not UTF-8 (another encoding, or a binary file): pass --encoding with "
      "its encoding (windows-1252, iso-8859-15, utf-16), or --encoding utf-8 to read it as "
      "UTF-8, rows with bad bytes as errors",
      where);
}

}  // namespace verbatim
