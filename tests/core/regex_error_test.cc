#include "core/regex_error.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>

namespace verbatim {
namespace {

std::string Describe(const std::string& source) {
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 regex(source, options);
  EXPECT_FALSE(regex.ok()) << source;
  return DescribeRegexError(source, regex);
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(RegexErrorTest, LookaroundSaysRe2HasNoneAndPointsToExcludeAndNear) {
  for (const char* source : {"tarif(?= opposable)", "tarif(?! opposable)",
                             "(?<=secteur )2", "(?<!secteur )2"}) {
    const std::string message = Describe(source);
    EXPECT_TRUE(Contains(message, "RE2 has no lookaround")) << source << ": " << message;
    EXPECT_TRUE(Contains(message, "'exclude:'")) << message;
    EXPECT_TRUE(Contains(message, "'near:'")) << message;
  }
}

TEST(RegexErrorTest, BackreferenceSaysRe2HasNone) {
  const std::string message = Describe(R"((\w+) \1)");
  EXPECT_TRUE(Contains(message, "invalid escape sequence: \\1")) << message;
  EXPECT_TRUE(Contains(message, "RE2 has no backreferences")) << message;
  EXPECT_TRUE(Contains(message, "'near:'")) << message;
}

TEST(RegexErrorTest, OtherErrorsKeepRe2sMessageAlone) {
  EXPECT_EQ(Describe("(ccam"), "missing ): (ccam");
  // "(?<" starts a lookbehind only when "=" or "!" follows.
  EXPECT_FALSE(Contains(Describe("(?<name>x)"), "lookaround"));
}

}  // namespace
}  // namespace verbatim
