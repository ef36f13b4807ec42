#include "core/review_merge.h"

#include <gtest/gtest.h>

#include "tests/testing/small_codebook.h"

namespace verbatim {
namespace {

using testing::SmallCodebook;

std::unordered_map<std::string, RunAnswer> RunAnswers() {
  std::unordered_map<std::string, RunAnswer> run;
  run["1"] = RunAnswer{"La CCAM", std::string(64, '1'), false, 1};
  run["2"] = RunAnswer{"Liberté\ndes compléments", std::string(64, '2'), false, 1};
  run["3"] = RunAnswer{"Rien", std::string(64, '3'), false, 1};
  run["dup"] = RunAnswer{"x", std::string(64, '4'), false, 2};
  run["bad"] = RunAnswer{"", "", true, 1};
  return run;
}

DecisionBatchOptions Options() {
  DecisionBatchOptions options;
  options.review_path = "review.csv";
  options.input_name = "answers.csv";
  options.decided_at = "2025-11-20T10:00:00Z";
  return options;
}

TEST(ReviewMergeTest, BuildsOneRecordPerDecidedRowAndSkipsBlankOnes) {
  const std::vector<ReviewedRow> rows = {
      {2, "1", "La CCAM", "reval.ccam", "ok", " bien vu "},
      {3, "2", "Liberté\r\ndes compléments ", "", "=lib.complements", ""},
      {4, "3", "Rien", "", "", "un commentaire sans décision"},
  };
  const DecisionBatch batch = BuildDecisionRecords(rows, RunAnswers(), SmallCodebook(), Options());
  ASSERT_TRUE(batch.diagnostics.empty()) << FormatDiagnostic(batch.diagnostics[0]);
  EXPECT_EQ(batch.blank, 1u);
  ASSERT_EQ(batch.records.size(), 2u);
  const DecisionRecord& first = batch.records[0];
  EXPECT_EQ(first.id, "1");
  EXPECT_EQ(first.text_sha256, std::string(64, '1')) << "the run's hash, not the review copy's";
  EXPECT_EQ(first.codes, (std::vector<std::string>{"reval.ccam"}));
  EXPECT_EQ(first.decision, "ok");
  EXPECT_EQ(first.comment, "bien vu");
  EXPECT_EQ(first.decided_at, "2025-11-20T10:00:00Z");
  EXPECT_EQ(first.codebook_id, "t");
  EXPECT_EQ(first.codebook_version, "1");
  EXPECT_EQ(first.proposed, (std::vector<std::string>{"reval.ccam"}));
  EXPECT_EQ(first.text, "La CCAM");
  EXPECT_EQ(batch.records[1].codes, (std::vector<std::string>{"lib.complements"}));
}

TEST(ReviewMergeTest, ReportsEveryProblemAtOnceWithItsRowAndRecordsNothing) {
  const std::vector<ReviewedRow> rows = {
      {2, "1", "La CCAM", "reval.ccam", "ok", ""},                      // fine
      {3, "2", "Liberté\ndes compléments", "", "=lib.complement", ""},   // misspelt id
      {4, "3", "Rien", "", "peut-être", ""},                            // bad syntax
      {5, "99", "?", "", "none", ""},                                   // not in the run
      {6, "1", "La CCAM", "reval.ccam", "none", ""},                    // decided twice
      {7, "3", "Rien du tout", "", "none", ""},                         // text differs
      {8, "", "", "", "ok", ""},                                        // no id
      {9, "dup", "x", "", "none", ""},                                  // id not unique
      {10, "bad", "", "", "none", ""},                                  // unreadable
      {11, "3", "Rien", "reval.old", "+lib", ""},                       // proposal unknown
  };
  const DecisionBatch batch = BuildDecisionRecords(rows, RunAnswers(), SmallCodebook(), Options());
  EXPECT_TRUE(batch.records.empty()) << "all or nothing";
  std::vector<std::string> lines;
  for (const Diagnostic& d : batch.diagnostics) lines.push_back(FormatDiagnostic(d));
  const std::vector<std::string> expected = {
      "review.csv:3: error: answer 2: unknown code 'lib.complement' (did you mean "
      "'lib.complements'?) in decision '=lib.complement'",
      "review.csv:4: error: answer 3: unknown decision 'peut-être': write ok, none, +code -code or "
      "=code;code",
      "review.csv:5: error: answer 99: not an answer of answers.csv (the run's input): check the "
      "id, or give the input with --input",
      "review.csv:6: error: answer 1: decided twice in this file (also at line 2): keep one "
      "decision per answer",
      "review.csv:7: error: answer 3: decided twice in this file (also at line 4): keep one "
      "decision per answer",
      "review.csv:7: error: answer 3: the text in the review file differs from the answer in "
      "answers.csv: was the input edited since the review file was written? Re-run 'verbatim "
      "code' and review the new file",
      "review.csv:8: error: decision 'ok' on a row without an id",
      "review.csv:9: error: answer dup: the id is not unique in answers.csv (2 rows): decisions "
      "need one answer per id (use --id-column)",
      "review.csv:10: error: answer bad: the answer could not be read from answers.csv (an error "
      "row): fix the input first",
      "review.csv:11: error: answer 3: decided twice in this file (also at line 4): keep one "
      "decision per answer",
      "review.csv:11: error: answer 3: the proposal names code 'reval.old', which codebook t 1 "
      "lacks (was the review file written with another codebook? give that one with --codebook)",
  };
  EXPECT_EQ(lines, expected);
}

TEST(ReviewMergeTest, ParseErrorsSayWhichCharacter) {
  const std::vector<ReviewedRow> rows = {{2, "1", "La CCAM", "reval.ccam", "+lib reval", ""}};
  const DecisionBatch batch = BuildDecisionRecords(rows, RunAnswers(), SmallCodebook(), Options());
  ASSERT_EQ(batch.diagnostics.size(), 1u);
  EXPECT_NE(batch.diagnostics[0].message.find("(at character 6)"), std::string::npos)
      << batch.diagnostics[0].message;
}

TEST(ReviewMergeTest, OkNeedsTheProposedColumn) {
  DecisionBatchOptions options = Options();
  options.has_proposed_column = false;
  const std::vector<ReviewedRow> rows = {{2, "1", "La CCAM", "", "ok", ""},
                                         {3, "3", "Rien", "", "none", ""}};
  const DecisionBatch batch = BuildDecisionRecords(rows, RunAnswers(), SmallCodebook(), options);
  ASSERT_EQ(batch.diagnostics.size(), 1u);
  EXPECT_EQ(batch.diagnostics[0].location.line, 2);
  EXPECT_NE(batch.diagnostics[0].message.find("no 'proposed' column"), std::string::npos);
}

TEST(ReviewMergeTest, TextsCompareIgnoringLineEndStyleAndSurroundingBlanks) {
  EXPECT_TRUE(SameAnswerText("a\r\nb", "a\nb"));
  EXPECT_TRUE(SameAnswerText("a\rb", "a\nb"));
  EXPECT_TRUE(SameAnswerText("  a b\n", "a b"));
  EXPECT_FALSE(SameAnswerText("a  b", "a b"));
  EXPECT_FALSE(SameAnswerText("Aucun…", "Aucun espoir"));
}

TEST(ReviewMergeTest, ATextCutAtTheCellLimitMatchesItsPrefix) {
  const std::string run(40000, 'x');
  const std::string cut = std::string(32000, 'x') + "\xE2\x80\xA6";
  EXPECT_TRUE(SameAnswerText(cut, run));
  EXPECT_FALSE(SameAnswerText(std::string(32000, 'y') + "\xE2\x80\xA6", run));
}

}  // namespace
}  // namespace verbatim
