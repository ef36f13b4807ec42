#include "io/input/column_selector.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

TEST(ColumnSelectorTest, FoldsCaseAccentsSpacesAndApostrophes) {
  const std::pair<std::string, std::string> cases[] = {
      {"Votre Avis", "votreavis"},
      {"\xC3\x89tat du syst\xC3\xA8me", "etatdusysteme"},   // État du système
      {"\xC3\x80 \xC3\xA7\xC3\xA0 \xC3\xBF", "acay"},       // À çà ÿ
      {"\xC5\x92uvre \xC5\x93uf \xC5\xB8", "oeuvreoeufy"},  // Œuvre œuf Ÿ
      {"\xC3\x86sop \xC3\x9F", "aesopss"},                  // Æsop ß
      {"avis\xC2\xA0?", "avis?"},                           // no-break space
      {"avis\xE2\x80\xAF!", "avis!"},                       // narrow no-break space
      {"qu\xE2\x80\x99"
       "en",
       "qu'en"},                                  // typographic apostrophe
      {"\xC3\x97 \xC3\xB7", "\xC3\x97\xC3\xB7"},  // × ÷ kept
      {"\xD0\x96", "\xD0\x96"},                   // Cyrillic kept
      {"a\xC3", "a\xC3"},                         // truncated UTF-8 kept
      {"", ""},
  };
  for (const auto& [name, folded] : cases) {
    SCOPED_TRACE("name \"" + name + "\"");
    EXPECT_EQ(FoldHeaderName(name), folded);
  }
}

TEST(ColumnSelectorTest, ExactNameWinsOverFoldedName) {
  const std::vector<std::string> headers = {"AVIS", "avis"};
  EXPECT_EQ(SelectColumn(headers, "avis", "--column", {}).value(), 1u);
}

TEST(ColumnSelectorTest, FoldedNameMatchingSeveralColumnsIsAnError) {
  const std::vector<std::string> headers = {"AVIS", "Avis", "autre"};
  const Result<size_t> selected = SelectColumn(headers, "avis", "--column", {"f.csv", 1, 0});
  ASSERT_FALSE(selected);
  EXPECT_EQ(FormatError(selected.error()),
            "f.csv:1: --column \"avis\" matches several columns when case, accents and spaces "
            "are ignored: 1: \"AVIS\", 2: \"Avis\"; give the exact name or the index");
}

TEST(ColumnSelectorTest, SelectsByOneBasedIndex) {
  const std::vector<std::string> headers = {"a", "b"};
  EXPECT_EQ(SelectColumn(headers, "2", "--column", {}).value(), 1u);
}

TEST(ColumnSelectorTest, DefaultTextColumnSkipsTimestampAndIdColumns) {
  const std::vector<std::string> headers = {"Horodateur", "Question", "ID", "TIMESTAMP"};
  EXPECT_EQ(DefaultTextColumn(headers, {}).value(), 1u);
}

// #18 part 2: the usual survey-export id names are the id without
// --id-column, compared folded; the first one wins.
TEST(ColumnSelectorTest, DefaultIdColumnFindsSurveyExportIdNames) {
  const std::vector<std::vector<std::string>> with_id = {
      {"Horodateur", "id", "Avis"},
      {"ID", "Avis"},
      {"Avis", " Response ID "},
      {"respondent_id", "Avis"},
      {"Identifiant", "Avis"},
  };
  const size_t expected[] = {1, 0, 1, 0, 0};
  for (size_t i = 0; i < with_id.size(); ++i) {
    EXPECT_EQ(DefaultIdColumn(with_id[i]), expected[i]) << "case " << i;
  }
  EXPECT_EQ(DefaultIdColumn({"id", "ID"}), 0u);
  EXPECT_FALSE(DefaultIdColumn({"Horodateur", "Numéro", "Avis", "idée"}).has_value());
}

TEST(ColumnSelectorTest, DefaultTextColumnSkipsEveryIdName) {
  EXPECT_EQ(DefaultTextColumn({"Avis", "Response ID"}, {}).value(), 0u);
  EXPECT_EQ(DefaultTextColumn({"Avis", "identifiant"}, {}).value(), 0u);
}

}  // namespace
}  // namespace verbatim
