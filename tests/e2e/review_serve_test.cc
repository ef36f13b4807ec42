// verbatim review serve over HTTP: the real binary as a child process on a
// free port, the sample run, and httplib's client.
#include <gtest/gtest.h>
#include <httplib.h>

#include <csignal>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "io/review/decisions_file.h"
#include "tests/testing/binary_runner.h"
#include "tests/testing/server_process.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::ReadFile;
using testing::RunBinary;
using testing::ServerProcess;

const fs::path kSource = VERBATIM_SOURCE_DIR;

class ReviewServeTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    out_ = dir_ / "run";
    decisions_ = (out_ / "decisions.csv").string();
    const auto coded = RunBinary({"code", (kSource / "samples/optam_changes.csv").string(),
                                  "--codebook", (kSource / "codebooks/optam_changes.yaml").string(),
                                  "--out", out_.string(), "-q"});
    ASSERT_EQ(coded.exit_code, 0) << coded.err;
    server_ = std::make_unique<ServerProcess>(std::vector<std::string>{out_.string(), "--port", "0"});
    ASSERT_TRUE(server_->running()) << server_->output();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }

  httplib::Headers WithToken(httplib::Headers headers = {}) const {
    headers.emplace("X-Verbatim-Token", server_->token());
    return headers;
  }
  json State() {
    auto response = client_->Get("/api/state", WithToken());
    EXPECT_TRUE(response) << "no answer";
    EXPECT_EQ(response->status, 200) << response->body;
    return json::parse(response->body);
  }
  httplib::Result Decide(const std::string& id, const std::string& decision,
                         const std::string& revision, httplib::Headers headers = {}) {
    const json body = {{"id", id}, {"decision", decision}, {"revision", revision}};
    return client_->Post("/api/decide", WithToken(std::move(headers)), body.dump(),
                         "application/json");
  }

  fs::path out_;
  std::string decisions_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ReviewServeTest, ListensOnLoopbackAndShowsTheRunsDisputedAnswers) {
  EXPECT_EQ(server_->origin().rfind("http://127.0.0.1:", 0), 0u);
  const json state = State();
  const auto run = json::parse(ReadFile(out_ / "run.json"));
  EXPECT_EQ(state["items"].size(), run["rows"]["disputed"].get<size_t>())
      << "every disputed answer, none else, before any decision";
  EXPECT_EQ(state["progress"]["left"], state["items"].size());
  EXPECT_EQ(state["codebook"]["id"], "optam_changes");
}

TEST_F(ReviewServeTest, RefusesARequestWithoutTheToken) {
  for (const char* path : {"/", "/api/state", "/?token=0123"}) {
    auto response = client_->Get(path);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 403) << path;
    EXPECT_EQ(response->body.find("\"items\""), std::string::npos) << path;
  }
  auto post = client_->Post("/api/decide", R"({"id":"2","decision":"ok","revision":""})",
                            "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 403);
  EXPECT_FALSE(fs::exists(decisions_)) << "nothing recorded";
  auto page = client_->Get("/?token=" + server_->token());
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<script>"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
}

