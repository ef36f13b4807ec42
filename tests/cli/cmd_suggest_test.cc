// verbatim suggest in-process through RunCli, on a codebook and answers
// small enough to work out every figure by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "cli/cli.h"
#include "io/review/decisions_file.h"
#include "io/input/sha256.h"
#include "tests/testing/cli_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::ReadFile;
using testing::RunCommand;
using testing::WriteFile;

// "formulaires" is at line 6, column 16.
constexpr char kCodebook[] = R"(codebook: {id: s, version: "1", language: fr}
settings: {review_uncoded_min_words: 50}
themes:
  - id: admin
    label: Administratif
    patterns: [formulaires]
  - id: tarifs
    label: Tarifs
    patterns: [ccam]
)";

// The machine proposes admin for q3 ("formulaires") and tarifs for q4
// ("ccam"), nothing else.
constexpr char kAnswers[] = R"(id,text
q1,Trop de paperasse
q2,La paperasse tous les jours
q3,Remplir des formulaires
q4,La CCAM
q5,La paperasse des mutuelles
q6,Rien
)";

class SuggestCommandTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    codebook_ = (dir_ / "codebook.yaml").string();
    answers_ = (dir_ / "answers.csv").string();
    WriteFile(codebook_, kCodebook);
    WriteFile(answers_, kAnswers);
  }

  CliRun Suggest(std::vector<std::string> extra) {
    std::vector<std::string> args = {"suggest", "--input",    answers_, "--id-column",
                                     "id",      "--codebook", codebook_};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunCommand(args);
  }

  static bool Contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  }

  std::string codebook_, answers_;
};

TEST_F(SuggestCommandTest, GoldLabelsGiveCountsCandidatesAndPatternsToDrop) {
  const std::string gold = (dir_ / "gold.csv").string();
  WriteFile(gold, "id,codes\nq1,admin\nq2,admin\nq3,tarifs\nq4,tarifs\nq5,tarifs\nx9,admin\n");
  const std::string csv = (dir_ / "out" / "candidates.csv").string();
  const CliRun run = Suggest({"--gold", gold, "--out", csv});
  ASSERT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;

  // q6 has no label, x9 is not in the input: 5 labeled answers. For admin:
  // q1 and q2 missed, q3 wrong; "paperasse" hits q1, q2 and q5 (whose gold
  // lacks admin): fixes 2, breaks 1. Its stems hit the same answers, so the
  // shortest, "paper*", is kept and the term, fixing the same answers with
  // the same word, is dropped.
  EXPECT_TRUE(Contains(run.out, "5 labeled answers, codebook s 1\n")) << run.out;
  EXPECT_TRUE(Contains(run.out,
                       "admin  Administratif\n"
                       "  labeled 5, tp 0, misses 2, wrong 1\n"
                       "  missed (2): the labels have it, the machine does not propose it\n"
                       "    q1  Trop de paperasse\n"
                       "    q2  La paperasse tous les jours\n"
                       "  wrong (1): the machine proposes it, the labels do not have it\n"
                       "    q3  Remplir des formulaires\n"
                       "        term 'formulaires'  " +
                           codebook_ +
                           ":6:16\n"
                           "  candidate patterns with at least 2 fixes:\n"
                           "      - term: \"paper*\"   # fixes 2, breaks 1 (ids: q1, "
                           "q2; breaks: q5)\n"
                           "  patterns to drop:\n"
                           "    term 'formulaires'  " +
                           codebook_ + ":6:16  fired only where the labels disagree: 1 answer\n"))
      << run.out;
  // tarifs: q4 found; q3 and q5 missed share no word.
  EXPECT_TRUE(Contains(run.out, "tarifs  Tarifs\n  labeled 5, tp 1, misses 2, wrong 0\n"))
      << run.out;
  EXPECT_TRUE(Contains(run.out, "  candidate patterns with at least 2 fixes: none\n")) << run.out;
  EXPECT_EQ(run.err, "verbatim suggest: warning: 1 labeled id(s) are not in " + answers_ +
                         " and were ignored: x9\n");
  EXPECT_EQ(ReadFile(csv),
            "code,kind,pattern,fixes,breaks,fixed_ids,broken_ids\n"
            "admin,stem,paper*,2,1,q1;q2,q5\n");
}

