#include "io/output/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public testing::TempDirTest {};

TEST_F(AtomicFileTest, CommitReplacesTheDestination) {
  const std::string path = (dir_ / "out.csv").string();
  std::ofstream(path) << "old";
  auto file = AtomicFile::Open(path);
  ASSERT_TRUE(file.has_value());
  (*file)->stream() << "new";
  ASSERT_TRUE((*file)->Commit().has_value());
  EXPECT_EQ(Read("out.csv"), "new");
  EXPECT_EQ(Entries(), std::vector<std::string>{"out.csv"});
}

TEST_F(AtomicFileTest, DestroyedWithoutCommitLeavesNothing) {
  {
    auto file = AtomicFile::Open((dir_ / "out.csv").string());
    ASSERT_TRUE(file.has_value());
    (*file)->stream() << "partial";
  }
  EXPECT_EQ(Entries(), std::vector<std::string>{});
}

TEST_F(AtomicFileTest, FolderInTheWayIsRefusedAtOpen) {
  fs::create_directories(dir_ / "run.json");
  auto file = AtomicFile::Open((dir_ / "run.json").string());
  ASSERT_FALSE(file.has_value());
  EXPECT_EQ(FormatError(file.error()), "cannot write " + (dir_ / "run.json").string() +
                                           ": a folder of that name is in the way");
  EXPECT_EQ(Entries(), std::vector<std::string>{"run.json"});
}

TEST_F(AtomicFileTest, MissingFolderIsAnErrorNamingTheFile) {
  const std::string path = (dir_ / "no" / "out.csv").string();
  auto file = AtomicFile::Open(path);
  ASSERT_FALSE(file.has_value());
  EXPECT_EQ(FormatError(file.error()), "cannot write " + path + ": No such file or directory");
}

// #19 item 2: rename(2) replaces the link at the output name, never what
// it points to; the output ends as a regular file (README, "Outputs").
TEST_F(AtomicFileTest, AnOutputNameThatIsALinkBecomesARegularFile) {
  std::ofstream(dir_ / "precious.txt") << "precious";
  fs::create_symlink("precious.txt", dir_ / "coded.csv");
  auto file = AtomicFile::Open((dir_ / "coded.csv").string());
  ASSERT_TRUE(file.has_value()) << file.error().message;
  (*file)->stream() << "new";
  ASSERT_TRUE((*file)->Commit().has_value());
  EXPECT_FALSE(fs::is_symlink(fs::symlink_status(dir_ / "coded.csv")));
  EXPECT_EQ(Read("coded.csv"), "new");
  EXPECT_EQ(Read("precious.txt"), "precious");
}

TEST_F(AtomicFileTest, WritesLargeContentThroughItsOwnBuffer) {
  const std::string path = (dir_ / "big.csv").string();
  const std::string line(1000, 'x');
  auto file = AtomicFile::Open(path);
  ASSERT_TRUE(file.has_value());
  for (int i = 0; i < 300; ++i) (*file)->stream() << line << '\n';
  ASSERT_TRUE((*file)->Commit().has_value());
  EXPECT_EQ(fs::file_size(path), 300u * 1001u);
}

}  // namespace
}  // namespace verbatim