TEST_F(ReviewServeTest, RefusesARequestFromAnotherOrigin) {
  auto response = Decide("2", "ok", "", {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 403);
  EXPECT_NE(response->body.find("another origin"), std::string::npos) << response->body;
  EXPECT_FALSE(fs::exists(decisions_)) << "nothing recorded";
  // A name that resolves to 127.0.0.1 by DNS rebinding: another Host.
  auto rebound = client_->Get("/api/state", WithToken({{"Host", "evil.example"}}));
  ASSERT_TRUE(rebound);
  EXPECT_EQ(rebound->status, 403);
  // The page's own origin is served.
  auto own = Decide("2", "ok", "", {{"Origin", server_->origin()}});
  ASSERT_TRUE(own);
  EXPECT_EQ(own->status, 200) << own->body;
}

TEST_F(ReviewServeTest, RefusesABadDecisionWithReviewApplysMessage) {
  const json state = State();
  const std::string id = state["items"][0]["id"];
  auto response = Decide(id, "+revalorisation.ccma", "");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 422);
  const std::string message = json::parse(response->body)["error"];
  EXPECT_NE(message.find("did you mean 'revalorisation.ccam'"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(decisions_)) << "nothing recorded";

  // review apply on the review file with the same decision says the same.
  std::string review = ReadFile(out_ / "review.csv");
  const std::string row_start = "\n" + id + "," + id + ",";
  const size_t row = review.find(row_start);
  ASSERT_NE(row, std::string::npos);
  const size_t row_end = review.find(",,\n", row);  // decision and comment are the last cells
  ASSERT_NE(row_end, std::string::npos);
  review.replace(row_end, 3, ",+revalorisation.ccma,\n");
  testing::WriteFile(out_ / "review.csv", review);
  const auto apply = RunBinary({"review", "apply", (out_ / "review.csv").string(), "--decisions",
                                (dir_ / "other.csv").string()});
  EXPECT_NE(apply.exit_code, 0);
  EXPECT_NE(apply.err.find(message), std::string::npos) << apply.err << "\nvs\n" << message;
}

TEST_F(ReviewServeTest, ConcurrentWritesAreAllRecordedAndAStaleOneIsAConflict) {
  const json state = State();
  std::vector<std::string> ids;
  for (const json& item : state["items"]) ids.push_back(item["id"]);
  ASSERT_GE(ids.size(), 4u);
  // Two reviewers at once, each on their own answers, each with their own connection.
  std::vector<int> statuses(ids.size());
  auto reviewer = [&](size_t first) {
    httplib::Client client("127.0.0.1", server_->port());
    for (size_t i = first; i < ids.size(); i += 2) {
      const json body = {{"id", ids[i]}, {"decision", i % 3 == 0 ? "none" : "ok"}, {"revision", ""}};
      auto response = client.Post("/api/decide", WithToken(), body.dump(), "application/json");
      statuses[i] = response ? response->status : -1;
    }
  };
  std::thread one(reviewer, 0), two(reviewer, 1);
  one.join();
  two.join();
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(statuses[i], 200) << ids[i];
  LoadedDecisions loaded = ReadDecisionsFile(decisions_);
  EXPECT_TRUE(loaded.diagnostics.empty());
  ASSERT_EQ(loaded.ledger.size(), ids.size()) << "no decision lost";
  for (size_t i = 0; i < ids.size(); ++i) {
    ASSERT_NE(loaded.ledger.Find(ids[i]), nullptr) << ids[i];
    EXPECT_EQ(loaded.ledger.Find(ids[i])->decision, i % 3 == 0 ? "none" : "ok");
  }
  // The file as it stood before the session's saves is kept once, not once per save.
  EXPECT_TRUE(fs::exists(decisions_ + ".bak"));
  EXPECT_FALSE(fs::exists(decisions_ + ".bak.1")) << "one backup per session, not per decision";

  // A second tab that still believes answer 0 undecided: refused, shown what is there.
  auto stale = Decide(ids[0], "ok", "");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409);
  const json conflict = json::parse(stale->body);
  EXPECT_NE(conflict["error"].get<std::string>().find("meanwhile"), std::string::npos);
  EXPECT_EQ(conflict["item"]["decision"]["decision"], "none");
  EXPECT_EQ(ReadDecisionsFile(decisions_).ledger.Find(ids[0])->decision, "none")
      << "the first reviewer's decision stays";
  // With the revision it now knows, the change goes through; undo (blank) removes it.
  const std::string revision = conflict["item"]["revision"];
  auto changed = Decide(ids[0], "ok", revision);
  ASSERT_TRUE(changed);
  ASSERT_EQ(changed->status, 200) << changed->body;
  auto undone = Decide(ids[0], "", json::parse(changed->body)["item"]["revision"]);
  ASSERT_TRUE(undone);
  EXPECT_EQ(undone->status, 200) << undone->body;
  EXPECT_EQ(ReadDecisionsFile(decisions_).ledger.Find(ids[0]), nullptr);
}

