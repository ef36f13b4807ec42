// --color=auto|always|never, decided in one place.
#ifndef VERBATIM_CLI_COLOR_CHOICE_H_
#define VERBATIM_CLI_COLOR_CHOICE_H_

#include <optional>
#include <string>

#include "io/output/terminal_style.h"

namespace verbatim {

enum class ColorChoice { kAuto, kAlways, kNever };

// Parses "auto", "always", "never".
std::optional<ColorChoice> ParseColorChoice(const std::string& text);

// kAlways and kNever are obeyed. kAuto gives colours only when standard
// output is a terminal and NO_COLOR is not set to a non-empty value
// (https://no-color.org); `no_color` is getenv("NO_COLOR"), null when unset.
ColorMode ResolveColorMode(ColorChoice choice, bool out_is_terminal, const char* no_color);

}  // namespace verbatim

#endif  // VERBATIM_CLI_COLOR_CHOICE_H_
