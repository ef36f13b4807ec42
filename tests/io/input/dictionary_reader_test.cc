#include "io/input/dictionary_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

// The notes' messages, for EXPECT_THAT-free checks.
bool HasNoteContaining(const Dictionary& dictionary, const std::string& part) {
  for (const DictionaryNote& note : dictionary.notes) {
    if (note.message.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(SplitDictionaryLinesTest, CutsAtLfCrlfAndLoneCrInAnyMix) {
  struct Case {
    std::string text;
    std::vector<std::string> lines;
  };
  const std::vector<Case> cases = {
      {"a\nb\n", {"a", "b"}},
      {"a\r\nb\r\n", {"a", "b"}},
      {"a\rb\r", {"a", "b"}},
      {"a\rb\nc\r\nd", {"a", "b", "c", "d"}},
      {"a\r\rb", {"a", "", "b"}},
      {"", {}},
  };
  for (const Case& c : cases) {
    const std::vector<std::string_view> got = SplitDictionaryLines(c.text);
    EXPECT_EQ(std::vector<std::string>(got.begin(), got.end()), c.lines) << "text: " << c.text;
  }
}

TEST(DictionaryFormatTest, NamesRoundTripAndExtensionsAreKnown) {
  for (DictionaryFormat format :
       {DictionaryFormat::kQuanteda, DictionaryFormat::kLiwc, DictionaryFormat::kWordstat}) {
    EXPECT_EQ(ParseDictionaryFormat(DictionaryFormatName(format)), format);
  }
  EXPECT_EQ(ParseDictionaryFormat("LIWC"), std::nullopt);
  EXPECT_EQ(DictionaryFormatFromPath("a/RID.CAT"), DictionaryFormat::kWordstat);
  EXPECT_EQ(DictionaryFormatFromPath("mfd.dic"), DictionaryFormat::kLiwc);
  EXPECT_EQ(DictionaryFormatFromPath("d.yml"), DictionaryFormat::kQuanteda);
  EXPECT_EQ(DictionaryFormatFromPath("d.YAML"), DictionaryFormat::kQuanteda);
  EXPECT_EQ(DictionaryFormatFromPath("d.txt"), std::nullopt);
  EXPECT_EQ(DictionaryFormatFromPath("dir.cat/file"), std::nullopt);
}

TEST(WordstatDictionaryTest, ReadsThreeLevelsWithEveryLineEnd) {
  for (const std::string end : {"\n", "\r\n", "\r"}) {
    const std::string text = "TOP" + end + "\tMIDDLE" + end + "\t\tLEAF" + end + "\t\t\tWORD* (1)" +
                             end + "\t\t\tOTHER (1)" + end + "\tSECOND" + end + "\t\tMORE (1)" +
                             end;
    auto read = ParseWordstatDictionary(text, "d.cat");
    ASSERT_TRUE(read) << read.error().message;
    ASSERT_EQ(read->categories.size(), 1u);
    const DictionaryCategory& top = read->categories[0];
    EXPECT_EQ(top.name, "TOP");
    EXPECT_TRUE(top.entries.empty());
    ASSERT_EQ(top.children.size(), 2u);
    ASSERT_EQ(top.children[0].children.size(), 1u);
    const DictionaryCategory& leaf = top.children[0].children[0];
    EXPECT_EQ(leaf.name, "LEAF");
    ASSERT_EQ(leaf.entries.size(), 2u);
    EXPECT_EQ(leaf.entries[0].text, "WORD*");
    EXPECT_EQ(leaf.entries[0].location.line, 4);
    EXPECT_EQ(leaf.entries[1].text, "OTHER");
    ASSERT_EQ(top.children[1].entries.size(), 1u);
    EXPECT_EQ(top.children[1].entries[0].text, "MORE");
  }
}

TEST(WordstatDictionaryTest, DropsWeightsWithOneNotePerValue) {
  auto read = ParseWordstatDictionary("A\n\tX (1)\n\tY (1)\n\tZ (2)\n", "d.cat");
  ASSERT_TRUE(read);
  ASSERT_EQ(read->categories[0].entries.size(), 3u);
  EXPECT_EQ(read->categories[0].entries[2].text, "Z");
  ASSERT_EQ(read->notes.size(), 2u);
  EXPECT_NE(read->notes[0].message.find("2 entries with the weight (1)"), std::string::npos);
  EXPECT_EQ(read->notes[0].location.line, 2);
  EXPECT_NE(read->notes[1].message.find("1 entry with the weight (2)"), std::string::npos);
}

TEST(WordstatDictionaryTest, ReadsUnderscoreAsSpaceAndKeepsUnweightedLeaves) {
  auto read = ParseWordstatDictionary("A\n\tWAR_IN_IRAQ (1)\n\tHUMAN RIGHTS (1)\n\tPLAIN\n", "d.cat");
  ASSERT_TRUE(read);
  const auto& entries = read->categories[0].entries;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].text, "WAR IN IRAQ");
  EXPECT_EQ(entries[1].text, "HUMAN RIGHTS");
  EXPECT_EQ(entries[2].text, "PLAIN");
}

TEST(WordstatDictionaryTest, ThemeWordsBesideSubcategoriesStayOnTheTheme) {
  auto read = ParseWordstatDictionary("A\n\tSUB\n\t\tX (1)\n\tDIRECT (1)\nB\n", "d.cat");
  ASSERT_TRUE(read);
  ASSERT_EQ(read->categories.size(), 2u);
  ASSERT_EQ(read->categories[0].entries.size(), 1u);
  EXPECT_EQ(read->categories[0].entries[0].text, "DIRECT");
  EXPECT_EQ(read->categories[1].name, "B");  // An empty category is kept.
}

TEST(WordstatDictionaryTest, NotAWordstatFileIsAnError) {
  EXPECT_FALSE(ParseWordstatDictionary("\n\n", "d.cat"));
}

TEST(LiwcDictionaryTest, ReadsHeaderEntriesAndSeveralCategories) {
  for (const std::string end : {"\n", "\r\n", "\r"}) {
    const std::string text = "%" + end + "01\tCare" + end + "2 Fair Play" + end + "%" + end +
                             "safe*\t\t01" + end + "preserve\t01 02" + end +
                             "civil rights\t2" + end;
    auto read = ParseLiwcDictionary(text, "d.dic");
    ASSERT_TRUE(read) << read.error().message;
    ASSERT_EQ(read->categories.size(), 2u);
    EXPECT_EQ(read->categories[0].name, "Care");
    EXPECT_EQ(read->categories[1].name, "Fair Play");
    ASSERT_EQ(read->categories[0].entries.size(), 2u);
    EXPECT_EQ(read->categories[0].entries[0].text, "safe*");
    ASSERT_EQ(read->categories[1].entries.size(), 2u);
    EXPECT_EQ(read->categories[1].entries[0].text, "preserve");
    EXPECT_EQ(read->categories[1].entries[1].text, "civil rights");
    EXPECT_EQ(read->categories[1].entries[1].location.line, 7);
    EXPECT_TRUE(read->notes.empty());
  }
}

TEST(LiwcDictionaryTest, ReportsUndeclaredCategoriesAndConditionalOnes) {
  auto read = ParseLiwcDictionary(
      "%\n1 a\n2 b\n%\nlike\t1 (1 2)2/3\nlost\t7\nalone\n", "d.dic");
  ASSERT_TRUE(read);
  ASSERT_EQ(read->categories[0].entries.size(), 1u);
  EXPECT_TRUE(HasNoteContaining(*read, "'(1 2)2/3' is not a category number"));
  EXPECT_TRUE(HasNoteContaining(*read, "category 7 is not in the header"));
  EXPECT_TRUE(HasNoteContaining(*read, "'alone' has no category number"));
}

TEST(LiwcDictionaryTest, NoHeaderIsAnError) {
  auto read = ParseLiwcDictionary("safe*\t1\n", "d.dic");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().location.line, 1);
  EXPECT_FALSE(ParseLiwcDictionary("%\n1 a\n", "d.dic"));
}

