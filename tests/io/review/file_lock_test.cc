#include "io/review/file_lock.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/testing/lock_holder.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

// 0 when another process could lock `path`, 1 when it was held.
int TryLockFromAnotherProcess(const std::string& path) {
  const pid_t child = fork();
  if (child == 0) {
    const int fd = ::open(path.c_str(), O_RDWR);
    const int locked = fd >= 0 ? ::flock(fd, LOCK_EX | LOCK_NB) : -1;
    _exit(locked == 0 ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(FileLockTest, HoldsAnExclusiveLockUntilDestroyed) {
  const auto dir = testing::MakeTestDir("verbatim-lock");
  const std::string path = (dir / "decisions.csv").string();
  {
    auto lock = FileLock::Acquire(path);
    ASSERT_TRUE(lock.has_value()) << lock.error().message;
    EXPECT_TRUE(std::filesystem::exists(path + ".lock"));
    EXPECT_EQ(TryLockFromAnotherProcess(path + ".lock"), 1) << "held";
    FileLock moved = std::move(*lock);
    EXPECT_EQ(TryLockFromAnotherProcess(path + ".lock"), 1) << "still held after a move";
  }
  EXPECT_EQ(TryLockFromAnotherProcess(path + ".lock"), 0) << "released";
  std::filesystem::remove_all(dir);
}

// #19 item 10: the wait says who holds the lock, then gives up.
TEST(FileLockTest, AWaitSaysWhoHoldsTheLockThenGivesUp) {
  const auto dir = testing::MakeTestDir("verbatim-lock");
  const std::string path = (dir / "decisions.csv").string();
  const pid_t holder = testing::HoldLockInChild(path);
  ASSERT_GT(holder, 0);
  EXPECT_EQ(FileLock::Holder(path).rfind("pid " + std::to_string(holder) + ": ", 0), 0u)
      << FileLock::Holder(path);

  LockWait wait;
  wait.timeout_seconds = 0.4;
  wait.notice_after_seconds = 0.1;
  std::vector<std::string> notices;
  wait.on_wait = [&](const std::string& who) { notices.push_back(who); };
  auto lock = FileLock::Acquire(path, wait);
  kill(holder, SIGKILL);
  waitpid(holder, nullptr, 0);

  ASSERT_FALSE(lock.has_value());
  EXPECT_NE(lock.error().message.find("gave up after 0.4 s waiting for the lock " + path +
                                      ".lock, held by pid " + std::to_string(holder) + ": "),
            std::string::npos)
      << lock.error().message;
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].rfind("pid " + std::to_string(holder) + ": ", 0), 0u) << notices[0];
  EXPECT_TRUE(FileLock::Acquire(path, wait).has_value()) << "free once the holder is gone";
  std::filesystem::remove_all(dir);
}

TEST(FileLockTest, ALinkAtTheLockNameIsRefused) {
  const auto dir = testing::MakeTestDir("verbatim-lock");
  const std::string path = (dir / "decisions.csv").string();
  std::filesystem::create_symlink("elsewhere", path + ".lock");
  auto lock = FileLock::Acquire(path);
  ASSERT_FALSE(lock.has_value());
  EXPECT_NE(lock.error().message.find("it is a symbolic link"), std::string::npos)
      << lock.error().message;
  EXPECT_FALSE(std::filesystem::exists(dir / "elsewhere"));
  std::filesystem::remove_all(dir);
}

TEST(FileLockTest, AnUncreatableLockFileIsAnError) {
  auto lock = FileLock::Acquire("/nonexistent-folder/decisions.csv");
  ASSERT_FALSE(lock.has_value());
  EXPECT_NE(lock.error().message.find("cannot create lock file /nonexistent-folder/decisions.csv.lock"),
            std::string::npos)
      << lock.error().message;
}

}  // namespace
}  // namespace verbatim
