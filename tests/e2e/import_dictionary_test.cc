// `verbatim import dictionary` on the real public dictionaries in
// ../shared/dictionaries/ (read there, never copied into the repository) and
// on a quanteda YAML of tests/data: the codebook it writes passes `verbatim
// check`, and its tree is the one counted from the source file here, by code
// that does not share the importer's.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "io/input/codebook_loader.h"
#include "tests/testing/binary_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::RunBinary;

const fs::path kShared = fs::path(VERBATIM_SOURCE_DIR) / ".." / "shared" / "dictionaries";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      lines.push_back(line);
      line.clear();
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      line += text[i];
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

struct Shape {
  size_t themes = 0, subthemes = 0, patterns = 0;
};

Shape ShapeOf(const Codebook& book) {
  Shape shape;
  for (const CodeDefinition& code : book.codes) {
    (code.level == CodeLevel::kTheme ? shape.themes : shape.subthemes) += 1;
    shape.patterns += code.patterns.size();
  }
  return shape;
}

// The lines of stderr that say an entry was dropped (not carried, or a
// repeat written once): each one is an entry with no pattern.
size_t DroppedEntries(const std::string& err) {
  size_t dropped = 0;
  for (const std::string& line : Lines(err)) {
    if (line.find("not carried:") != std::string::npos ||
        line.find("repeats an entry") != std::string::npos) {
      ++dropped;
    }
  }
  return dropped;
}

class ImportDictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kShared)) {
      GTEST_SKIP() << kShared << " is missing: the public dictionaries live outside the repository";
    }
    dir_ = testing::MakeTestDir("import-dictionary");
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // Imports `source`, checks the result with `verbatim check`, and loads it.
  Codebook Import(const fs::path& source, const std::string& format, std::string* err) {
    const fs::path out = dir_ / (source.stem().string() + ".yaml");
    const testing::BinaryRun run =
        RunBinary({"import", "dictionary", source.string(), "--format", format, "--out", out.string()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    *err = run.err;
    const testing::BinaryRun check = RunBinary({"check", out.string()});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("0 error(s)"), std::string::npos) << check.out;
    LoadedCodebook loaded = LoadCodebookFile(out.string());
    EXPECT_FALSE(HasErrors(loaded.diagnostics));
    return std::move(loaded.codebook);
  }

  static const CodeDefinition* Find(const Codebook& book, const std::string& id) {
    const int index = book.FindCode(id);
    return index < 0 ? nullptr : &book.codes[index];
  }

  static bool HasPattern(const CodeDefinition* code, const std::string& source) {
    if (code == nullptr) return false;
    for (const Pattern& pattern : code->patterns) {
      if (pattern.source == source) return true;
    }
    return false;
  }

  fs::path dir_;
};

// WordStat: a line is a category when the next line is deeper; the other
// indented lines are entries. Counted here from the raw lines.
struct WordstatCounts {
  size_t top = 0;            // Categories at depth 0.
  size_t subcategories = 0;  // Codes below a theme: categories holding entries, depth >= 1.
  size_t entries = 0;
};

WordstatCounts CountWordstat(const std::string& text) {
  std::vector<std::pair<size_t, std::string>> items;
  for (const std::string& line : Lines(text)) {
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    items.push_back({line.find_first_not_of('\t'), line});
  }
  WordstatCounts counts;
  std::map<std::string, bool> holds_entries;  // category path -> has an entry
  std::vector<std::string> path;
  for (size_t i = 0; i < items.size(); ++i) {
    const size_t depth = items[i].first;
    const bool category = depth == 0 || (i + 1 < items.size() && items[i + 1].first > depth);
    path.resize(std::min(depth, path.size()));
    if (category) {
      path.push_back(items[i].second + "#" + std::to_string(i));
      if (depth == 0) ++counts.top;
      continue;
    }
    ++counts.entries;
    if (depth >= 2) {
      std::string key;
      for (const std::string& part : path) key += part + "/";
      holds_entries[key] = true;
    }
  }
  counts.subcategories = holds_entries.size();
  return counts;
}

