#include "io/output/terminal_style.h"

namespace verbatim {
namespace {

std::string_view Sequence(Tone tone) {
  switch (tone) {
    case Tone::kHeading:
      return "\x1b[1m";
    case Tone::kCode:
      return "\x1b[1;36m";
    case Tone::kMatch:
      return "\x1b[1;33m";
    case Tone::kExcluded:
      return "\x1b[1;35m";
    case Tone::kNegated:
      return "\x1b[1;31m";
    case Tone::kFirm:
      return "\x1b[32m";
    case Tone::kWeak:
      return "\x1b[33m";
    case Tone::kDim:
      return "\x1b[2m";
  }
  return "\x1b[1m";
}

}  // namespace

std::string Paint(std::string_view text, Tone tone, ColorMode mode) {
  if (mode == ColorMode::kPlain || text.empty()) return std::string(text);
  std::string out(Sequence(tone));
  out += text;
  out += "\x1b[0m";
  return out;
}

std::string Highlight(std::string_view text, Tone tone, ColorMode mode) {
  if (mode == ColorMode::kAnsi) return Paint(text, tone, mode);
  std::string out = "[";
  out += text;
  out += ']';
  return out;
}

}  // namespace verbatim
