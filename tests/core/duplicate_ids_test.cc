#include "core/duplicate_ids.h"

#include <gtest/gtest.h>

namespace verbatim {
namespace {

TEST(DuplicateIdsTest, DistinctIdsAreNotDuplicates) {
  DuplicateIds ids;
  ids.Add("a", 2);
  ids.Add("b", 3);
  ids.Add("A", 4);
  EXPECT_TRUE(ids.empty());
  EXPECT_EQ(ids.count(), 0u);
  EXPECT_EQ(ids.Describe(10), "");
}

TEST(DuplicateIdsTest, ListsRepeatedIdsWithTheirLinesInOrderOfRepetition) {
  DuplicateIds ids;
  ids.Add("A1", 2);
  ids.Add("A2", 3);
  ids.Add("A2", 4);
  ids.Add("A1", 5);
  ids.Add("A2", 7);
  EXPECT_EQ(ids.count(), 2u);
  EXPECT_EQ(ids.Describe(10), "\"A2\" (lines 3, 4 and 7), \"A1\" (lines 2 and 5)");
}

TEST(DuplicateIdsTest, SumsUpWhatItDoesNotList) {
  DuplicateIds ids;
  for (size_t line = 1; line <= 8; ++line) ids.Add("x", line);
  for (int id = 0; id < 5; ++id) {
    ids.Add(std::to_string(id), 100);
    ids.Add(std::to_string(id), 101);
  }
  EXPECT_EQ(ids.count(), 6u);
  EXPECT_EQ(ids.Describe(2),
            "\"x\" (lines 1, 2, 3, 4, 5 and 3 more), \"0\" (lines 100 and 101) and 4 more ids");
}

TEST(DuplicateIdsTest, CutsLongIdsAtACharacterBoundary) {
  DuplicateIds ids;
  const std::string id = std::string(39, 'a') + "\xC3\xA9" + "zzz";
  ids.Add(id, 1);
  ids.Add(id, 2);
  EXPECT_EQ(ids.Describe(1), "\"" + std::string(39, 'a') + "…\" (lines 1 and 2)");
}

TEST(DuplicateIdsTest, EmptyIdCanBeADuplicate) {
  DuplicateIds ids;
  ids.Add("", 2);
  ids.Add("", 3);
  EXPECT_EQ(ids.Describe(5), "\"\" (lines 2 and 3)");
}

// Many distinct ids with a few repeated among them, some asked about before
// the last rows came: what is found is exactly what a count of each id says.
TEST(DuplicateIdsTest, FindsExactlyTheRepeatedIdsAmongManyAndAfterMoreRows) {
  DuplicateIds ids;
  for (size_t row = 0; row < 50000; ++row) ids.Add("id-" + std::to_string(row), row + 2);
  EXPECT_TRUE(ids.empty());
  ids.Add("id-41", 50002);
  ids.Add("id-7", 50003);
  ids.Add("id-41", 50004);
  EXPECT_EQ(ids.count(), 2u);
  EXPECT_EQ(ids.Describe(5), "\"id-41\" (lines 43, 50002 and 50004), \"id-7\" (lines 9 and 50003)");
  ids.Add("id-49999", 50005);
  EXPECT_EQ(ids.count(), 3u);
}

// Ids of 300 KB fill several of the 1 MiB blocks that hold the ids, and one
// id is longer than a block: a repeat is found across blocks, and ids that
// differ only in their last byte, in different blocks, are not confused.
TEST(DuplicateIdsTest, FindsRepeatsAmongIdsSpreadOverSeveralBlocks) {
  DuplicateIds ids;
  const std::string big(300 * 1024, 'x');
  for (char last = 'a'; last <= 'h'; ++last) ids.Add(big + last, 10 + static_cast<size_t>(last - 'a'));
  const std::string huge(3 * 1024 * 1024, 'y');
  ids.Add(huge, 30);
  EXPECT_TRUE(ids.empty());
  ids.Add(big + 'b', 40);
  ids.Add(huge, 41);
  EXPECT_EQ(ids.count(), 2u);
  EXPECT_EQ(ids.Describe(5), "\"" + std::string(40, 'x') + "…\" (lines 11 and 40), \"" +
                                 std::string(40, 'y') + "…\" (lines 30 and 41)");
}

}  // namespace
}  // namespace verbatim
