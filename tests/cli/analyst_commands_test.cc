// The analyst commands (explain, kwic, diff, terms) run in-process through
// RunCli: exit codes and messages. Their full outputs are golden cases in
// tests/e2e/cases/.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "tests/testing/cli_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

using testing::CliRun;
using testing::RunCommand;

const std::string kSource = VERBATIM_SOURCE_DIR;
const std::string kCodebook = kSource + "/tests/data/codebooks/analyst.yaml";
const std::string kEdited = kSource + "/tests/data/codebooks/analyst_edited.yaml";
const std::string kInput = kSource + "/tests/data/input/analyst_answers.csv";

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ExplainCommandTest, ExplainsTextWithTheGivenCodebook) {
  const CliRun run = RunCommand({"explain", "--codebook", kCodebook, "--text", "G = 30"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  EXPECT_TRUE(Contains(run.out, "evidence    [G = 30]\n")) << run.out;
  EXPECT_TRUE(Contains(run.out, "  counted   revalorisation.consultation\n")) << run.out;
}

TEST(ExplainCommandTest, FindsAnAnswerById) {
  const CliRun run = RunCommand(
      {"explain", "--codebook", kCodebook, "--id", "r06", "--input", kInput, "--id-column", "id"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  EXPECT_TRUE(Contains(run.out, "id          r06\nanswer      G = 30 euros minimum\n")) << run.out;
}

TEST(ExplainCommandTest, UnknownIdIsADataError) {
  const CliRun run =
      RunCommand({"explain", "--codebook", kCodebook, "--id", "r99", "--input", kInput});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_TRUE(Contains(run.err, "no answer with id 'r99' in " + kInput +
                                    " (ids are row numbers unless --id-column is given)"))
      << run.err;
}

TEST(ExplainCommandTest, NeedsTextOrId) {
  const CliRun run = RunCommand({"explain", "--codebook", kCodebook});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kUsage));
  EXPECT_TRUE(Contains(run.err, "give the answer with --text, or with --id and --input"))
      << run.err;
}

TEST(ExplainCommandTest, TextAndIdExcludeEachOther) {
  const CliRun run = RunCommand(
      {"explain", "--codebook", kCodebook, "--text", "x", "--id", "r01", "--input", kInput});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kUsage));
}

TEST(ExplainCommandTest, IdNeedsAnInput) {
  EXPECT_EQ(RunCommand({"explain", "--codebook", kCodebook, "--id", "r01"}).exit_code,
            ExitCodeFor(Outcome::kUsage));
}

TEST(ExplainCommandTest, BadColorIsAUsageError) {
  const CliRun run =
      RunCommand({"explain", "--codebook", kCodebook, "--text", "x", "--color", "yes"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kUsage));
  EXPECT_TRUE(Contains(run.err, "--color must be auto, always or never")) << run.err;
}

