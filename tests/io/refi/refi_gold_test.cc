#include "io/refi/refi_gold.h"

#include <gtest/gtest.h>

#include "tests/testing/small_codebook.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

RefiProject Project(std::vector<std::string> names, std::vector<RefiSource> sources) {
  RefiProject project;
  for (size_t i = 0; i < names.size(); ++i) {
    RefiCode code;
    code.guid = "G" + std::to_string(i);
    code.name = std::move(names[i]);
    project.codes.push_back(std::move(code));
  }
  project.sources = std::move(sources);
  return project;
}

Codebook Labelled() {
  Codebook book = testing::SmallCodebook();
  book.codes[1].label = "CCAM";
  book.codes[2].label = "Inflation";
  book.codes[4].label = "Autres";
  book.codes[3].label = "Autres";  // Not unique: never matched by label.
  return book;
}

TEST(RefiGoldTest, MapsByIdThenDescriptionThenUniqueLabel) {
  RefiProject project = Project({"reval", "renamed in NVivo", "Inflation"},
                                {{"r1", {0, 1}}, {"r2", {2}}, {"r3", {}}});
  project.codes[1].description = "Edited\n\nverbatim id: lib.complements";
  const RefiGold gold = GoldFromRefiProject(project, Labelled(), {});
  ASSERT_EQ(gold.answers.size(), 3u);
  EXPECT_EQ(gold.answers[0].id, "r1");
  EXPECT_EQ(gold.answers[0].codes, (std::vector<std::string>{"reval", "lib.complements"}));
  EXPECT_EQ(gold.answers[1].codes, (std::vector<std::string>{"reval.inflation"}));
  EXPECT_TRUE(gold.answers[2].codes.empty());
  EXPECT_TRUE(gold.unmapped.empty());
}

TEST(RefiGoldTest, ReportsNamesThatMapToNothingWithTheAnswersTheyCode) {
  const RefiProject project =
      Project({"Autres", "Commits", "reval"}, {{"r1", {0, 2}}, {"r2", {0}}});
  const RefiGold gold = GoldFromRefiProject(project, Labelled(), {});
  ASSERT_EQ(gold.unmapped.size(), 2u);
  EXPECT_EQ(gold.unmapped[0].name, "Autres");
  EXPECT_EQ(gold.unmapped[0].sources, 2u);
  EXPECT_EQ(gold.unmapped[1].name, "Commits");
  EXPECT_EQ(gold.unmapped[1].sources, 0u);
  EXPECT_EQ(DescribeUsedUnmapped(gold.unmapped), "'Autres' (2 answers)");
  EXPECT_EQ(gold.answers[0].codes, (std::vector<std::string>{"reval"}));
}

TEST(RefiGoldTest, TheMapComesFirstAndAnEmptyCodeDropsTheName) {
  const RefiProject project = Project({"reval", "Autres", "Memo"}, {{"r1", {0, 1, 2}}});
  const CodeNameMap map = {{"reval", "lib"}, {"Autres", "lib.complements"}, {"Memo", ""}};
  const RefiGold gold = GoldFromRefiProject(project, Labelled(), map);
  EXPECT_TRUE(gold.unmapped.empty());
  EXPECT_EQ(gold.dropped_codings, 1u);
  EXPECT_EQ(gold.answers[0].codes, (std::vector<std::string>{"lib", "lib.complements"}));
}

TEST(RefiGoldTest, AMapRowNamingAnUnknownCodeIsReported) {
  const RefiProject project = Project({"Fees"}, {{"r1", {0}}});
  const RefiGold gold = GoldFromRefiProject(project, Labelled(), {{"Fees", "fees"}});
  EXPECT_EQ(gold.bad_map_rows, (std::vector<std::string>{"Fees -> fees"}));
}

TEST(RefiGoldTest, SourcesOfTheSameNameAreMergedInCodebookOrder) {
  const RefiProject project = Project({"lib", "reval"}, {{"r1", {0}}, {"r1", {1, 0}}});
  const RefiGold gold = GoldFromRefiProject(project, Labelled(), {});
  ASSERT_EQ(gold.answers.size(), 1u);
  EXPECT_EQ(gold.merged_sources, 1u);
  EXPECT_EQ(gold.answers[0].codes, (std::vector<std::string>{"reval", "lib"}));
}

class CodeNameMapTest : public testing::TempDirTest {};

TEST_F(CodeNameMapTest, ReadsNameAndCodeColumns) {
  testing::WriteFile(dir_ / "map.csv", "\xEF\xBB\xBFnote,name,code\nx, Fees ,reval\ny,Memo,\n");
  auto map = ReadCodeNameMap((dir_ / "map.csv").string());
  ASSERT_TRUE(map) << FormatError(map.error());
  EXPECT_EQ(*map, (CodeNameMap{{"Fees", "reval"}, {"Memo", ""}}));
}

TEST_F(CodeNameMapTest, RefusesANameMappedTwiceWithItsLine) {
  testing::WriteFile(dir_ / "map.csv", "name,code\nFees,reval\nFees,lib\n");
  auto map = ReadCodeNameMap((dir_ / "map.csv").string());
  ASSERT_FALSE(map);
  EXPECT_EQ(FormatError(map.error()),
            (dir_ / "map.csv").string() + ":3: the name 'Fees' is mapped twice (first on line 2)");
}

TEST_F(CodeNameMapTest, RefusesAFileWithoutTheColumns) {
  testing::WriteFile(dir_ / "map.csv", "from,to\nFees,reval\n");
  auto map = ReadCodeNameMap((dir_ / "map.csv").string());
  ASSERT_FALSE(map);
  EXPECT_NE(map.error().message.find("'name'"), std::string::npos);
}

}  // namespace
}  // namespace verbatim
