// verbatim review apply, in-process, on the small fixtures of tests/data/review/.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

#include "io/input/run_manifest_reader.h"
#include "io/review/decisions_file.h"
#include "io/output/numbered_backup.h"
#include "io/review/file_lock.h"
#include "tests/testing/cli_runner.h"
#include "tests/testing/lock_holder.h"
#include "tests/testing/taken_backups.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::ReadFile;
using testing::RunCommand;
using testing::WriteFile;

const fs::path kSource = VERBATIM_SOURCE_DIR;
const fs::path kData = kSource / "tests/data/review";
const std::string kCodebook = (kSource / "tests/data/codebooks/minimal.yaml").string();
const std::string kAnswers = (kData / "answers.csv").string();

class ReviewApplyTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    out_ = dir_ / "out";
    decisions_ = (dir_ / "decisions.csv").string();
    const CliRun coded = RunCommand({"code", kAnswers, "--codebook", kCodebook, "--id-column", "id",
                                     "--out", out_.string(), "-q"});
    ASSERT_EQ(coded.exit_code, 0) << coded.err;
    review_ = (out_ / "review.csv").string();
  }

  // The reviewer fills the review file: the fixture's decisions, or `content`.
  void Fill(const std::string& content = ReadFile(kData / "review_filled.csv")) {
    WriteFile(review_, content);
  }
  CliRun Apply(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"review", "apply", review_, "--decisions", decisions_};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunCommand(args);
  }

  fs::path out_;
  std::string review_, decisions_;
};

TEST_F(ReviewApplyTest, RecordsTheDecisionsOfAFilledReviewFile) {
  Fill();
  const CliRun run = Apply();  // input, codebook and id column come from run.json
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Recorded in " + decisions_ +
                         ": 3 new decision(s), 0 replaced, 0 unchanged; 1 row(s) without a "
                         "decision skipped; 3 decision(s) in all."),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("Apply them: verbatim code " + kAnswers + " --codebook " + kCodebook +
                         " --column texte --id-column id --out " + out_.string() +
                         " --decisions " + decisions_),
            std::string::npos)
      << run.out;
  LoadedDecisions loaded = ReadDecisionsFile(decisions_);
  ASSERT_TRUE(loaded.diagnostics.empty());
  ASSERT_EQ(loaded.ledger.size(), 3u);
  const DecisionRecord* a4 = loaded.ledger.Find("a4");
  ASSERT_NE(a4, nullptr);
  EXPECT_EQ(a4->codes,
            (std::vector<std::string>{"revalorisation.ccam", "liberte_tarifaire.depassements"}));
  EXPECT_EQ(a4->comment, "les deux demandes");
  EXPECT_EQ(a4->codebook_id, "minimal");
  EXPECT_EQ(a4->text, "Hausse de la CCAM et liberté des dépassements");
  EXPECT_EQ(a4->decided_at.size(), 20u) << a4->decided_at;
  EXPECT_EQ(loaded.ledger.Find("a3")->codes, std::vector<std::string>{});
  EXPECT_EQ(loaded.ledger.Find("a6"), nullptr) << "a blank decision is skipped";
}

TEST_F(ReviewApplyTest, ApplyingTheSameFileAgainChangesNothing) {
  Fill();
  ASSERT_EQ(Apply().exit_code, 0);
  const std::string first = ReadFile(decisions_);
  const CliRun again = Apply();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("unchanged: its 3 decision(s)"), std::string::npos) << again.out;
  EXPECT_EQ(ReadFile(decisions_), first);
  EXPECT_FALSE(fs::exists(NumberedBackupPath(decisions_, 0)));
}

TEST_F(ReviewApplyTest, AChangedDecisionReplacesTheOldOneWhichTheBackupKeeps) {
  Fill();
  ASSERT_EQ(Apply().exit_code, 0);
  const std::string first = ReadFile(decisions_);
  std::string changed = ReadFile(kData / "review_filled.csv");
  changed.replace(changed.find(",ok,CCAM seule"), 14, ",none,CCAM seule");
  Fill(changed);
  const CliRun run = Apply();
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("0 new decision(s), 1 replaced (a2), 2 unchanged"), std::string::npos)
      << run.out;
  EXPECT_EQ(ReadFile(NumberedBackupPath(decisions_, 0)), first);
  LoadedDecisions loaded = ReadDecisionsFile(decisions_);
  EXPECT_EQ(loaded.ledger.Find("a2")->decision, "none");
  EXPECT_EQ(loaded.ledger.records()[0].id, "a2") << "the replaced decision keeps its place";
}