TEST_F(SuggestCommandTest, DecisionsLabelTheAnswersTheyDecided) {
  auto record = [](std::string id, const std::string& text, std::vector<std::string> codes,
                   std::string decision) {
    DecisionRecord r;
    r.id = std::move(id);
    r.text_sha256 = Sha256Hex(text);
    r.codes = std::move(codes);
    r.decision = std::move(decision);
    r.decided_at = "2026-01-01T00:00:00Z";
    r.codebook_id = "s";
    r.codebook_version = "1";
    r.text = text;
    return r;
  };
  DecisionLedger ledger;
  ledger.Upsert(record("q1", "Trop de paperasse", {"admin"}, "=admin"));
  ledger.Upsert(record("q2", "La paperasse tous les jours", {"admin"}, "+admin"));
  ledger.Upsert(record("q3", "Remplir des formulaires", {}, "none"));
  ledger.Upsert(record("q4", "La CCAM est trop basse", {"tarifs"}, "ok"));  // Another text: stale.
  ledger.Upsert(record("q5", "La paperasse des mutuelles", {"tarifs"}, "=tarifs"));
  ledger.Upsert(record("q6", "Rien", {}, "ok"));  // The proposal was no code.
  const std::string decisions = (dir_ / "decisions.csv").string();
  ASSERT_TRUE(SaveDecisionsFile(decisions, ledger, KeepBackup::kNo).has_value());

  const CliRun run = Suggest({"--decisions", decisions, "--code", "admin"});
  ASSERT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  // Labeled: q1, q2, q3, q5, q6. admin: q1, q2 missed; q3 wrong (decided
  // "none"); q5 and q6 are without admin on both sides, and q5 holds
  // "paperasse".
  EXPECT_TRUE(Contains(run.out, "5 labeled answers, codebook s 1\n")) << run.out;
  EXPECT_TRUE(Contains(run.out, "admin  Administratif\n  labeled 5, tp 0, misses 2, wrong 1\n"))
      << run.out;
  EXPECT_TRUE(Contains(
      run.out, "      - term: \"paper*\"   # fixes 2, breaks 1 (ids: q1, q2; breaks: q5)\n"))
      << run.out;
  EXPECT_FALSE(Contains(run.out, "tarifs  Tarifs")) << run.out;  // --code admin
  EXPECT_TRUE(Contains(run.err, "1 decision(s) of " + decisions +
                                    " are for another text of their answer (stale) and were "
                                    "ignored: q4\n"))
      << run.err;
}

TEST_F(SuggestCommandTest, AFailedWriteToStandardOutputIsAnOutputError) {
  const std::string gold = (dir_ / "gold.csv").string();
  WriteFile(gold, "id,codes\nq1,admin\nq2,admin\n");
  const std::vector<std::string> args = {"verbatim",    "suggest", "--input",    answers_,
                                         "--id-column", "id",      "--codebook", codebook_,
                                         "--gold",      gold};
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out, err;
  out.setstate(std::ios::badbit);  // As a closed pipe or a full disk leaves it.
  EXPECT_EQ(RunCli(static_cast<int>(argv.size()), argv.data(), out, err), ExitCodeFor(Outcome::kOutputError));
  EXPECT_EQ(err.str(), "verbatim suggest: cannot write to standard output\n");
}

TEST_F(SuggestCommandTest, NeedsGoldOrDecisions) {
  const CliRun run = Suggest({});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kUsage));
  EXPECT_EQ(run.err, "verbatim suggest: give the labels with --gold or with --decisions\n");
  EXPECT_EQ(run.out, "");
}

TEST_F(SuggestCommandTest, GoldAndDecisionsExcludeEachOther) {
  EXPECT_EQ(Suggest({"--gold", "g.csv", "--decisions", "d.csv"}).exit_code, ExitCodeFor(Outcome::kUsage));
}

TEST_F(SuggestCommandTest, TopMustBePositive) {
  EXPECT_EQ(Suggest({"--gold", "g.csv", "--top", "0"}).exit_code, ExitCodeFor(Outcome::kUsage));
}

TEST_F(SuggestCommandTest, UnknownCodeIsAUsageErrorWithASuggestion) {
  const std::string gold = (dir_ / "gold.csv").string();
  WriteFile(gold, "id,codes\nq1,admin\n");
  const CliRun run = Suggest({"--gold", gold, "--code", "admn"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kUsage));
  EXPECT_EQ(run.err,
            "verbatim suggest: --code 'admn' is not in " + codebook_ + "; did you mean 'admin'?\n");
}

TEST_F(SuggestCommandTest, GoldCodeMissingFromTheCodebookIsADataError) {
  const std::string gold = (dir_ / "gold.csv").string();
  WriteFile(gold, "id,codes\nq1,admin;tarifz\n");
  const CliRun run = Suggest({"--gold", gold});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_TRUE(Contains(run.err, gold + ":2: answer 'q1': code 'tarifz' is not in the codebook; did "
                                       "you mean 'tarifs'?\n"))
      << run.err;
}

TEST_F(SuggestCommandTest, NoLabeledAnswerIsADataError) {
  const std::string gold = (dir_ / "gold.csv").string();
  WriteFile(gold, "id,codes\nz1,admin\n");
  const CliRun run = Suggest({"--gold", gold});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_TRUE(Contains(run.err, "no answer of " + answers_ + " has a label")) << run.err;
}

}  // namespace
}  // namespace verbatim
