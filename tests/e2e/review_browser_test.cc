// The review screen in a real browser: headless Chromium, driven through
// the DevTools protocol by tests/e2e/review_browser.mjs (Node, no npm
// package, over --remote-debugging-pipe). Five answers decided with the
// keyboard, one undone, a comment typed, the server killed (SIGKILL) and
// restarted: decisions.csv and the page must both say what the page had
// shown as saved; a new tab then undoes the last two changes; and two tabs
// deciding the same answer: the second writer is shown the conflict.
//
// Skips, saying why, when Chromium or Node is not installed; scripts/install-deps.sh --test installs both.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "io/review/decisions_file.h"
#include "tests/testing/binary_runner.h"
#include "tests/testing/server_process.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::FindInPath;
using testing::ReadFile;
using testing::RunBinary;
using testing::RunShell;
using testing::ServerProcess;
using testing::ShellQuote;

const fs::path kSource = VERBATIM_SOURCE_DIR;

class ReviewBrowserTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    chromium_ = FindInPath("chromium");
    if (!chromium_) {
      GTEST_SKIP() << "chromium is not installed, so the review screen is not checked in a "
                      "browser; scripts/install-deps.sh --test installs it";
    }
    node_ = FindInPath("node");
    if (!node_) {
      GTEST_SKIP() << "node is not installed, so the review screen is not checked in a browser; "
                      "scripts/install-deps.sh --test installs it (Debian's nodejs)";
    }
    out_ = dir_ / "run";
    const auto coded = RunBinary({"code", (kSource / "samples/optam_changes.csv").string(),
                                  "--codebook", (kSource / "codebooks/optam_changes.yaml").string(),
                                  "--out", out_.string(), "-q"});
    ASSERT_EQ(coded.exit_code, 0) << coded.err;
  }

  // What the page shows after the script's `mode` (review_browser.mjs).
  json Browse(const ServerProcess& server, const std::string& mode) {
    const fs::path shown = dir_ / ("shown-" + mode + ".json"), log = dir_ / "browser.log";
    const std::string command =
        "timeout 60 " + ShellQuote(node_->string()) + " " +
        ShellQuote((kSource / "tests/e2e/review_browser.mjs").string()) + " " +
        ShellQuote(chromium_->string()) + " " + ShellQuote((dir_ / ("profile-" + mode)).string()) +
        " " + ShellQuote(server.url()) + " " + mode + " > " + ShellQuote(shown.string()) +
        " 2> " + ShellQuote(log.string());
    EXPECT_EQ(RunShell(command), 0) << command << "\n" << ReadFile(log);
    return json::parse(ReadFile(shown), nullptr, false);
  }

  std::optional<fs::path> chromium_, node_;
  fs::path out_;
};

TEST_F(ReviewBrowserTest, KeyboardDecisionsSurviveAKilledServer) {
  auto server = std::make_unique<ServerProcess>(std::vector<std::string>{out_.string()});
  ASSERT_TRUE(server->running()) << server->output();
  const json decided = Browse(*server, "decide");
  ASSERT_TRUE(decided.is_object()) << "the script printed no JSON";
  server->Kill(SIGKILL);  // at once: whatever the page showed as saved must be on disk

  const std::vector<std::string> ids = decided["ids"];
  ASSERT_GE(ids.size(), 6u);
  // a n a <code> j a u: answers 1 to 4 decided, the fifth's decision
  // undone; then k c "relu deux fois" Enter: a comment on the fourth.
  const std::vector<std::string> expected_states = {"applied", "applied", "applied", "applied",
                                                    "none"};
  for (size_t i = 0; i < expected_states.size(); ++i) {
    EXPECT_EQ(decided["states"][i], expected_states[i]) << "answer " << ids[i];
  }
  EXPECT_NE(decided["progress"].get<std::string>().find("4 decided"), std::string::npos)
      << decided["progress"];

  const LoadedDecisions file = ReadDecisionsFile((out_ / "decisions.csv").string());
  EXPECT_TRUE(file.diagnostics.empty());
  ASSERT_EQ(file.ledger.size(), 4u) << ReadFile(out_ / "decisions.csv");
  ASSERT_NE(file.ledger.Find(ids[0]), nullptr);
  EXPECT_EQ(file.ledger.Find(ids[0])->decision, "ok");
  ASSERT_NE(file.ledger.Find(ids[1]), nullptr);
  EXPECT_EQ(file.ledger.Find(ids[1])->decision, "none");
  ASSERT_NE(file.ledger.Find(ids[2]), nullptr);
  EXPECT_EQ(file.ledger.Find(ids[2])->decision, "ok");
  ASSERT_NE(file.ledger.Find(ids[3]), nullptr);
  EXPECT_EQ(file.ledger.Find(ids[3])->decision.substr(0, 1), "=") << "a code toggled by its key";
  EXPECT_EQ(file.ledger.Find(ids[3])->comment, "relu deux fois") << "typed in the comment box";
  EXPECT_EQ(file.ledger.Find(ids[4]), nullptr) << "undone";

  server = std::make_unique<ServerProcess>(std::vector<std::string>{out_.string()});
  ASSERT_TRUE(server->running()) << server->output();
  const json reopened = Browse(*server, "look");
  ASSERT_TRUE(reopened.is_object());
  EXPECT_EQ(reopened["ids"], decided["ids"]);
  EXPECT_EQ(reopened["states"], decided["states"]) << "the page shows what is decided";
  EXPECT_EQ(reopened["progress"], decided["progress"]);
  EXPECT_EQ(reopened["comment"], "") << "the first answer left to decide has no comment";

  // Undo outlives the tab and the server: a new tab undoes the comment, then the code.
  const json undone = Browse(*server, "undo");
  ASSERT_TRUE(undone.is_object());
  EXPECT_EQ(undone["after_one_undo"]["comment"], "") << undone["after_one_undo"];
  EXPECT_EQ(undone["after_one_undo"]["states"][3], "applied");
  EXPECT_EQ(undone["states"][3], "none") << undone["message"];
  const LoadedDecisions after_undo = ReadDecisionsFile((out_ / "decisions.csv").string());
  EXPECT_EQ(after_undo.ledger.size(), 3u);
  EXPECT_EQ(after_undo.ledger.Find(ids[3]), nullptr);
}

TEST_F(ReviewBrowserTest, TwoTabsOnOneAnswerShowTheSecondWriterTheConflict) {
  ServerProcess server({out_.string()});
  ASSERT_TRUE(server.running()) << server.output();
  const json shown = Browse(server, "conflict");
  ASSERT_TRUE(shown.is_object()) << "the script printed no JSON";
  const std::string id = shown["ids"][0];
  EXPECT_EQ(shown["other"]["states"][0], "applied") << "the other tab's n was saved";
  EXPECT_EQ(shown["message"].get<std::string>().rfind("CONFLICT", 0), 0u) << shown["message"];
  EXPECT_EQ(shown["states"][0], "applied") << "the stale tab now shows the recorded decision";
  EXPECT_NE(shown["decision"].get<std::string>().find("none"), std::string::npos)
      << shown["decision"];
  const LoadedDecisions file = ReadDecisionsFile((out_ / "decisions.csv").string());
  ASSERT_EQ(file.ledger.size(), 1u);
  ASSERT_NE(file.ledger.Find(id), nullptr);
  EXPECT_EQ(file.ledger.Find(id)->decision, "none") << "the first writer's decision stays";
}

}  // namespace
}  // namespace verbatim