TEST_F(ReviewServeTest, UndoPutsBackExactlyWhatWasThereEvenAfterARestart) {
  const json state = State();
  ASSERT_GE(state["items"].size(), 2u);
  const std::string first = state["items"][0]["id"], second = state["items"][1]["id"];
  EXPECT_EQ(state["undo"], 0);
  auto post = [&](const std::string& id, const std::string& decision, const std::string& comment,
                  const std::string& revision) {
    const json body = {{"id", id}, {"decision", decision}, {"comment", comment},
                       {"revision", revision}};
    auto response = client_->Post("/api/decide", WithToken(), body.dump(), "application/json");
    EXPECT_TRUE(response);
    EXPECT_EQ(response->status, 200) << response->body;
    return json::parse(response->body);
  };
  const json decided = post(first, "ok", "", "");
  const std::string decided_at = decided["item"]["decision"]["decided_at"];
  post(first, "none", "hors sujet en fait", decided["item"]["revision"]);
  post(second, "ok", "", "");
  EXPECT_EQ(State()["undo"], 3);

  // Killed and started again: the history is in the file beside decisions.csv.
  server_->Kill(SIGKILL);
  server_ = std::make_unique<ServerProcess>(std::vector<std::string>{out_.string()});
  ASSERT_TRUE(server_->running()) << server_->output();
  client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  auto undo = [&]() {
    auto response = client_->Post("/api/undo", WithToken(), "{}", "application/json");
    EXPECT_TRUE(response);
    return response ? std::make_pair(response->status, json::parse(response->body))
                    : std::make_pair(-1, json());
  };
  auto [status, body] = undo();
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["undone"], second);
  EXPECT_EQ(body["undo"], 2);
  EXPECT_EQ(ReadDecisionsFile(decisions_).ledger.Find(second), nullptr) << "had no decision";

  std::tie(status, body) = undo();
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["undone"], first);
  const LoadedDecisions after_undo = ReadDecisionsFile(decisions_);
  const DecisionRecord* back = after_undo.ledger.Find(first);
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(back->decision, "ok");
  EXPECT_EQ(back->comment, "") << "the comment came with the undone change";
  EXPECT_EQ(back->decided_at, decided_at) << "the record put back as it was";

  // A decision recorded after the screen's last change, outside the screen
  // (review apply here): undo refuses to overwrite it, and drops that change.
  post(first, "none", "", body["item"]["revision"]);
  std::string review = ReadFile(out_ / "review.csv");
  const size_t row = review.find("\n" + first + "," + first + ",");
  ASSERT_NE(row, std::string::npos);
  const size_t row_end = review.find(",,\n", row);  // decision and comment are the last cells
  ASSERT_NE(row_end, std::string::npos);
  review.replace(row_end, 3, ",ok,par review apply\n");
  testing::WriteFile(dir_ / "filled.csv", review);
  fs::copy_file(out_ / "run.json", dir_ / "run.json", fs::copy_options::overwrite_existing);
  const auto applied =
      RunBinary({"review", "apply", (dir_ / "filled.csv").string(), "--decisions", decisions_});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  std::tie(status, body) = undo();
  EXPECT_EQ(status, 409) << body;
  EXPECT_NE(body["error"].get<std::string>().find("undo left that newer decision"),
            std::string::npos)
      << body;
  EXPECT_EQ(body["undo"], 1) << "the refused change is dropped from the history";
  EXPECT_EQ(ReadDecisionsFile(decisions_).ledger.Find(first)->comment, "par review apply");
}

TEST_F(ReviewServeTest, UndoWithNothingToUndoSaysSo) {
  auto response = client_->Post("/api/undo", WithToken(), "{}", "application/json");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(json::parse(response->body)["error"], "nothing to undo");
  EXPECT_FALSE(fs::exists(decisions_));
}

