#include "io/refi/refi_ids.h"

#include <array>
#include <cctype>
#include <string>

#include "io/input/sha256.h"
#include "io/input/utf8.h"

namespace verbatim {
namespace {

constexpr std::string_view kIdPrefix = "verbatim id: ";

// Distinct hues that stay readable as highlight colours (Tableau 10).
constexpr std::array<const char*, 10> kPalette = {"#4E79A7", "#F28E2B", "#E15759", "#76B7B2",
                                                  "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7",
                                                  "#9C755F", "#BAB0AC"};

}  // namespace

std::string RefiGuid(std::string_view kind, std::string_view key) {
  std::string input = "verbatim/refi-qda/";
  input.append(kind);
  input.push_back('\0');
  input.append(key);
  std::string hex = Sha256Hex(input).substr(0, 32);
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  hex[12] = '8';  // Version 8.
  static constexpr char kVariant[] = "89AB";
  hex[16] = kVariant[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
  return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
         hex.substr(16, 4) + '-' + hex.substr(20, 12);
}

std::string RefiCodeGuid(const Codebook& codebook, int code) {
  return RefiGuid("code", codebook.info.id + '/' + codebook.codes[static_cast<size_t>(code)].id);
}

std::string RefiCodeColor(const Codebook& codebook, int code) {
  const CodeDefinition& definition = codebook.codes[static_cast<size_t>(code)];
  const int theme = definition.level == CodeLevel::kSubtheme ? definition.theme_index : code;
  size_t theme_number = 0;
  for (int i = 0; i < theme; ++i) {
    if (codebook.codes[static_cast<size_t>(i)].level == CodeLevel::kTheme) ++theme_number;
  }
  return kPalette[theme_number % kPalette.size()];
}

std::string RefiCodeName(const CodeDefinition& code) {
  return code.label.empty() ? code.id : code.label;
}

std::string RefiCodeDescription(const CodeDefinition& code) {
  std::string text = code.description;
  auto paragraph = [&text](std::string_view heading, const std::string& body) {
    if (body.empty()) return;
    if (!text.empty()) text += "\n\n";
    text.append(heading).append(body);
  };
  paragraph("Use when: ", code.use_when);
  paragraph("Not when: ", code.not_when);
  if (!text.empty()) text += "\n\n";
  text.append(kIdPrefix).append(code.id);
  return text;
}

std::string CodeIdFromRefiDescription(std::string_view description) {
  const size_t at = description.rfind(kIdPrefix);
  if (at == std::string_view::npos || (at > 0 && description[at - 1] != '\n')) return "";
  std::string_view id = description.substr(at + kIdPrefix.size());
  while (!id.empty() && (id.back() == '\n' || id.back() == '\r' || id.back() == ' ')) {
    id.remove_suffix(1);
  }
  if (id.find_first_of("\n ") != std::string_view::npos) return "";
  return std::string(id);
}

size_t CodePointOffset(std::string_view text, size_t byte) {
  size_t characters = 0;
  for (size_t at = 0; at < byte && at < text.size();) {
    const size_t length = ValidUtf8SequenceLength(text, at);
    at += length == 0 ? 1 : length;
    ++characters;
  }
  return characters;
}

std::string RefiXmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    const unsigned char byte = static_cast<unsigned char>(text[at]);
    const size_t length = ValidUtf8SequenceLength(text, at);
    if (length == 0 || (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r')) {
      out += "\xEF\xBF\xBD";
      ++at;
      continue;
    }
    out.append(text.substr(at, length));
    at += length;
  }
  return out;
}

}  // namespace verbatim
