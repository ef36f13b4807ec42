#include "io/output/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace verbatim {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("verbatim-atomic-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> Entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

TEST_F(AtomicFileTest, CommitReplacesTheDestination) {
  const std::string path = (dir_ / "out.csv").string();
  std::ofstream(path) << "old";
  auto file = AtomicFile::Open(path);
  ASSERT_TRUE(file.has_value());
  (*file)->stream() << "new";
  ASSERT_TRUE((*file)->Commit().has_value());
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(content.str(), "new");
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
