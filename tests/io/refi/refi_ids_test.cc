#include "io/refi/refi_ids.h"

#include <gtest/gtest.h>

#include <regex>

#include "tests/testing/small_codebook.h"

namespace verbatim {
namespace {

TEST(RefiIdsTest, GuidIsTheSameForTheSameArguments) {
  EXPECT_EQ(RefiGuid("code", "t/reval"), RefiGuid("code", "t/reval"));
}

TEST(RefiIdsTest, GuidDiffersByKindAndKey) {
  EXPECT_NE(RefiGuid("code", "t/reval"), RefiGuid("case", "t/reval"));
  EXPECT_NE(RefiGuid("code", "t/reval"), RefiGuid("code", "t/reval.ccam"));
  // The kind and key are separated: ("ab", "c") is not ("a", "bc").
  EXPECT_NE(RefiGuid("ab", "c"), RefiGuid("a", "bc"));
}

TEST(RefiIdsTest, GuidHasTheSchemaShapeVersionAndVariant) {
  const std::string guid = RefiGuid("source", "42");
  EXPECT_TRUE(std::regex_match(
      guid, std::regex("[0-9A-F]{8}-[0-9A-F]{4}-8[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}")))
      << guid;
}

TEST(RefiIdsTest, SubthemeTakesItsThemeColourAndThemesDiffer) {
  const Codebook book = testing::SmallCodebook();
  EXPECT_EQ(RefiCodeColor(book, 1), RefiCodeColor(book, 0));
  EXPECT_EQ(RefiCodeColor(book, 2), RefiCodeColor(book, 0));
  EXPECT_EQ(RefiCodeColor(book, 4), RefiCodeColor(book, 3));
  EXPECT_NE(RefiCodeColor(book, 3), RefiCodeColor(book, 0));
  EXPECT_TRUE(std::regex_match(RefiCodeColor(book, 0), std::regex("#[0-9A-F]{6}")));
}

TEST(RefiIdsTest, DescriptionEndsWithTheIdThatImportFindsAgain) {
  CodeDefinition code;
  code.id = "reval.ccam";
  code.description = "Revalorisation de la CCAM.";
  code.use_when = "actes techniques";
  const std::string description = RefiCodeDescription(code);
  EXPECT_EQ(description,
            "Revalorisation de la CCAM.\n\nUse when: actes techniques\n\nverbatim id: reval.ccam");
  EXPECT_EQ(CodeIdFromRefiDescription(description), "reval.ccam");
  // A tool that appends a line ending keeps it readable.
  EXPECT_EQ(CodeIdFromRefiDescription(description + "\r\n"), "reval.ccam");
}

TEST(RefiIdsTest, DescriptionWithoutAnIdLineNamesNone) {
  EXPECT_EQ(CodeIdFromRefiDescription(""), "");
  EXPECT_EQ(CodeIdFromRefiDescription("A code made in NVivo"), "");
  EXPECT_EQ(CodeIdFromRefiDescription("not at a line start: verbatim id: x"), "");
}

TEST(RefiIdsTest, OffsetsCountCodePointsNotBytes) {
  const std::string text = "Réévaluer l’acte 😀 ok";  // é: 2 bytes, ’: 3, 😀: 4.
  EXPECT_EQ(CodePointOffset(text, 0), 0u);
  EXPECT_EQ(CodePointOffset(text, 1), 1u);  // "R"
  EXPECT_EQ(CodePointOffset(text, 5), 3u);  // "Réé"
  EXPECT_EQ(CodePointOffset(text, text.size()), 21u);
  EXPECT_EQ(CodePointOffset(text, text.find("ok")), 19u);
}

}  // namespace
}  // namespace verbatim

namespace verbatim {
namespace {

TEST(RefiXmlTextTest, ReplacesWhatXmlForbidsAndKeepsTheRest) {
  EXPECT_EQ(RefiXmlText("Répondant\t1\r\n😀"), "Répondant\t1\r\n😀");
  EXPECT_EQ(RefiXmlText(std::string("a\x01"
                                    "b\x0B"
                                    "c",
                                    5)),
            "a\uFFFDb\uFFFDc");
  EXPECT_EQ(RefiXmlText("caf\xE9"), "caf\uFFFD");  // Latin-1 é: not UTF-8.
}

}  // namespace
}  // namespace verbatim
