#include "io/output/output_set.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;

class OutputSetTest : public testing::TempDirTest {
 protected:
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
};

TEST_F(OutputSetTest, CommitReplacesEveryFile) {
  std::ofstream(Path("a.csv")) << "old a";
  OutputSet files;
  auto a = files.Open(Path("a.csv"));
  auto b = files.Open(Path("b.csv"));
  ASSERT_TRUE(a && b);
  **a << "new a";
  **b << "new b";
  EXPECT_EQ(files.paths(), (std::vector<std::string>{Path("a.csv"), Path("b.csv")}));
  ASSERT_TRUE(files.Commit().has_value());
  EXPECT_EQ(Read("a.csv"), "new a");
  EXPECT_EQ(Read("b.csv"), "new b");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"a.csv", "b.csv"}));
}

TEST_F(OutputSetTest, AFileThatCannotBeOpenedIsFoundBeforeAnythingIsWritten) {
  std::ofstream(Path("a.csv")) << "old a";
  fs::create_directories(dir_ / "b.csv");  // A folder in the way.
  OutputSet files;
  auto a = files.Open(Path("a.csv"));
  ASSERT_TRUE(a.has_value());
  auto b = files.Open(Path("b.csv"));
  ASSERT_FALSE(b.has_value());
  EXPECT_NE(b.error().message.find("b.csv"), std::string::npos) << b.error().message;
}

TEST_F(OutputSetTest, DestroyedWithoutCommitLeavesTheOldFilesAndNoTemporaryFile) {
  std::ofstream(Path("a.csv")) << "old a";
  {
    OutputSet files;
    auto a = files.Open(Path("a.csv"));
    auto b = files.Open(Path("b.csv"));
    ASSERT_TRUE(a && b);
    **a << "new a";
  }
  EXPECT_EQ(Read("a.csv"), "old a");
  EXPECT_EQ(Entries(), std::vector<std::string>{"a.csv"});
}

TEST_F(OutputSetTest, ARenameThatFailsPutsBackTheFilesAlreadyReplaced) {
  std::ofstream(Path("a.csv")) << "old a";
  std::ofstream(Path("b.csv")) << "old b";
  OutputSet files;
  auto a = files.Open(Path("a.csv"));
  auto b = files.Open(Path("b.csv"));
  auto c = files.Open(Path("c.csv"));
  ASSERT_TRUE(a && b && c);
  **a << "new a";
  **b << "new b";
  **c << "new c";
  // After the files are complete, something makes c.csv's rename fail: a
  // non-empty folder now stands at its destination.
  fs::create_directories(dir_ / "c.csv" / "inside");
  auto committed = files.Commit();
  ASSERT_FALSE(committed.has_value());
  EXPECT_NE(committed.error().message.find("c.csv"), std::string::npos);
  EXPECT_EQ(Read("a.csv"), "old a");
  EXPECT_EQ(Read("b.csv"), "old b");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"a.csv", "b.csv", "c.csv"}));
  EXPECT_TRUE(fs::is_directory(dir_ / "c.csv"));
}

TEST_F(OutputSetTest, ARenameThatFailsRemovesTheFilesThatDidNotExistBefore) {
  OutputSet files;
  auto a = files.Open(Path("a.csv"));
  auto c = files.Open(Path("c.csv"));
  ASSERT_TRUE(a && c);
  **a << "new a";
  **c << "new c";
  fs::create_directories(dir_ / "c.csv" / "inside");
  ASSERT_FALSE(files.Commit().has_value());
  EXPECT_EQ(Entries(), std::vector<std::string>{"c.csv"});
}

}  // namespace
}  // namespace verbatim
