#include "io/html_text.h"

#include <fmt/format.h>

namespace verbatim {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD.

// Length of the valid UTF-8 sequence starting at text[at], or 0 when it is
// not one (overlong forms, surrogates and code points above U+10FFFF are
// invalid too).
size_t ValidSequenceLength(std::string_view text, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  size_t length;
  unsigned char low = 0x80, high = 0xBF;  // Bounds of the second byte.
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(at + 1) < low || byte(at + 1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t at = 0; at < text.size();) {
    const size_t length = ValidSequenceLength(text, at);
    if (length == 0) {
      out += kReplacement;
      ++at;
      continue;
    }
    if (length > 1) {
      out.append(text.substr(at, length));
      at += length;
      continue;
    }
    const char c = text[at++];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out += c;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out += kReplacement;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string HighlightHtml(std::string_view original, const std::vector<MarkSpan>& spans,
                          const Codebook& codebook) {
  std::string out;
  size_t at = 0;
  for (const MarkSpan& span : spans) {
    out += EscapeHtml(original.substr(at, span.begin - at));
    std::string title;
    for (int code : span.codes) {
      if (!title.empty()) title += ", ";
      title += codebook.codes[code].id;
    }
    out +=
        fmt::format("<mark class=\"{}\" title=\"{}\">", MarkKindName(span.kind), EscapeHtml(title));
    out += EscapeHtml(original.substr(span.begin, span.end - span.begin));
    out += "</mark>";
    at = span.end;
  }
  out += EscapeHtml(original.substr(at));
  return out;
}

std::string FrenchDecimal(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  for (char& c : text) {
    if (c == '.') c = ',';
  }
  return text;
}

std::string FrenchAnswerCount(size_t n) { return fmt::format("{} réponse{}", n, n > 1 ? "s" : ""); }

std::string FrenchPercent(double percent) { return FrenchDecimal(percent, 1) + "\u00A0%"; }

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string Ellipsize(std::string_view text, size_t max_code_points) {
  size_t count = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
    if (count == max_code_points) return std::string(text.substr(0, at)) + "…";
    ++count;
  }
  return std::string(text);
}

}  // namespace verbatim
