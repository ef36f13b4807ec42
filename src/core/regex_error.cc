#include "core/regex_error.h"

#include <re2/re2.h>

namespace verbatim {
namespace {

constexpr std::string_view kLookaroundHint =
    "; RE2 has no lookaround ((?=, (?!, (?<=, (?<!): write the words that must not be there as an "
    "'exclude:' pattern of the code, and words that must be close to each other as a 'near:' "
    "pattern";
constexpr std::string_view kBackreferenceHint =
    "; RE2 has no backreferences (\\1): write each repeated word out, or use a 'near:' pattern "
    "for words that must be close to each other, and an 'exclude:' pattern for words that must "
    "not be there";

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string DescribeRegexError(std::string_view source, const re2::RE2& regex) {
  std::string message = regex.error();
  const std::string& arg = regex.error_arg();
  // RE2 names "(?<" for a lookbehind; the source says which construct it was.
  const size_t at = arg.empty() ? std::string_view::npos : source.find(arg);
  const std::string_view rest = at == std::string_view::npos ? std::string_view(arg)
                                                             : source.substr(at);
  if (StartsWith(rest, "(?=") || StartsWith(rest, "(?!") || StartsWith(rest, "(?<=") ||
      StartsWith(rest, "(?<!")) {
    message += kLookaroundHint;
  } else if (rest.size() >= 2 && rest[0] == '\\' && rest[1] >= '1' && rest[1] <= '9') {
    message += kBackreferenceHint;
  }
  return message;
}

}  // namespace verbatim