TEST(ExplainCommandTest, CodebookWithErrorsIsRefusedWithItsMessages) {
  const std::string broken = kSource + "/tests/data/codebooks/broken/bad_regex.yaml";
  const CliRun run = RunCommand({"explain", "--codebook", broken, "--text", "G = 30"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_TRUE(Contains(run.err,
                       "error: pattern 'g\\s*=\\s*(\\d+' of 'consultation' does not "
                       "compile: missing ): g\\s*=\\s*(\\d+"))
      << run.err;
  EXPECT_TRUE(Contains(run.err, "verbatim explain: " + broken + " has errors (above)")) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST(ExplainCommandTest, WarningsAreSummedUpInOneLine) {
  const std::string shadowed = kSource + "/tests/data/codebooks/broken/shadowed_patterns.yaml";
  const CliRun run = RunCommand({"explain", "--codebook", shadowed, "--text", "revalorisation"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess));
  EXPECT_EQ(run.err,
            shadowed + ": 5 warning(s); run 'verbatim check " + shadowed + "' to see them\n");
}

TEST(KwicCommandTest, CountsHitsAndAnswers) {
  const CliRun run = RunCommand({"kwic", "ccam", "--input", kInput, "--id-column", "id"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  EXPECT_TRUE(Contains(run.out, "term 'ccam': 4 hit(s) in 4 of 15 answers\n")) << run.out;
}

TEST(KwicCommandTest, RegexThatDoesNotCompileIsAUsageError) {
  const CliRun run = RunCommand({"kwic", "(g", "--regex", "--input", kInput});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kUsage));
  EXPECT_EQ(run.err, "verbatim kwic: regex '(g' does not compile: missing ): (g\n");
}

TEST(KwicCommandTest, MissingInputIsADataError) {
  const CliRun run = RunCommand({"kwic", "ccam", "--input", kSource + "/no/such/file.csv"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
  EXPECT_TRUE(Contains(run.err, "cannot open")) << run.err;
}

TEST(DiffCommandTest, WritesTheChangedAnswersAndExitsZero) {
  const std::filesystem::path dir = testing::MakeTestDir("verbatim");
  const std::string csv = (dir / "diff.csv").string();
  const CliRun run = RunCommand({"diff", "--old", kCodebook, "--new", kEdited, "--input", kInput,
                                 "--id-column", "id", "--out", csv});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  EXPECT_TRUE(Contains(run.out, ": 15 answers, 7 changed\n")) << run.out;
  std::ifstream in(csv);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header.substr(0, 40), "id,text,old_status,new_status,dispute,co");
  size_t rows = 0;
  for (std::string line; std::getline(in, line);) rows += line.rfind("r", 0) == 0;
  EXPECT_EQ(rows, 7u);
  std::filesystem::remove_all(dir);
}

TEST(DiffCommandTest, SameCodebookChangesNothing) {
  const CliRun run =
      RunCommand({"diff", "--old", kCodebook, "--new", kCodebook, "--input", kInput});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  EXPECT_TRUE(Contains(run.out, ": 15 answers, 0 changed\n")) << run.out;
  EXPECT_TRUE(Contains(run.out, "changed answers: 0\n")) << run.out;
}

TEST(TermsCommandTest, UncodedNeedsOnlyAnswersThatGotNoCode) {
  const CliRun run = RunCommand(
      {"terms", "--input", kInput, "--uncoded", "--codebook", kCodebook, "--min-count", "2"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  EXPECT_TRUE(Contains(run.out, "5 of 15 answers with text got no code")) << run.out;
  EXPECT_TRUE(Contains(run.out, "        3   60.0  paperasse\n")) << run.out;
  EXPECT_FALSE(Contains(run.out, "ccam")) << run.out;
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("verbatim-" + name + "-" + std::to_string(::getpid())))
      .string();
}

TEST(KwicCommandTest, UnknownSortIsAUsageError) {
  const CliRun run = RunCommand({"kwic", "ccam", "--input", kInput, "--sort", "sideways"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kUsage)) << run.err;
}

TEST(KwicCommandTest, LimitShowsTheFirstHitsAndCountsThemAll) {
  const CliRun run = RunCommand(
      {"kwic", "ccam", "--input", kInput, "--id-column", "id", "--limit", "2"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  EXPECT_TRUE(Contains(run.out, "term 'ccam': 4 hit(s) in 4 of 15 answers; 2 shown\n")) << run.out;
}

TEST(KwicCommandTest, OutWritesTheHitsAsCsvInTheirOrder) {
  const std::string dir = TempPath("kwic-out");
  const std::string csv = dir + "/sub/kwic.csv";
  const CliRun run = RunCommand({"kwic", "ccam", "--input", kInput, "--id-column", "id",
                                  "--sort", "right", "--out", csv});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  const std::string text = testing::ReadFile(csv);
  EXPECT_EQ(text.substr(0, 21), "id,left,match,right\nr") << text;
  size_t rows = 0;
  for (char c : text) rows += c == '\n';
  EXPECT_EQ(rows, 5u) << text;
  std::filesystem::remove_all(dir);
}

TEST(TermsCommandTest, StopwordsFileLeavesItsWordsOut) {
  const std::string words = TempPath("stopwords.txt");
  std::ofstream(words) << "paperasse\nCCAM\n";
  const CliRun run = RunCommand({"terms", "--input", kInput, "--stopwords", words});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  EXPECT_FALSE(Contains(run.out, "paperasse")) << run.out;
  EXPECT_FALSE(Contains(run.out, "ccam")) << run.out;
  std::filesystem::remove(words);
}

TEST(TermsCommandTest, MissingStopwordsFileIsADataError) {
  const CliRun run =
      RunCommand({"terms", "--input", kInput, "--stopwords", kSource + "/no/such/words.txt"});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kDataError));
}

TEST(TermsCommandTest, OutWritesBothListsAsCsv) {
  const std::string csv = TempPath("terms.csv");
  const CliRun run = RunCommand({"terms", "--input", kInput, "--out", csv});
  EXPECT_EQ(run.exit_code, ExitCodeFor(Outcome::kSuccess)) << run.err;
  const std::string text = testing::ReadFile(csv);
  EXPECT_EQ(text.substr(0, 32), "list,term,answers,percent,forms\n") << text;
  EXPECT_TRUE(Contains(text, "\nword,ccam,4,26.7,ccam=4\n")) << text;
  EXPECT_TRUE(Contains(text, "\nphrase,")) << text;
  std::filesystem::remove(csv);
}

}  // namespace
}  // namespace verbatim