TEST(QuantedaDictionaryTest, ReadsNestedKeysListsAndSingleStrings) {
  auto read = ParseQuantedaDictionary(
      "economy:\n  tax: [tax*, taxation]\n  jobs:\n    - employ*\n    - \"labour market\"\n"
      "single: word\nempty:\n",
      "d.yml");
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->categories.size(), 3u);
  const DictionaryCategory& economy = read->categories[0];
  ASSERT_EQ(economy.children.size(), 2u);
  EXPECT_EQ(economy.children[0].name, "tax");
  ASSERT_EQ(economy.children[0].entries.size(), 2u);
  EXPECT_EQ(economy.children[1].entries[1].text, "labour market");
  EXPECT_EQ(economy.children[1].entries[1].location.line, 5);
  ASSERT_EQ(read->categories[1].entries.size(), 1u);
  EXPECT_TRUE(read->categories[2].entries.empty());
}

TEST(QuantedaDictionaryTest, BadYamlAndNonMappingsAreErrors) {
  auto bad = ParseQuantedaDictionary("a: [b\n", "d.yml");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("YAML"), std::string::npos);
  EXPECT_FALSE(ParseQuantedaDictionary("- a\n- b\n", "d.yml"));
}

TEST(ReadDictionaryFileTest, ReadsLatin1AsWindows1252WithANote) {
  const std::filesystem::path dir = testing::MakeTestDir("dictionary-reader");
  const std::filesystem::path file = dir / "d.cat";
  testing::WriteFile(file, "\xC9MOTION\r\n\tCAF\xC9 (1)\r\n");
  auto read = ReadDictionaryFile(file.string(), DictionaryFormat::kWordstat);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->categories[0].name, "\xC3\x89MOTION");
  EXPECT_EQ(read->categories[0].entries[0].text, "CAF\xC3\x89");
  EXPECT_TRUE(HasNoteContaining(*read, "Windows-1252"));
  std::filesystem::remove_all(dir);
}

TEST(ReadDictionaryFileTest, Utf8WithByteOrderMarkIsReadAsIs) {
  const std::filesystem::path dir = testing::MakeTestDir("dictionary-reader");
  const std::filesystem::path file = dir / "d.dic";
  testing::WriteFile(file, "\xEF\xBB\xBF%\n1 caf\xC3\xA9\n%\nth\xC3\xA9\t1\n");
  auto read = ReadDictionaryFile(file.string(), DictionaryFormat::kLiwc);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->categories[0].name, "caf\xC3\xA9");
  EXPECT_TRUE(read->notes.empty());
  EXPECT_FALSE(ReadDictionaryFile((dir / "missing.dic").string(), DictionaryFormat::kLiwc));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace verbatim
