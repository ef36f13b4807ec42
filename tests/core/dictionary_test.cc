#include "core/dictionary.h"

#include <gtest/gtest.h>

#include "core/codebook_checker.h"

namespace verbatim {
namespace {

class DictionaryToCodebookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = Normalizer::Create();
    ASSERT_TRUE(created) << created.error().message;
    normalizer_ = std::move(*created);
  }

  static DictionaryCategory Category(std::string name, std::vector<std::string> entries,
                                     std::vector<DictionaryCategory> children = {}) {
    DictionaryCategory category;
    category.name = std::move(name);
    category.location = {"d", 1, 1};
    for (std::string& entry : entries) category.entries.push_back({std::move(entry), {"d", 2, 1}});
    category.children = std::move(children);
    return category;
  }

  DictionaryCodebook Convert(std::vector<DictionaryCategory> categories) {
    Dictionary dictionary;
    dictionary.categories = std::move(categories);
    DictionaryCodebookOptions options;
    options.id = "test";
    return DictionaryToCodebook(dictionary, options, *normalizer_);
  }

  static bool HasNote(const DictionaryCodebook& book, const std::string& part) {
    for (const DictionaryNote& note : book.notes) {
      if (note.message.find(part) != std::string::npos) return true;
    }
    return false;
  }

  static bool HasError(const DictionaryCodebook& book) {
    return HasErrors(CheckCodebook(book.codebook));
  }

  std::unique_ptr<Normalizer> normalizer_;
};

TEST_F(DictionaryToCodebookTest, SlugsNamesIntoIdsAndKeepsThemAsLabels) {
  EXPECT_EQ(SlugForId("CULTURE-HIGH", *normalizer_), "culture_high");
  EXPECT_EQ(SlugForId("Émotion positive", *normalizer_), "emotion_positive");
  EXPECT_EQ(SlugForId("care.virtue", *normalizer_), "care_virtue");
  EXPECT_EQ(SlugForId("+STATE+", *normalizer_), "state");
  EXPECT_EQ(SlugForId("***", *normalizer_), "");
}

TEST_F(DictionaryToCodebookTest, TwoLevelsBecomeThemesAndSubthemes) {
  const DictionaryCodebook book =
      Convert({Category("CULTURE", {"PEOPLE"}, {Category("CULTURE-HIGH", {"ART", "MUSEUM*"})})});
  ASSERT_EQ(book.codebook.codes.size(), 2u);
  const CodeDefinition& theme = book.codebook.codes[0];
  EXPECT_EQ(theme.id, "culture");
  EXPECT_EQ(theme.label, "CULTURE");
  ASSERT_EQ(theme.patterns.size(), 1u);
  const CodeDefinition& sub = book.codebook.codes[1];
  EXPECT_EQ(sub.id, "culture.culture_high");
  EXPECT_EQ(sub.label, "CULTURE-HIGH");
  EXPECT_EQ(sub.level, CodeLevel::kSubtheme);
  EXPECT_EQ(sub.theme_index, 0);
  ASSERT_EQ(sub.patterns.size(), 2u);
  EXPECT_EQ(sub.patterns[1].source, "MUSEUM*");
  EXPECT_EQ(sub.patterns[1].kind, PatternKind::kTerm);
  EXPECT_TRUE(book.notes.empty());
  EXPECT_EQ(book.codebook.settings.negation_window, 0);
  EXPECT_TRUE(CheckCodebook(book.codebook).empty());
}

TEST_F(DictionaryToCodebookTest, ThirdLevelIsFlattenedIntoASubthemeWithANote) {
  const DictionaryCodebook book = Convert({Category(
      "PRIMARY", {}, {Category("NEED", {}, {Category("ORALITY", {"BITE*"}), Category("SEX", {"KISS*"})})})});
  ASSERT_EQ(book.codebook.codes.size(), 3u);  // NEED holds no entry: no code of its own.
  EXPECT_EQ(book.codebook.codes[1].id, "primary.need_orality");
  EXPECT_EQ(book.codebook.codes[1].label, "NEED > ORALITY");
  EXPECT_EQ(book.codebook.codes[2].id, "primary.need_sex");
  EXPECT_TRUE(HasNote(book, "'PRIMARY > NEED > ORALITY' is 3 levels deep"));
  EXPECT_FALSE(HasError(book));
}

