#include "io/input/dictionary_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "io/input/single_byte_decoder.h"
#include "io/input/utf8.h"

namespace verbatim {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

std::string_view DictionaryFormatName(DictionaryFormat format) {
  switch (format) {
    case DictionaryFormat::kQuanteda:
      return "quanteda";
    case DictionaryFormat::kLiwc:
      return "liwc";
    case DictionaryFormat::kWordstat:
      return "wordstat";
  }
  return "";
}

std::optional<DictionaryFormat> ParseDictionaryFormat(std::string_view name) {
  for (DictionaryFormat format :
       {DictionaryFormat::kQuanteda, DictionaryFormat::kLiwc, DictionaryFormat::kWordstat}) {
    if (DictionaryFormatName(format) == name) return format;
  }
  return std::nullopt;
}

std::optional<DictionaryFormat> DictionaryFormatFromPath(const std::string& path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
  const std::string extension = Lower(path.substr(dot + 1));
  if (extension == "yml" || extension == "yaml") return DictionaryFormat::kQuanteda;
  if (extension == "dic") return DictionaryFormat::kLiwc;
  if (extension == "cat") return DictionaryFormat::kWordstat;
  return std::nullopt;
}

std::vector<std::string_view> SplitDictionaryLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

Result<Dictionary> ReadDictionaryFile(const std::string& path, DictionaryFormat format) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(std::string("cannot read the dictionary: ") + std::strerror(errno),
                              {path});
  std::ostringstream bytes;
  bytes << file.rdbuf();
  if (file.bad()) return MakeError("cannot read the dictionary", {path});
  std::string text = std::move(bytes).str();
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  std::optional<DictionaryNote> encoding_note;
  if (!IsValidUtf8(text)) {
    auto table = SingleByteTable::Make("windows-1252");
    if (!table) return tl::unexpected(table.error());
    std::string decoded;
    for (char c : text) decoded += table->Utf8(static_cast<unsigned char>(c));
    text = std::move(decoded);
    encoding_note = DictionaryNote{{path}, "not UTF-8: read as Windows-1252 (Latin-1)"};
  }
  Result<Dictionary> dictionary = format == DictionaryFormat::kQuanteda
                                      ? ParseQuantedaDictionary(text, path)
                                  : format == DictionaryFormat::kLiwc
                                      ? ParseLiwcDictionary(text, path)
                                      : ParseWordstatDictionary(text, path);
  if (dictionary && encoding_note) {
    dictionary->notes.insert(dictionary->notes.begin(), std::move(*encoding_note));
  }
  return dictionary;
}

}  // namespace verbatim