TEST_F(ImportDictionaryTest, LaverGarryWordstatKeepsItsTreeAndPhrases) {
  const fs::path source = kShared / "Laver_and_Garry_2000.cat";
  std::string err;
  const Codebook book = Import(source, "wordstat", &err);
  const WordstatCounts expected = CountWordstat(testing::ReadFile(source));
  const Shape shape = ShapeOf(book);
  EXPECT_EQ(shape.themes, expected.top);
  EXPECT_EQ(shape.subthemes, expected.subcategories);
  EXPECT_EQ(shape.patterns + DroppedEntries(err), expected.entries) << err;
  // Entries checked by reading the file: words of CULTURE itself beside its
  // subcategories, '_' joining a phrase, three categories named STATE.
  EXPECT_TRUE(HasPattern(Find(book, "culture"), "WAR IN IRAQ"));
  EXPECT_TRUE(HasPattern(Find(book, "culture.culture_high"), "GALLER*"));
  EXPECT_TRUE(HasPattern(Find(book, "values.liberal"), "INTER RACIAL"));
  ASSERT_NE(Find(book, "economy.state_2"), nullptr);
  EXPECT_EQ(Find(book, "economy.state")->label, "+STATE+");
  EXPECT_EQ(Find(book, "economy.state_2")->label, "=STATE=");
  EXPECT_EQ(Find(book, "economy.state_3")->label, "-STATE-");
  EXPECT_NE(err.find("weights dropped"), std::string::npos) << err;
}

TEST_F(ImportDictionaryTest, RidWordstatFlattensItsThirdLevel) {
  const fs::path source = kShared / "RID.CAT";
  std::string err;
  const Codebook book = Import(source, "wordstat", &err);
  const WordstatCounts expected = CountWordstat(testing::ReadFile(source));
  const Shape shape = ShapeOf(book);
  EXPECT_EQ(shape.themes, expected.top);
  // Second-level categories of SECONDARY and EMOTIONS hold their entries;
  // PRIMARY's hold third-level ones: both become subthemes.
  size_t second_level_with_entries = 0;
  for (const CodeDefinition& code : book.codes) {
    if (code.level == CodeLevel::kSubtheme && code.label.find(" > ") == std::string::npos) {
      ++second_level_with_entries;
    }
  }
  EXPECT_EQ(shape.subthemes, expected.subcategories);
  EXPECT_GT(second_level_with_entries, 0u);
  EXPECT_EQ(shape.patterns + DroppedEntries(err), expected.entries) << err;
  const CodeDefinition* orality = Find(book, "primary.need_orality");
  ASSERT_NE(orality, nullptr);
  EXPECT_EQ(orality->label, "NEED > ORALITY");
  EXPECT_TRUE(HasPattern(orality, "ABSINTH*"));
  EXPECT_TRUE(HasPattern(Find(book, "secondary.abstract_tought"), "GUESS*"));
  EXPECT_NE(err.find("'PRIMARY > NEED > ORALITY' is 3 levels deep"), std::string::npos) << err;
  EXPECT_NE(err.find("'PENITEN*(CIARY' of 'RESTRAINT' not carried"), std::string::npos) << err;
}

// LIWC: entries and their category numbers counted from the raw lines.
struct LiwcCounts {
  size_t categories = 0;
  size_t assignments = 0;  // (entry, category) pairs.
};

LiwcCounts CountLiwc(const std::string& text) {
  LiwcCounts counts;
  int percent_lines = 0;
  for (const std::string& line : Lines(text)) {
    std::istringstream fields(line);
    std::vector<std::string> words;
    for (std::string w; fields >> w;) words.push_back(w);
    if (words.empty()) continue;
    if (words.size() == 1 && words[0] == "%") {
      ++percent_lines;
      continue;
    }
    if (percent_lines == 1) {
      ++counts.categories;
    } else if (percent_lines == 2) {
      for (const std::string& w : words) {
        if (w.find_first_not_of("0123456789") == std::string::npos) ++counts.assignments;
      }
    }
  }
  return counts;
}

TEST_F(ImportDictionaryTest, MoralFoundationsLiwcPutsAWordInEachOfItsCategories) {
  const fs::path source = kShared / "moral_foundations_dictionary.dic";
  std::string err;
  const Codebook book = Import(source, "liwc", &err);
  const LiwcCounts expected = CountLiwc(testing::ReadFile(source));
  const Shape shape = ShapeOf(book);
  EXPECT_EQ(shape.themes, expected.categories);
  EXPECT_EQ(shape.subthemes, 0u);
  EXPECT_EQ(shape.patterns + DroppedEntries(err), expected.assignments) << err;
  // "preserve 01 07 09" in the file.
  EXPECT_TRUE(HasPattern(Find(book, "harmvirtue"), "preserve"));
  EXPECT_TRUE(HasPattern(Find(book, "authorityvirtue"), "preserve"));
  EXPECT_TRUE(HasPattern(Find(book, "purityvirtue"), "preserve"));
  EXPECT_FALSE(HasPattern(Find(book, "harmvice"), "preserve"));
  EXPECT_EQ(Find(book, "moralitygeneral")->label, "MoralityGeneral");
  EXPECT_NE(err.find("'fair-*' carried as 'fair'"), std::string::npos) << err;
}

