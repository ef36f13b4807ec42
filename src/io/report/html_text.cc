#include "io/report/html_text.h"

#include <fmt/format.h>

#include "io/input/utf8.h"

namespace verbatim {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD.

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t at = 0; at < text.size();) {
    const size_t length = ValidUtf8SequenceLength(text, at);
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
