#include "io/output/display_text.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace verbatim {
namespace {

TEST(DisplayTextTest, WidthCountsCharactersNotBytes) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("ccam"), 4u);
  EXPECT_EQ(DisplayWidth("Régulation"), 10u);
  EXPECT_EQ(DisplayWidth("…"), 1u);
}

TEST(DisplayTextTest, WideCharactersTakeTwoColumns) { EXPECT_EQ(DisplayWidth("医生"), 4u); }

TEST(DisplayTextTest, WidthAgreesWithFmtPadding) {
  for (const char* text : {"Régulation", "医生 ok", "a\u0301"}) {
    EXPECT_EQ(fmt::format("{:<20}|", text).size() - std::string(text).size(),
              20u - DisplayWidth(text) + 1)
        << text;
  }
}

TEST(DisplayTextTest, OneLineCollapsesLineEndsAndTabs) {
  EXPECT_EQ(OneLine("Revalorisation\r\n\tde la  consultation"),
            "Revalorisation de la consultation");
  EXPECT_EQ(OneLine("\nccam\n"), " ccam ");
}

TEST(DisplayTextTest, KeepTailCutsAtTheStartWithAnEllipsis) {
  EXPECT_EQ(KeepTail("une vraie revalorisation", 30), "une vraie revalorisation");
  EXPECT_EQ(KeepTail("une vraie revalorisation", 8), "…isation");
  EXPECT_EQ(DisplayWidth(KeepTail("déjà écrit à côté", 7)), 7u);
  EXPECT_EQ(KeepTail("déjà écrit à côté", 7), "…à côté");
}

TEST(DisplayTextTest, KeepHeadCutsAtTheEndWithAnEllipsis) {
  EXPECT_EQ(KeepHead("actes techniques", 16), "actes techniques");
  EXPECT_EQ(KeepHead("actes techniques", 6), "actes…");
  EXPECT_EQ(KeepHead("éèàù", 3), "éè…");
}

TEST(DisplayTextTest, CutsNeverSplitAWideCharacter) {
  EXPECT_EQ(KeepHead("医生医生", 4), "医…");
  EXPECT_EQ(KeepTail("医生医生", 4), "…生");
}

TEST(DisplayTextTest, SnippetShowsContextOnBothSides) {
  const std::string text = "Il faut revaloriser\nla CCAM maintenant";
  const Snippet snippet = MakeSnippet(text, 8, 19, 6);
  EXPECT_EQ(snippet.left, "…faut ");
  EXPECT_EQ(snippet.match, "revaloriser");
  EXPECT_EQ(snippet.right, " la C…");
}

}  // namespace
}  // namespace verbatim