TEST_F(ImportDictionaryTest, AnImportedCodebookCodesStemsAndIgnoresNegation) {
  const fs::path source = kShared / "moral_foundations_dictionary.dic";
  const fs::path out = dir_ / "mfd.yaml";
  ASSERT_EQ(RunBinary({"import", "dictionary", source.string(), "--out", out.string()}).exit_code, 0);
  // "safe*" (HarmVirtue) finds "safety"; "fair-*" became "fair"; "not"
  // negates nothing, since a dictionary counts words whatever surrounds them.
  const testing::BinaryRun run = RunBinary(
      {"explain", "-c", out.string(), "--color", "never", "--text", "Not safety, not fair-minded."});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("counted   harmvirtue; fairnessvirtue\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("negations: 0"), std::string::npos) << run.out;
}

TEST_F(ImportDictionaryTest, Mfd2LiwcWithLoneCrKeepsMultiWordEntries) {
  const fs::path source = kShared / "mfd2.0.dic";
  std::string err;
  const Codebook book = Import(source, "liwc", &err);
  const LiwcCounts expected = CountLiwc(testing::ReadFile(source));
  const Shape shape = ShapeOf(book);
  EXPECT_EQ(shape.themes, expected.categories);
  EXPECT_EQ(shape.patterns + DroppedEntries(err), expected.assignments) << err;
  const CodeDefinition* fairness = Find(book, "fairness_virtue");
  ASSERT_NE(fairness, nullptr);
  EXPECT_EQ(fairness->label, "fairness.virtue");
  EXPECT_TRUE(HasPattern(fairness, "civil rights"));
  EXPECT_TRUE(HasPattern(fairness, "level the playing field"));
  EXPECT_TRUE(HasPattern(Find(book, "care_virtue"), "compassion"));
}

TEST_F(ImportDictionaryTest, QuantedaYamlNestsKeysAndReportsWildcardsItCannotCarry) {
  const fs::path source = fs::path(VERBATIM_SOURCE_DIR) / "tests/data/dictionaries/policy.yml";
  std::string err;
  const Codebook book = Import(source, "quanteda", &err);
  const Shape shape = ShapeOf(book);
  EXPECT_EQ(shape.themes, 2u);
  EXPECT_EQ(shape.subthemes, 2u);
  EXPECT_EQ(shape.patterns, 9u);  // 11 values, less "wom?n" and "*ism".
  EXPECT_TRUE(HasPattern(Find(book, "economy.taxation"), "income tax"));
  EXPECT_TRUE(HasPattern(Find(book, "economy.jobs"), "employ*"));
  EXPECT_TRUE(HasPattern(Find(book, "environment"), "green energy"));
  EXPECT_NE(err.find("policy.yml:18:5: 'wom?n' of 'environment' not carried"), std::string::npos)
      << err;
  EXPECT_NE(err.find("'*ism' of 'environment' not carried"), std::string::npos) << err;
}

TEST_F(ImportDictionaryTest, TheFormatComesFromTheExtensionAndBadInputIsRefused) {
  const fs::path out = dir_ / "x.yaml";
  EXPECT_EQ(RunBinary({"import", "dictionary", (kShared / "RID.CAT").string(), "--out", out.string()})
                .exit_code,
            0);
  const testing::BinaryRun unknown =
      RunBinary({"import", "dictionary", (kShared / "README.md").string(), "--out", out.string()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("--format"), std::string::npos) << unknown.err;
  const testing::BinaryRun wrong = RunBinary({"import", "dictionary", (kShared / "RID.CAT").string(),
                                              "--format", "liwc", "--out", (dir_ / "y.yaml").string()});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find("not a LIWC dictionary"), std::string::npos) << wrong.err;
  EXPECT_FALSE(fs::exists(dir_ / "y.yaml"));
}

}  // namespace
}  // namespace verbatim
