#include "cli/color_choice.h"

namespace verbatim {

std::optional<ColorChoice> ParseColorChoice(const std::string& text) {
  if (text == "auto") return ColorChoice::kAuto;
  if (text == "always") return ColorChoice::kAlways;
  if (text == "never") return ColorChoice::kNever;
  return std::nullopt;
}

ColorMode ResolveColorMode(ColorChoice choice, bool out_is_terminal, const char* no_color) {
  switch (choice) {
    case ColorChoice::kAlways:
      return ColorMode::kAnsi;
    case ColorChoice::kNever:
      return ColorMode::kPlain;
    case ColorChoice::kAuto:
      break;
  }
  const bool disabled = no_color != nullptr && no_color[0] != '\0';
  return out_is_terminal && !disabled ? ColorMode::kAnsi : ColorMode::kPlain;
}

}  // namespace verbatim
