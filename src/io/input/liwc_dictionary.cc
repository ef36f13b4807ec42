// LIWC .dic files (see dictionary_reader.h for the contract).
#include <fmt/format.h>

#include <map>

#include "io/input/dictionary_reader.h"

namespace verbatim {
namespace {

std::vector<std::string> Fields(std::string_view line) {
  std::vector<std::string> fields;
  std::string field;
  for (char c : line) {
    if (c == ' ' || c == '\t') {
      if (!field.empty()) fields.push_back(std::move(field));
      field.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty()) fields.push_back(std::move(field));
  return fields;
}

bool IsNumber(const std::string& field) {
  return !field.empty() && field.size() <= 9 &&
         field.find_first_not_of("0123456789") == std::string::npos;
}

std::string Join(const std::vector<std::string>& fields, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) out += (out.empty() ? "" : " ") + fields[i];
  return out;
}

bool IsPercentLine(std::string_view line) {
  const std::vector<std::string> fields = Fields(line);
  return fields.size() == 1 && fields[0] == "%";
}

}  // namespace

Result<Dictionary> ParseLiwcDictionary(std::string_view text, const std::string& path) {
  const std::vector<std::string_view> lines = SplitDictionaryLines(text);
  size_t at = 0;
  while (at < lines.size() && Fields(lines[at]).empty()) ++at;
  if (at == lines.size() || !IsPercentLine(lines[at])) {
    return MakeError("not a LIWC dictionary: it must start with a line '%' opening the header of "
                     "numbered categories",
                     {path, static_cast<int>(at + 1), 1});
  }
  Dictionary dictionary;
  std::map<int, size_t> index_of;  // category number -> index in categories
  for (++at; at < lines.size() && !IsPercentLine(lines[at]); ++at) {
    const std::vector<std::string> fields = Fields(lines[at]);
    if (fields.empty()) continue;
    const SourceLocation location{path, static_cast<int>(at + 1), 1};
    if (fields.size() < 2 || !IsNumber(fields[0])) {
      dictionary.notes.push_back(
          {location, fmt::format("header line '{}' is not '<number> <name>': not carried",
                                 Join(fields, 0, fields.size()))});
      continue;
    }
    const int number = std::stoi(fields[0]);
    if (index_of.count(number) > 0) {
      dictionary.notes.push_back(
          {location, fmt::format("category number {} declared twice: the second ('{}') is not "
                                 "carried",
                                 number, Join(fields, 1, fields.size()))});
      continue;
    }
    index_of[number] = dictionary.categories.size();
    dictionary.categories.push_back(DictionaryCategory{Join(fields, 1, fields.size()), location, {}, {}});
  }
  if (at == lines.size()) {
    return MakeError("the LIWC header has no closing line '%'", {path});
  }
  for (++at; at < lines.size(); ++at) {
    const std::vector<std::string> fields = Fields(lines[at]);
    if (fields.empty()) continue;
    const SourceLocation location{path, static_cast<int>(at + 1), 1};
    size_t first_number = 1;
    while (first_number < fields.size() && !IsNumber(fields[first_number])) ++first_number;
    const std::string entry = Join(fields, 0, first_number);
    if (first_number == fields.size()) {
      dictionary.notes.push_back(
          {location, fmt::format("'{}' has no category number: not carried", entry)});
      continue;
    }
    std::vector<std::string> odd;
    for (size_t i = first_number; i < fields.size(); ++i) {
      if (!IsNumber(fields[i])) {
        odd.push_back(fields[i]);
        continue;
      }
      auto found = index_of.find(std::stoi(fields[i]));
      if (found == index_of.end()) {
        dictionary.notes.push_back(
            {location, fmt::format("'{}': category {} is not in the header: not carried", entry,
                                   fields[i])});
        continue;
      }
      dictionary.categories[found->second].entries.push_back(DictionaryEntry{entry, location});
    }
    if (!odd.empty()) {
      dictionary.notes.push_back(
          {location, fmt::format("'{}': '{}' is not a category number (LIWC's conditional "
                                 "categories are not carried)",
                                 entry, Join(odd, 0, odd.size()))});
    }
  }
  return dictionary;
}

}  // namespace verbatim
