// Text styles for terminal output: ANSI colours, or plain text.
//
// Design: writers name what a piece of text is (a heading, a code, a
// matched word…), never a colour; the CLI alone decides whether colours are
// used (a terminal, NO_COLOR, --color), and passes the ColorMode down. In
// plain mode highlighted evidence is bracketed, so that it still shows in
// a file or a pipe.
#ifndef VERBATIM_IO_TERMINAL_STYLE_H_
#define VERBATIM_IO_TERMINAL_STYLE_H_

#include <string>
#include <string_view>

namespace verbatim {

enum class ColorMode { kPlain, kAnsi };

enum class Tone {
  kHeading,   // Section titles.
  kCode,      // Code ids.
  kMatch,     // Evidence of an include pattern.
  kExcluded,  // Evidence of an exclusion; the "excluded" state.
  kNegated,   // Negated evidence; the "negated" state.
  kFirm,      // The "firm" state.
  kWeak,      // The "weak" state.
  kDim,       // Secondary details (locations).
};

// `text` in that tone: wrapped in an ANSI sequence and a reset in kAnsi;
// as is in kPlain.
std::string Paint(std::string_view text, Tone tone, ColorMode mode);

// Evidence within a text: in kAnsi painted in `tone`; in kPlain written
// "[text]".
std::string Highlight(std::string_view text, Tone tone, ColorMode mode);

}  // namespace verbatim

#endif  // VERBATIM_IO_TERMINAL_STYLE_H_
