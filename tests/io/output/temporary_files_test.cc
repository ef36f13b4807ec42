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

}  // namespace
}  // namespace verbatim