// #19: a second reviewer's apply does not destroy the backup of the first
// one's version: backups are numbered, and the message names the new one.
TEST_F(ReviewApplyTest, EachChangeKeepsThePreviousVersionUnderANewBackupName) {
  Fill();
  ASSERT_EQ(Apply().exit_code, 0);
  const std::string first = ReadFile(decisions_);
  std::string changed = ReadFile(kData / "review_filled.csv");
  changed.replace(changed.find(",ok,CCAM seule"), 14, ",none,CCAM seule");
  Fill(changed);
  const CliRun second = Apply();
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("kept as " + NumberedBackupPath(decisions_, 0)), std::string::npos)
      << second.out;
  const std::string second_version = ReadFile(decisions_);
  Fill();  // Back to ok: a third version.
  const CliRun third = Apply();
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_NE(third.out.find("kept as " + NumberedBackupPath(decisions_, 1)), std::string::npos)
      << third.out;
  EXPECT_EQ(ReadFile(NumberedBackupPath(decisions_, 0)), first);
  EXPECT_EQ(ReadFile(NumberedBackupPath(decisions_, 1)), second_version);
  EXPECT_EQ(ReadDecisionsFile(decisions_).ledger.Find("a2")->decision, "ok");
}

TEST_F(ReviewApplyTest, ReportsEveryErrorWithItsRowAndRecordsNothing) {
  Fill();
  ASSERT_EQ(Apply().exit_code, 0);
  const std::string before = ReadFile(decisions_);
  Fill(
      "id,row,text,proposed,reasons,details,evidence,decision,comment\n"
      "a2,2,La CCAM svp,revalorisation.ccam,weak,,,+revalorisation.cam,\n"
      "a3,3,\"Pas de dépassements, merci\",liberte_tarifaire.depassements,negated,,,no,\n"
      "a9,9,Inconnue,,,,,none,\n"
      "a4,4,Hausse de la CCAM et liberté des dépassements,,conflict,,,=liberte_tarifair,\n");
  const CliRun run = Apply();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(review_ + ":2: error: answer a2: unknown code 'revalorisation.cam' (did "
                                   "you mean 'revalorisation.ccam'?) in decision "
                                   "'+revalorisation.cam'"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(review_ + ":3: error: answer a3: unknown decision 'no': write ok, none, +code "
                                   "-code or =code;code (did you mean 'none'?)"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(review_ + ":4: error: answer a9: not an answer of " + kAnswers),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(review_ + ":5: error: answer a4: unknown code 'liberte_tarifair' (did "
                                   "you mean 'liberte_tarifaire'?)"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("4 error(s) in " + review_ + " (above); nothing was recorded in " +
                         decisions_),
            std::string::npos)
      << run.err;
  EXPECT_EQ(ReadFile(decisions_), before);
  EXPECT_FALSE(fs::exists(NumberedBackupPath(decisions_, 0)));
}

// "An interrupted run never loses a decision": the save fails midway (the
// backup cannot be written), the decisions file keeps every decision.
TEST_F(ReviewApplyTest, AFailureWhileSavingLeavesThePreviousDecisionsIntact) {
  Fill();
  ASSERT_EQ(Apply().exit_code, 0);
  const std::string before = ReadFile(decisions_);
  testing::TakeEveryBackupName(decisions_);
  std::string changed = ReadFile(kData / "review_filled.csv");
  changed.replace(changed.find(",ok,CCAM seule"), 14, ",none,CCAM seule");
  Fill(changed);
  const CliRun run = Apply();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("was left as it was; nothing was recorded"), std::string::npos) << run.err;
  EXPECT_EQ(ReadFile(decisions_), before);
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

TEST_F(ReviewApplyTest, ADamagedDecisionsFileIsLeftAlone) {
  Fill();
  WriteFile(decisions_, "id,codes\n1,a\n");
  const CliRun run = Apply();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("it was left as it is and nothing was recorded"), std::string::npos)
      << run.err;
  EXPECT_EQ(ReadFile(decisions_), "id,codes\n1,a\n");
}

TEST_F(ReviewApplyTest, DryRunValidatesAndRecordsNothing) {
  Fill();
  const CliRun run = Apply({"--dry-run"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("3 decision(s) valid, 1 row(s) without a decision; nothing recorded"),
            std::string::npos)
      << run.out;
  EXPECT_FALSE(fs::exists(decisions_));
}

TEST_F(ReviewApplyTest, WithoutRunJsonTheCodebookMustBeGiven) {
  fs::remove(out_ / "run.json");
  Fill();
  const CliRun run = Apply();
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("no --codebook given and no run.json beside"), std::string::npos)
      << run.err;
  const CliRun given = Apply({"--codebook", kCodebook, "--input", kAnswers, "--id-column", "id"});
  EXPECT_EQ(given.exit_code, 0) << given.err;
}

TEST_F(ReviewApplyTest, ReadsDecisionsFromAWorkbookSavedByLibreOffice) {
  const CliRun run = RunCommand({"review", "apply", (kData / "libreoffice_review.xlsx").string(),
                                 "--decisions", decisions_, "--codebook", kCodebook, "--input",
                                 kAnswers, "--id-column", "id"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  LoadedDecisions loaded = ReadDecisionsFile(decisions_);
  ASSERT_EQ(loaded.ledger.size(), 4u);
  EXPECT_EQ(loaded.ledger.Find("a4")->codes,
            (std::vector<std::string>{"revalorisation.ccam", "liberte_tarifaire.depassements"}))
      << "the decision LibreOffice made a formula of";
  EXPECT_EQ(loaded.ledger.Find("a6")->codes, std::vector<std::string>{"revalorisation.ccam"});
  EXPECT_EQ(loaded.ledger.Find("a6")->comment,
            "« pas quoi dire » : on code quand même, dit \"Marie\"");
}

// #19 item 7: through a link, the target is locked, read and replaced; the
// link stays a link.
TEST_F(ReviewApplyTest, ALinkedDecisionsFileUpdatesItsTarget) {
  Fill();
  ASSERT_EQ(Apply().exit_code, 0);
  const std::string link = (dir_ / "l.csv").string();
  fs::create_symlink("decisions.csv", link);
  std::string changed = ReadFile(kData / "review_filled.csv");
  changed.replace(changed.find(",ok,CCAM seule"), 14, ",none,CCAM seule");
  Fill(changed);

  const CliRun run = RunCommand({"review", "apply", review_, "--decisions", link});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(link)));
  EXPECT_EQ(fs::read_symlink(link), "decisions.csv");
  EXPECT_EQ(ReadDecisionsFile(decisions_).ledger.Find("a2")->decision, "none");
  EXPECT_TRUE(fs::exists(decisions_ + ".bak"));
  EXPECT_FALSE(fs::exists(link + ".lock")) << "both names take decisions.csv.lock";
  EXPECT_FALSE(fs::exists(link + ".bak"));
}

// #19 item 10: another process holds the lock: after 1 s the wait names
// it, and --lock-timeout ends the wait with an error; nothing is recorded.
TEST_F(ReviewApplyTest, AHeldLockIsNamedAndTheWaitEnds) {
  Fill();
  const pid_t holder = testing::HoldLockInChild(decisions_);
  ASSERT_GT(holder, 0) << "a child could not take the lock";
  const CliRun run = Apply({"--lock-timeout", "1.5"});
  kill(holder, SIGKILL);
  waitpid(holder, nullptr, 0);

  EXPECT_EQ(run.exit_code, 1);
  const std::string who = "pid " + std::to_string(holder) + ": ";
  EXPECT_NE(run.err.find("verbatim review apply: waiting for " + who), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("gave up after 1.5 s waiting for the lock " + decisions_ +
                         ".lock, held by " + who),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(fs::exists(decisions_));
}

// The words of a line printed for a POSIX shell, undoing cli/shell_word.h's
// quoting ('…', and '\'' for a quote inside).
std::vector<std::string> ShellWords(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false, quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '\'') {
        quoted = false;
      } else {
        word += c;
      }
    } else if (c == '\'') {
      quoted = in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else if (c == ' ') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

// The "Apply them: …" line of review apply's output, as words.
std::vector<std::string> ApplyHint(const std::string& out) {
  const std::string marker = "Apply them: ";
  const size_t begin = out.find(marker);
  if (begin == std::string::npos) return {};
  const size_t end = out.find('\n', begin);
  return ShellWords(out.substr(begin + marker.size(), end - begin - marker.size()));
}

// #18: the hint dropped --id-column and --review-format, and running it
// applied nothing ("0 applied", exit 0). Run as printed, it must repeat the
// run's settings and apply the decisions; the output folder has a space.
class ApplyHintTest : public testing::TempDirTest,
                      public ::testing::WithParamInterface<std::vector<std::string>> {};

TEST_P(ApplyHintTest, RunAsPrintedItRepeatsTheRunAndAppliesTheDecisions) {
  const fs::path out = dir_ / "my run";
  const std::string decisions = (dir_ / "decisions.csv").string();
  std::vector<std::string> args = {"code",       kAnswers, "--codebook",  kCodebook,
                                   "--id-column", "id",    "--out",       out.string(), "-q"};
  args.insert(args.end(), GetParam().begin(), GetParam().end());
  const CliRun coded = RunCommand(args);
  ASSERT_EQ(coded.exit_code, 0) << coded.err;
  auto first = ReadRunManifest((out / "run.json").string());
  ASSERT_TRUE(first.has_value());

  // The reviewer fills review.csv as written (the --excel-fr dialect
  // included): decisions on a2 and a3.
  const std::string review = (out / "review.csv").string();
  if (fs::exists(review)) {
    std::string content = ReadFile(review);
    const char separator = content.find(';') < content.find('\n') ? ';' : ',';
    const std::string blank = std::string(1, separator) + separator + "\n";
    for (const std::string id : {"a2", "a3"}) {
      const size_t row = content.find("\n" + id + separator);
      ASSERT_NE(row, std::string::npos) << content;
      const size_t end = content.find(blank, row);
      ASSERT_NE(end, std::string::npos) << content;
      content.replace(end, blank.size(),
                      std::string(1, separator) + (id == "a2" ? "ok" : "none") + separator + "\n");
    }
    WriteFile(review, content);
  } else {
    WriteFile(review, ReadFile(kData / "review_filled.csv"));
  }
  const CliRun applied = RunCommand({"review", "apply", review, "--decisions", decisions});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;

  const std::vector<std::string> hint = ApplyHint(applied.out);
  ASSERT_GE(hint.size(), 2u) << applied.out;
  EXPECT_EQ(hint[0], "verbatim");
  const CliRun rerun = RunCommand(std::vector<std::string>(hint.begin() + 1, hint.end()));
  ASSERT_EQ(rerun.exit_code, 0) << applied.out << rerun.err;

  auto second = ReadRunManifest((out / "run.json").string());
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->settings, first->settings) << applied.out;
  EXPECT_EQ(second->input_path, first->input_path);
  EXPECT_EQ(second->codebook_path, first->codebook_path);
  // ReadRunManifest leaves "decisions" out: read the count from the text.
  const std::string json = ReadFile(out / "run.json");
  const size_t at = json.find("\"applied\": ");
  ASSERT_NE(at, std::string::npos) << json;
  EXPECT_GE(std::stoi(json.substr(at + 11)), 2) << json;
}

INSTANTIATE_TEST_SUITE_P(
    Flags, ApplyHintTest,
    ::testing::Values(std::vector<std::string>{"--excel-fr"},
                      std::vector<std::string>{"--review-format", "xlsx"},
                      std::vector<std::string>{"--format", "csv", "--delimiter", "comma",
                                               "--column", "texte", "--encoding", "utf-8"}));

}  // namespace
}  // namespace verbatim
