#include "io/output/numbered_backup.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::WriteFile;

class NumberedBackupTest : public testing::TempDirTest {};

TEST(NumberedBackupPathTest, NamesTheFirstBakThenNumbersThem) {
  EXPECT_EQ(NumberedBackupPath("out/review.csv", 0), "out/review.csv.bak");
  EXPECT_EQ(NumberedBackupPath("out/review.csv", 1), "out/review.csv.bak.1");
  EXPECT_EQ(NumberedBackupPath("out/review.csv", 12), "out/review.csv.bak.12");
}

// #19 item 8: each backup takes a new name; the older ones are untouched.
TEST_F(NumberedBackupTest, NeverReplacesAnOlderBackup) {
  const std::string path = (dir_ / "review.csv").string();
  for (const std::string content : {"first", "second", "third"}) {
    WriteFile(path, content);
    ASSERT_TRUE(KeepNumberedBackup(path).has_value()) << content;
  }
  EXPECT_EQ(Read("review.csv.bak"), "first");
  EXPECT_EQ(Read("review.csv.bak.1"), "second");
  EXPECT_EQ(Read("review.csv.bak.2"), "third");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"review.csv", "review.csv.bak",
                                                 "review.csv.bak.1", "review.csv.bak.2"}))
      << "no temporary file left";
}

TEST_F(NumberedBackupTest, ReturnsTheNameItTookAndSkipsALinkInTheWay) {
  const std::string path = (dir_ / "review.csv").string();
  WriteFile(path, "decisions");
  WriteFile(dir_ / "precious.txt", "precious");
  fs::create_symlink("precious.txt", dir_ / "review.csv.bak");
  auto backup = KeepNumberedBackup(path);
  ASSERT_TRUE(backup.has_value()) << backup.error().message;
  EXPECT_EQ(*backup, path + ".bak.1");
  EXPECT_EQ(Read("review.csv.bak.1"), "decisions");
  EXPECT_EQ(Read("precious.txt"), "precious");
}

TEST_F(NumberedBackupTest, AnUnreadableFileIsAnErrorNamingIt) {
  auto backup = KeepNumberedBackup((dir_ / "absent.csv").string());
  ASSERT_FALSE(backup.has_value());
  EXPECT_NE(backup.error().message.find("cannot read " + (dir_ / "absent.csv").string()),
            std::string::npos);
  EXPECT_TRUE(Entries().empty());
}

}  // namespace
}  // namespace verbatim
