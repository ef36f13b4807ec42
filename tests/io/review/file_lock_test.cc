#include "io/review/file_lock.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

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

TEST(FileLockTest, AnUncreatableLockFileIsAnError) {
  auto lock = FileLock::Acquire("/nonexistent-folder/decisions.csv");
  ASSERT_FALSE(lock.has_value());
  EXPECT_NE(lock.error().message.find("cannot create lock file /nonexistent-folder/decisions.csv.lock"),
            std::string::npos)
      << lock.error().message;
}

}  // namespace
}  // namespace verbatim
