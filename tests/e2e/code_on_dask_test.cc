// scripts/code-on-dask.py on the real binary and a real Dask cluster: a
// local cluster of two worker processes codes the OPTAM sample as JSON Lines
// in five pieces, and the merged counts.csv is byte for byte that of one
// `verbatim code` run over the whole file, whether the driver sends the
// pieces or the workers read them (--shared-input). A piece that fails fails
// the job: exit 1, the piece's error shown, no counts.csv.
//
// The script's cluster takes no fixed port: with 8787 (Dask's usual HTTP
// port) held by someone else, or by another run beside it, nothing is printed.
//
// Skips, saying why, when no python3 can import Dask distributed;
// scripts/install-deps.sh --test installs Debian's python3-distributed
// (for /usr/bin/python3) so that CI runs it.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tests/testing/binary_runner.h"
#include "tests/testing/sample_jsonl.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunBinary;
using testing::RunShell;
using testing::ShellQuote;
using testing::SortedEntries;
using testing::WriteFile;
using testing::WriteSampleAsJsonl;

const fs::path kSource = VERBATIM_SOURCE_DIR;
const std::string kCodebook = (kSource / "codebooks/optam_changes.yaml").string();

// A python3 that imports distributed: Debian's /usr/bin/python3 first (the
// package installs for it only), else the first python3 on PATH.
std::optional<std::string> PythonWithDask() {
  std::vector<std::string> candidates = {"/usr/bin/python3"};
  if (auto on_path = testing::FindInPath("python3")) candidates.push_back(on_path->string());
  for (const std::string& python : candidates) {
    if (RunShell(ShellQuote(python) + " -c 'import distributed' > /dev/null 2>&1") == 0) {
      return python;
    }
  }
  return std::nullopt;
}

struct ScriptRun {
  int exit_code = -1;
  std::string output;  // Standard output and error.
};

class CodeOnDaskTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    static const std::optional<std::string> python = PythonWithDask();
    if (!python) {
      GTEST_SKIP() << "no python3 imports Dask distributed, so scripts/code-on-dask.py is not "
                      "tested; scripts/install-deps.sh --test installs python3-distributed";
    }
    python_ = *python;
    TempDirTest::SetUp();
    input_ = dir_ / "answers.jsonl";
    WriteSampleAsJsonl(input_);
    fs::create_directories(dir_ / "result");
  }

  // Runs the script with 2 workers and 5 pieces, writing result/counts.csv.
  ScriptRun CodeOnDask(const fs::path& input, const std::string& codebook,
                       const std::string& extra = "") {
    const fs::path log = dir_ / "script.log";
    ScriptRun run;
    run.exit_code = RunShell(
        ShellQuote(python_) + " " + ShellQuote((kSource / "scripts/code-on-dask.py").string()) +
        " --input " + ShellQuote(input.string()) + " --codebook " + ShellQuote(codebook) +
        " --out " + ShellQuote((dir_ / "result/counts.csv").string()) +
        " --workers 2 --pieces 5 --verbatim " + ShellQuote(VERBATIM_BINARY) + extra + " > " +
        ShellQuote(log.string()) + " 2>&1");
    run.output = ReadFile(log);
    return run;
  }

  // counts.csv of one `verbatim code` run over `input`.
  std::string CountsOfOneRun(const fs::path& input) {
    const testing::BinaryRun whole =
        RunBinary({"code", input.string(), "--format", "jsonl", "--column", "text", "--id-column",
                   "id", "-c", kCodebook, "-o", (dir_ / "whole").string(), "-q"});
    EXPECT_EQ(whole.exit_code, 0) << whole.err;
    return ReadFile(dir_ / "whole/counts.csv");
  }

  std::string python_;
  fs::path input_;
};

TEST_F(CodeOnDaskTest, CountsEqualOneRunByteForByte) {
  const std::string whole = CountsOfOneRun(input_);
  ASSERT_NE(whole, "");
  const ScriptRun run = CodeOnDask(input_, kCodebook);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output, "") << "nothing but errors is printed (no dashboard warning)";
  EXPECT_EQ(ReadFile(dir_ / "result/counts.csv"), whole);
  EXPECT_EQ(SortedEntries(dir_ / "result"), std::vector<std::string>{"counts.csv"})
      << "no temporary file is left";
}

// Holds a listening TCP socket on 127.0.0.1:port for its lifetime, if the
// port is free; if it is taken already, someone else holds it, which is the
// situation the test wants too.
class PortHolder {
 public:
  explicit PortHolder(uint16_t port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    if (fd_ < 0) return;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
        listen(fd_, 1) != 0) {
      close(fd_);
      fd_ = -1;
    }
  }
  ~PortHolder() {
    if (fd_ >= 0) close(fd_);
  }
  PortHolder(const PortHolder&) = delete;
  PortHolder& operator=(const PortHolder&) = delete;

 private:
  int fd_;
};

TEST_F(CodeOnDaskTest, DasksUsualHttpPortTakenPrintsNoWarning) {
  // CI once failed on "UserWarning: Port 8787 is already in use": two runs
  // beside each other both asked for it.
  const PortHolder held(8787);
  const ScriptRun run = CodeOnDask(input_, kCodebook);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output, "");
  EXPECT_EQ(ReadFile(dir_ / "result/counts.csv"), CountsOfOneRun(input_));
}

TEST_F(CodeOnDaskTest, WorkersReadingTheirPiecesGiveTheSameCounts) {
  const std::string whole = CountsOfOneRun(input_);
  const ScriptRun run = CodeOnDask(input_, kCodebook, " --shared-input");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(ReadFile(dir_ / "result/counts.csv"), whole);
}

TEST_F(CodeOnDaskTest, ABadCodebookFailsTheJobAndWritesNoCounts) {
  const fs::path codebook = dir_ / "broken.yaml";
  WriteFile(codebook, "themes: [unclosed\n");
  const ScriptRun run = CodeOnDask(input_, codebook.string());
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("of 5"), std::string::npos) << "names the piece: " << run.output;
  EXPECT_NE(run.output.find(codebook.string() + ":2:1: error"), std::string::npos)
      << "shows the piece's error, with its location: " << run.output;
  EXPECT_NE(run.output.find("no counts written"), std::string::npos) << run.output;
  EXPECT_TRUE(SortedEntries(dir_ / "result").empty());
}

TEST_F(CodeOnDaskTest, AnUnreadableLineFailsTheJobAndWritesNoCounts) {
  // One run would count the line as an error and exit 1; the recipe, like
  // Spark's RDD.pipe, fails the job on the piece's exit code.
  std::string lines = ReadFile(input_);
  const size_t third = lines.find('\n', lines.find('\n', lines.find('\n') + 1) + 1) + 1;
  lines.insert(third, "{\"id\": \"broken\", \"text\":\n");
  WriteFile(input_, lines);
  const ScriptRun run = CodeOnDask(input_, kCodebook);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("piece 1 of 5 (bytes 0 to "), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("1 row(s) could not be read"), std::string::npos) << run.output;
  EXPECT_TRUE(SortedEntries(dir_ / "result").empty());
}

TEST_F(CodeOnDaskTest, AMissingInputIsAUsageError) {
  const ScriptRun run = CodeOnDask(dir_ / "absent.jsonl", kCodebook);
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("no such file: " + (dir_ / "absent.jsonl").string()), std::string::npos)
      << run.output;
}

}  // namespace
}  // namespace verbatim