TEST_F(ReviewServeTest, CodeWithTheDecisionsCountsThemAsTheCsvRouteDoes) {
  const json state = State();
  std::string filled = ReadFile(out_ / "review.csv");
  for (const json& item : state["items"]) {
    auto response = Decide(item["id"], "ok", "");
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << response->body;
  }
  EXPECT_EQ(State()["progress"]["decided"], state["items"].size());
  server_->Kill(SIGKILL);

  // The CSV route: every row of the review file decided "ok".
  std::string csv;
  std::istringstream lines(filled);
  for (std::string line; std::getline(lines, line);) {
    if (line.size() >= 2 && line.compare(line.size() - 2, 2, ",,") == 0 && csv.size() > 0) {
      line.replace(line.size() - 2, 2, ",ok,");
    }
    csv += line + "\n";
  }
  testing::WriteFile(dir_ / "review_filled.csv", csv);
  fs::copy_file(out_ / "run.json", dir_ / "run.json");
  const std::string by_csv = (dir_ / "by_csv.csv").string();
  const auto apply = RunBinary({"review", "apply", (dir_ / "review_filled.csv").string(),
                                "--decisions", by_csv});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;

  auto code = [&](const std::string& decisions, const fs::path& out) {
    const auto run = RunBinary({"code", (kSource / "samples/optam_changes.csv").string(),
                                "--codebook", (kSource / "codebooks/optam_changes.yaml").string(),
                                "--out", out.string(), "-q", "--decisions", decisions});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return json::parse(ReadFile(out / "run.json"));
  };
  const json screen = code(decisions_, dir_ / "screen");
  const json route = code(by_csv, dir_ / "route");
  EXPECT_EQ(screen["decisions"]["applied"], state["items"].size());
  EXPECT_EQ(screen["decisions"]["applied"], route["decisions"]["applied"]);
  EXPECT_EQ(ReadFile(dir_ / "screen/counts.csv"), ReadFile(dir_ / "route/counts.csv"));
}

// Reopened after an answer's text changed: flagged stale with the old
// decision and text, and `code --decisions` reports it stale too.
TEST(ReviewServeStaleTest, AnAnswerEditedSinceItsDecisionIsShownStale) {
  const fs::path dir = testing::MakeTestDir("verbatim-serve-stale");
  const fs::path input = dir / "answers.csv", out = dir / "run";
  fs::copy_file(kSource / "samples/optam_changes.csv", input);
  const std::string codebook = (kSource / "codebooks/optam_changes.yaml").string();
  ASSERT_EQ(RunBinary({"code", input.string(), "--codebook", codebook, "--out", out.string(), "-q"})
                .exit_code, 0);
  std::string id, old_text;
  {
    ServerProcess server({out.string()});
    ASSERT_TRUE(server.running()) << server.output();
    httplib::Client client("127.0.0.1", server.port());
    const httplib::Headers token = {{"X-Verbatim-Token", server.token()}};
    const json state = json::parse(client.Get("/api/state", token)->body);
    id = state["items"][0]["id"];
    for (const json& segment : state["items"][0]["segments"]) old_text += segment["text"];
    const json body = {{"id", id}, {"decision", "ok"}, {"revision", ""}};
    ASSERT_EQ(client.Post("/api/decide", token, body.dump(), "application/json")->status, 200);
    server.Kill(SIGKILL);
  }
  std::string answers = ReadFile(input);
  const size_t at = answers.find(old_text.substr(0, 20));
  ASSERT_NE(at, std::string::npos);
  answers.insert(at, "Edited: ");
  testing::WriteFile(input, answers);

  ServerProcess server({out.string()});
  ASSERT_TRUE(server.running()) << server.output();
  httplib::Client client("127.0.0.1", server.port());
  const json state =
      json::parse(client.Get("/api/state", {{"X-Verbatim-Token", server.token()}})->body);
  EXPECT_EQ(state["progress"]["stale"], 1);
  EXPECT_EQ(state["progress"]["decided"], 0);
  const json& item = state["items"][0];
  ASSERT_EQ(item["id"], id);
  EXPECT_EQ(item["decision"]["state"], "stale");
  EXPECT_EQ(item["decision"]["decision"], "ok");
  EXPECT_EQ(item["decision"]["old_text"], old_text);
  server.Kill(SIGKILL);

  ASSERT_EQ(RunBinary({"code", input.string(), "--codebook", codebook, "--out",
                       (dir / "again").string(), "-q", "--decisions",
                       (out / "decisions.csv").string()})
                .exit_code, 0);
  const json run = json::parse(ReadFile(dir / "again/run.json"));
  EXPECT_EQ(run["decisions"]["stale"].size(), 1u);
  EXPECT_EQ(run["decisions"]["applied"], 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace verbatim
