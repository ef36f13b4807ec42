#include "io/input/column_selector.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace verbatim {
namespace {

// U+00C0..U+00FF (UTF-8 "\xC3\x80".."\xC3\xBF") without accents; nullptr
// keeps the letter (×, Þ, ÷, þ).
// clang-format off
constexpr std::array<const char*, 64> kLatin1Folded = {
    // À..Ï
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // Ð..ß
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", nullptr, "ss",
    // à..ï
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // ð..ÿ
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", nullptr, "y"};
// clang-format on

// Messages list at most this many columns (a line of a million commas is
// a header of a million columns).
constexpr size_t kMaxListedColumns = 20;

// A header as messages show it: at most 60 bytes, cut before a UTF-8
// continuation byte.
std::string Shorten(const std::string& name) {
  constexpr size_t kMaxBytes = 60;
  if (name.size() <= kMaxBytes) return name;
  size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return name.substr(0, cut) + "…";
}

std::string ListColumns(const std::vector<std::string>& headers) {
  std::string out;
  for (size_t i = 0; i < headers.size() && i < kMaxListedColumns; ++i) {
    if (i > 0) out += ", ";
    out += fmt::format("{}: \"{}\"", i + 1, Shorten(headers[i]));
  }
  if (headers.size() > kMaxListedColumns) {
    out += fmt::format(" and {} more", headers.size() - kMaxListedColumns);
  }
  return out;
}

bool IsIdName(const std::string& folded) {
  return folded == "id" || folded == "responseid" || folded == "respondent_id" ||
         folded == "identifiant";
}

bool IsIndex(const std::string& spec) {
  return spec.size() <= 9 &&
         std::all_of(spec.begin(), spec.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string FoldHeaderName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const std::string_view rest = name.substr(i);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') continue;
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == 0xC3 && rest.size() >= 2 && (name[i + 1] & 0xC0) == 0x80) {
      const char* folded = kLatin1Folded[static_cast<unsigned char>(name[i + 1]) - 0x80];
      if (folded != nullptr) {
        out += folded;
      } else {
        out.append(rest.substr(0, 2));
      }
      ++i;
    } else if (rest.starts_with("\xC2\xA0")) {  // No-break space.
      ++i;
    } else if (rest.starts_with("\xE2\x80\xAF")) {  // Narrow no-break space.
      i += 2;
    } else if (rest.starts_with("\xE2\x80\x99")) {  // Right single quotation mark.
      out.push_back('\'');
      i += 2;
    } else if (rest.starts_with("\xC5\x92") || rest.starts_with("\xC5\x93")) {  // Œ œ
      out += "oe";
      ++i;
    } else if (rest.starts_with("\xC5\xB8")) {  // Ÿ
      out.push_back('y');
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

Result<size_t> SelectColumn(const std::vector<std::string>& headers, const std::string& spec,
                            std::string_view option, const SourceLocation& header_location) {
  const auto exact = std::find(headers.begin(), headers.end(), spec);
  if (exact != headers.end()) return static_cast<size_t>(exact - headers.begin());

  const std::string folded_spec = FoldHeaderName(spec);
  std::vector<size_t> folded_matches;
  for (size_t i = 0; i < headers.size(); ++i) {
    if (FoldHeaderName(headers[i]) == folded_spec) folded_matches.push_back(i);
  }
  if (folded_matches.size() == 1) return folded_matches[0];
  if (folded_matches.size() > 1) {
    std::vector<std::string> names;
    for (size_t i : folded_matches) names.push_back(fmt::format("{}: \"{}\"", i + 1, headers[i]));
    return MakeError(fmt::format("{} \"{}\" matches several columns when case, accents and "
                                 "spaces are ignored: {}; give the exact name or the index",
                                 option, spec, fmt::join(names, ", ")),
                     header_location);
  }

  if (IsIndex(spec)) {
    const size_t index = std::stoul(spec);
    if (index >= 1 && index <= headers.size()) return index - 1;
    return MakeError(fmt::format("{} {}: no such column index (the file has {} columns: {})",
                                 option, spec, headers.size(), ListColumns(headers)),
                     header_location);
  }
  return MakeError(fmt::format("{} \"{}\": no such column; the columns are {}", option, spec,
                               ListColumns(headers)),
                   header_location);
}

std::optional<size_t> DefaultIdColumn(const std::vector<std::string>& headers) {
  for (size_t i = 0; i < headers.size(); ++i) {
    if (IsIdName(FoldHeaderName(headers[i]))) return i;
  }
  return std::nullopt;
}

Result<size_t> DefaultTextColumn(const std::vector<std::string>& headers,
                                 const SourceLocation& header_location) {
  for (size_t i = headers.size(); i-- > 0;) {
    const std::string folded = FoldHeaderName(headers[i]);
    if (folded != "horodateur" && folded != "timestamp" && folded != "horodatage" &&
        !IsIdName(folded)) {
      return i;
    }
  }
  return MakeError(fmt::format("no text column: every column is a timestamp or an id ({}); "
                               "choose one with --column",
                               ListColumns(headers)),
                   header_location);
}

}  // namespace verbatim
