#include "cli/color_choice.h"

#include <gtest/gtest.h>

namespace verbatim {
namespace {

struct ColorCase {
  const char* choice;
  bool terminal;
  const char* no_color;  // null: unset.
  ColorMode expected;
};

std::ostream& operator<<(std::ostream& out, const ColorCase& c) {
  return out << "--color=" << c.choice << " terminal=" << c.terminal
             << " NO_COLOR=" << (c.no_color ? c.no_color : "(unset)");
}

class ColorChoiceTest : public ::testing::TestWithParam<ColorCase> {};

TEST_P(ColorChoiceTest, ResolvesTheMode) {
  const ColorCase& c = GetParam();
  const auto choice = ParseColorChoice(c.choice);
  ASSERT_TRUE(choice.has_value());
  EXPECT_EQ(ResolveColorMode(*choice, c.terminal, c.no_color), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ColorChoiceTest,
    ::testing::Values(ColorCase{"auto", true, nullptr, ColorMode::kAnsi},
                      ColorCase{"auto", false, nullptr, ColorMode::kPlain},
                      ColorCase{"auto", true, "1", ColorMode::kPlain},
                      // no-color.org: an empty NO_COLOR does not disable colours.
                      ColorCase{"auto", true, "", ColorMode::kAnsi},
                      ColorCase{"always", false, "1", ColorMode::kAnsi},
                      ColorCase{"never", true, nullptr, ColorMode::kPlain}));

TEST(ColorChoiceParseTest, RejectsOtherWords) {
  EXPECT_FALSE(ParseColorChoice("yes").has_value());
  EXPECT_FALSE(ParseColorChoice("").has_value());
}

}  // namespace
}  // namespace verbatim
