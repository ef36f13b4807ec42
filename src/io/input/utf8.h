// UTF-8 validity, byte by byte, as readers check answers and HTML escapes
// them.
#ifndef VERBATIM_IO_UTF8_H_
#define VERBATIM_IO_UTF8_H_

#include <cstddef>
#include <string_view>

namespace verbatim {

// Length (1-4) of the valid UTF-8 sequence starting at text[at], or 0 when
// it is not one: overlong forms, surrogates, code points above U+10FFFF and
// sequences cut by the end of `text` are invalid. REQUIRES: at < text.size().
size_t ValidUtf8SequenceLength(std::string_view text, size_t at);

// True when the whole of `text` is valid UTF-8 (by ValidUtf8SequenceLength).
bool IsValidUtf8(std::string_view text);

}  // namespace verbatim

#endif  // VERBATIM_IO_UTF8_H_