TEST_F(DictionaryToCodebookTest, CollidingAndReservedIdsGetSuffixes) {
  const DictionaryCodebook book = Convert({Category("ECONOMY", {}, {Category("+STATE+", {"a"}),
                                                                     Category("=STATE=", {"b"})}),
                                           Category("Status", {"c"})});
  ASSERT_EQ(book.codebook.codes.size(), 4u);
  EXPECT_EQ(book.codebook.codes[1].id, "economy.state");
  EXPECT_EQ(book.codebook.codes[2].id, "economy.state_2");
  EXPECT_EQ(book.codebook.codes[2].label, "=STATE=");
  EXPECT_EQ(book.codebook.codes[3].id, "status_2");  // "status" is a column of coded.csv.
  EXPECT_TRUE(HasNote(book, "'=STATE=' gets the id 'state_2'"));
  EXPECT_FALSE(HasError(book));
}

TEST_F(DictionaryToCodebookTest, EntriesVerbatimCannotExpressAreNotedNotCarried) {
  struct Case {
    std::string entry;
    std::string pattern;  // "" when not carried.
    std::string note;     // A part of the note; "" when none.
  };
  const std::vector<Case> cases = {
      {"safe*", "safe*", ""},
      {"civil rights", "civil rights", ""},
      {"index* sur", "index* sur", ""},
      {"wom?n", "", "'?' (one character)"},
      {"*ness", "", "'*' inside or at the start"},
      {"wo*man", "", "'*' inside or at the start"},
      {"PENITEN*(CIARY", "", "brackets"},
      {"*", "", "a lone '*'"},
      {"fair-*", "fair", "carried as 'fair'"},
  };
  for (const Case& c : cases) {
    const DictionaryCodebook book = Convert({Category("A", {c.entry})});
    const auto& patterns = book.codebook.codes[0].patterns;
    if (c.pattern.empty()) {
      EXPECT_TRUE(patterns.empty()) << c.entry;
    } else {
      ASSERT_EQ(patterns.size(), 1u) << c.entry;
      EXPECT_EQ(patterns[0].source, c.pattern) << c.entry;
      EXPECT_EQ(patterns[0].kind,
                c.pattern.find(' ') == std::string::npos ? PatternKind::kTerm : PatternKind::kPhrase)
          << c.entry;
    }
    if (c.note.empty()) {
      EXPECT_TRUE(book.notes.empty()) << c.entry;
    } else {
      EXPECT_TRUE(HasNote(book, c.note)) << c.entry << ": " << (book.notes.empty() ? "" : book.notes[0].message);
    }
  }
}

TEST_F(DictionaryToCodebookTest, RepeatedEntriesOfACategoryAreWrittenOnce) {
  const DictionaryCodebook book = Convert({Category("A", {"Care", "care", "CARE*"})});
  ASSERT_EQ(book.codebook.codes[0].patterns.size(), 2u);
  EXPECT_TRUE(HasNote(book, "'care' repeats an entry of 'A'"));
}

TEST_F(DictionaryToCodebookTest, ReaderNotesComeFirst) {
  Dictionary dictionary;
  dictionary.categories.push_back(Category("A", {"wom?n"}));
  dictionary.notes.push_back({{"d", 1, 0}, "from the reader"});
  DictionaryCodebookOptions options;
  options.id = "test";
  const DictionaryCodebook book = DictionaryToCodebook(dictionary, options, *normalizer_);
  ASSERT_EQ(book.notes.size(), 2u);
  EXPECT_EQ(book.notes[0].message, "from the reader");
}

}  // namespace
}  // namespace verbatim
