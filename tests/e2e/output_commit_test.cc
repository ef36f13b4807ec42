// A run's outputs commit together or not at all, on the real binary: an
// output that cannot be written replaces nothing and leaves no temporary
// file; SIGINT and SIGTERM during a run remove the temporary files; the
// next run removes those a killed run (SIGKILL) left.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using verbatim::testing::ReadFile;

const std::string kSource = VERBATIM_SOURCE_DIR;
const std::string kCodebook = kSource + "/codebooks/optam_changes.yaml";

class OutputCommitTest : public verbatim::testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    fs::create_directories(dir_ / "out");
  }

  std::vector<std::string> OutEntries() const {
    return verbatim::testing::SortedEntries(dir_ / "out");
  }

  // Starts the binary with stdout and stderr to files; returns its pid.
  pid_t Start(const std::vector<std::string>& args) const {
    const pid_t child = fork();
    if (child == 0) {
      const int out = open((dir_ / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = open((dir_ / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(out, 1);
      dup2(err, 2);
      std::vector<const char*> argv = {VERBATIM_BINARY};
      for (const std::string& arg : args) argv.push_back(arg.c_str());
      argv.push_back(nullptr);
      execv(VERBATIM_BINARY, const_cast<char* const*>(argv.data()));
      _exit(127);
    }
    return child;
  }

  int Wait(pid_t child) const {
    int status = 0;
    waitpid(child, &status, 0);
    return status;
  }

  std::string Stderr() const { return Read("stderr"); }

  // Waits until `count` temporary files are in the output folder.
  bool WaitForTemporaryFiles(size_t count) const {
    for (int i = 0; i < 500; ++i) {
      const auto entries = OutEntries();
      if (static_cast<size_t>(std::count_if(entries.begin(), entries.end(), [](const auto& name) {
            return name.find(".tmp-") != std::string::npos;
          })) >= count) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }
};

TEST_F(OutputCommitTest, AnOutputThatCannotBeWrittenReplacesNothing) {
  // A previous run on other answers, with its report.
  const fs::path previous_input = dir_ / "previous.csv";
  std::ofstream(previous_input) << "id,text\n1,revaloriser la CCAM\n";
  const int previous = Wait(Start({"code", previous_input.string(), "--codebook", kCodebook,
                                   "--out", (dir_ / "out").string(), "--report"}));
  ASSERT_EQ(WEXITSTATUS(previous), 0) << Stderr();
  const std::vector<std::string> names = {"coded.csv", "review.csv", "counts.csv", "run.json",
                                          "report.html"};
  std::vector<std::string> before;
  for (const std::string& name : names) before.push_back(ReadFile(dir_ / "out" / name));
  // chart.svg cannot be written now: a folder stands in its place.
  fs::remove(dir_ / "out" / "chart.svg");
  fs::create_directories(dir_ / "out" / "chart.svg");
  const int status = Wait(Start({"code", kSource + "/samples/optam_changes.csv", "--codebook",
                                 kCodebook, "--out", (dir_ / "out").string(), "--report"}));
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_NE(Stderr().find("chart.svg"), std::string::npos) << Stderr();
  EXPECT_EQ(OutEntries(), (std::vector<std::string>{"chart.svg", "coded.csv", "counts.csv",
                                                    "report.html", "review.csv", "run.json"}));
  for (size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(ReadFile(dir_ / "out" / names[i]), before[i]) << names[i];
  }
}

// Writes the header and enough rows (2 MB) to fill any reading buffer, so
// that the run has opened its outputs and waits for more.
void WriteRows(int fd) {
  std::string rows = "id,text\n";
  for (int i = 1; rows.size() < (size_t{2} << 20); ++i) {
    rows += std::to_string(i) + ",revaloriser la CCAM et indexer les tarifs\n";
  }
  size_t written = 0;
  while (written < rows.size()) {
    const ssize_t n = write(fd, rows.data() + written, rows.size() - written);
    ASSERT_GT(n, 0);
    written += static_cast<size_t>(n);
  }
}

// The binary waits on a pipe for the rest of its input, its outputs open
// as temporary files; the signal must remove them.
TEST_F(OutputCommitTest, SigintAndSigtermRemoveTheTemporaryFiles) {
  for (int signal_number : {SIGINT, SIGTERM}) {
    SCOPED_TRACE(signal_number);
    const fs::path fifo = dir_ / "answers.csv";
    fs::remove(fifo);
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const pid_t child = Start({"code", fifo.string(), "--codebook", kCodebook, "--out",
                               (dir_ / "out").string(), "--report", "--threads", "2"});
    // Keep the pipe open: the run reads the header and one row, then waits.
    const int writer = open(fifo.c_str(), O_WRONLY);
    ASSERT_GE(writer, 0);
    WriteRows(writer);
    ASSERT_TRUE(WaitForTemporaryFiles(6)) << Stderr();
    kill(child, signal_number);
    const int status = Wait(child);
    close(writer);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signal_number) << status;
    EXPECT_EQ(OutEntries(), std::vector<std::string>{});
  }
}

TEST_F(OutputCommitTest, TheNextRunRemovesWhatAKilledRunLeft) {
  const fs::path fifo = dir_ / "answers.csv";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const pid_t child = Start({"code", fifo.string(), "--codebook", kCodebook, "--out",
                             (dir_ / "out").string()});
  const int writer = open(fifo.c_str(), O_WRONLY);
  ASSERT_GE(writer, 0);
  WriteRows(writer);
  ASSERT_TRUE(WaitForTemporaryFiles(4)) << Stderr();
  kill(child, SIGKILL);  // No handler runs: the files stay.
  Wait(child);
  close(writer);
  ASSERT_EQ(OutEntries().size(), 4u);

  const int status = Wait(Start({"code", kSource + "/samples/optam_changes.csv", "--codebook",
                                 kCodebook, "--out", (dir_ / "out").string(), "--quiet"}));
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << Stderr();
  EXPECT_EQ(OutEntries(),
            (std::vector<std::string>{"coded.csv", "counts.csv", "review.csv", "run.json"}));
  EXPECT_NE(Stderr().find("left by a run that was killed"), std::string::npos) << Stderr();
}

}  // namespace
