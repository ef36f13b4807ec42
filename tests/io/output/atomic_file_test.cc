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

}  // namespace
}  // namespace verbatim
