#include "io/output/temporary_files.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/output/atomic_file.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;

class TemporaryFilesTest : public testing::TempDirTest {};

// A pid no process has: a child that has exited and been reaped.
pid_t DeadPid() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  waitpid(child, nullptr, 0);
  return child;
}

TEST_F(TemporaryFilesTest, RemovesWhatAKilledRunLeftAndNothingElse) {
  const std::string dead = std::to_string(DeadPid());
  const std::string alive = std::to_string(getppid());  // Our parent runs.
  for (const std::string& name : std::vector<std::string>{
           "coded.csv.tmp-" + dead + "-0", "run.json.tmp-" + dead + "-3",
        "coded.csv.tmp-" + dead + "-1.old", "coded.csv.tmp-" + alive + "-0",
        std::string("coded.csv"), "notes.txt.tmp-" + dead + "-0", std::string("coded.csv.tmp-x-0")}) {
    std::ofstream(dir_ / name) << "x";
  }
  const std::string names[] = {"coded.csv", "run.json"};
  const std::vector<std::string> removed = RemoveStaleTemporaryFiles(dir_.string(), names);
  EXPECT_EQ(removed.size(), 3u);
  EXPECT_EQ(Entries(), (std::vector<std::string>{"coded.csv", "coded.csv.tmp-" + alive + "-0",
                                                 "coded.csv.tmp-x-0",
                                                 "notes.txt.tmp-" + dead + "-0"}));
}

TEST_F(TemporaryFilesTest, SigtermRemovesTheOpenTemporaryFiles) {
  const fs::path destination = dir_ / "coded.csv";
  const pid_t child = fork();
  if (child == 0) {
    InstallTemporaryFileCleanup();
    auto file = AtomicFile::Open(destination.string());
    if (!file) _exit(2);
    (*file)->stream() << "partial" << std::flush;
    raise(SIGTERM);
    _exit(3);  // Not reached: the signal kills the process.
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "exit status " << status;
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_EQ(Entries(), std::vector<std::string>{});
}

// #19 item 2: a link planted at the very name the helper tries is never
// followed, dangling (it would create the target) or not (it would
// overwrite it).
TEST_F(TemporaryFilesTest, CreateExclusiveFileNeverFollowsALinkAtItsName) {
  std::ofstream(dir_ / "precious.txt") << "precious";
  fs::create_symlink("precious.txt", dir_ / "to_file");
  fs::create_symlink("created_through_link", dir_ / "dangling");
  for (const char* name : {"to_file", "dangling"}) {
    auto fd = CreateExclusiveFile((dir_ / name).string());
    ASSERT_FALSE(fd.has_value()) << name;
    EXPECT_NE(fd.error().message.find("File exists"), std::string::npos) << fd.error().message;
  }
  EXPECT_EQ(Read("precious.txt"), "precious");
  EXPECT_FALSE(fs::exists(dir_ / "created_through_link"));
}

TEST_F(TemporaryFilesTest, TemporaryNamesAreRandomAndTheFilesNew) {
  const std::string path = (dir_ / "coded.csv").string();
  auto first = CreateTemporaryFile(path);
  auto second = CreateTemporaryFile(path);
  ASSERT_TRUE(first.has_value() && second.has_value());
  ::close(first->fd);
  ::close(second->fd);
  const std::string prefix = path + ".tmp-" + std::to_string(getpid()) + "-";
  for (const std::string& name : {first->path, second->path}) {
    ASSERT_EQ(name.compare(0, prefix.size(), prefix), 0) << name;
    const std::string suffix = name.substr(prefix.size());
    EXPECT_EQ(suffix.size(), 16u) << name;
    EXPECT_EQ(suffix.find_first_not_of("0123456789abcdef"), std::string::npos) << name;
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(name))) << name;
    EXPECT_EQ(fs::file_size(name), 0u);
  }
  EXPECT_NE(first->path, second->path);
}

TEST_F(TemporaryFilesTest, StaleCleanupKnowsTheRandomNames) {
  const std::string dead = std::to_string(DeadPid());
  const std::string stale = "coded.csv.tmp-" + dead + "-0123456789abcdef";
  std::ofstream(dir_ / stale) << "x";
  const std::vector<std::string> names = {"coded.csv"};
  EXPECT_EQ(RemoveStaleTemporaryFiles(dir_.string(), names),
            std::vector<std::string>{(dir_ / stale).string()});
  EXPECT_TRUE(Entries().empty());
}

}  // namespace
}  // namespace verbatim
