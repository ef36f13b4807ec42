// CodeInput, the one coding run behind every command: outputs are the same
// bytes for any number of threads, with and without decisions; every row
// reaches every sink once, in input order; strict mode, duplicate ids and a
// failing sink end the run with the right failure.
#include "run/coding_run.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/review/decisions_file.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

const std::string kSource = VERBATIM_SOURCE_DIR;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Enough rows for several chunks (2,048 rows each) and many blocks per chunk.
std::string ManyAnswers() {
  const std::string sample = ReadText(kSource + "/samples/optam_changes.csv");
  const size_t body = sample.find('\n') + 1;
  std::string csv = sample.substr(0, body);
  for (int copy = 0; copy < 40; ++copy) csv += sample.substr(body);
  return csv;
}

struct Outputs {
  std::string coded;
  std::string review;
  std::vector<std::string> ids;  // As the callback saw them.
  size_t rows = 0;
};

Outputs CodeRows(const CompiledCodebook& codebook, const std::string& csv, int threads,
            const DecisionLedger* ledger, const char* id_column = nullptr) {
  std::istringstream in(csv);
  InputOptions input;
  input.path = "answers.csv";
  input.encoding = InputEncoding::kUtf8;  // Bad bytes are rows, not a refused file.
  if (id_column != nullptr) input.id_column = id_column;
  auto reader = OpenInputStream(in, input);
  EXPECT_TRUE(reader.has_value());
  if (!reader) return {};
  const DecisionColumns columns = ledger ? DecisionColumns::kInclude : DecisionColumns::kOmit;
  std::ostringstream coded, review;
  CodedCsvSink coded_sink(coded, codebook, columns);
  ReviewFileOptions review_options;
  review_options.previous = ledger ? PreviousDecisionColumn::kInclude : PreviousDecisionColumn::kOmit;
  ReviewSink review_sink(std::make_unique<ReviewFileWriter>(review, codebook, review_options));
  Outputs outputs;
  CallbackSink ids([&](const ResolvedAnswer& row) { outputs.ids.push_back(row.record->id); });
  RowSink* sinks[] = {&coded_sink, &review_sink, &ids};
  RunOptions options;
  options.threads = threads;
  options.ledger = ledger;
  options.check_duplicate_ids = false;
  auto summary = CodeInput(**reader, codebook, options, sinks);
  EXPECT_TRUE(summary.has_value());
  if (!summary) return {};
  outputs.coded = coded.str();
  outputs.review = review.str();
  outputs.rows = summary->final.rows();
  return outputs;
}

std::unique_ptr<CompiledCodebook> Shipped() {
  return testing::CompileYaml(ReadText(kSource + "/codebooks/optam_changes.yaml"));
}

TEST(CodingRunTest, OutputsAreTheSameBytesForOneToEightThreads) {
  const auto codebook = Shipped();
  ASSERT_NE(codebook, nullptr);
  const std::string csv = ManyAnswers();
  const Outputs one = CodeRows(*codebook, csv, 1, nullptr);
  ASSERT_EQ(one.rows, 129u * 40u);
  ASSERT_EQ(one.ids.size(), one.rows);
  EXPECT_NE(one.review.find('\n'), one.review.size() - 1) << "some rows go to review";
  for (int threads = 2; threads <= 8; ++threads) {
    const Outputs many = CodeRows(*codebook, csv, threads, nullptr);
    EXPECT_EQ(many.coded, one.coded) << threads << " threads";
    EXPECT_EQ(many.review, one.review) << threads << " threads";
    EXPECT_EQ(many.ids, one.ids) << threads << " threads";
  }
}

TEST(CodingRunTest, WithDecisionsOutputsAreTheSameBytesForOneToEightThreads) {
  const auto codebook = testing::CompileYaml(ReadText(kSource + "/tests/data/codebooks/minimal.yaml"));
  ASSERT_NE(codebook, nullptr);
  LoadedDecisions loaded = ReadDecisionsFile(kSource + "/tests/data/review/decisions.csv");
  ASSERT_FALSE(HasErrors(loaded.diagnostics));
  const std::string answers = ReadText(kSource + "/tests/data/review/answers.csv");
  const Outputs one = CodeRows(*codebook, answers, 1, &loaded.ledger, "id");
  ASSERT_EQ(one.rows, 8u);
  // The stale decision (a7) is listed again for a reviewer, with what it was.
  EXPECT_NE(one.review.find("a7"), std::string::npos);
  EXPECT_NE(one.review.find("stale"), std::string::npos);
  for (int threads = 2; threads <= 8; ++threads) {
    const Outputs many = CodeRows(*codebook, answers, threads, &loaded.ledger, "id");
    EXPECT_EQ(many.coded, one.coded) << threads << " threads";
    EXPECT_EQ(many.review, one.review) << threads << " threads";
  }
}

TEST(CodingRunTest, StrictStopsAtTheFirstUnreadableRow) {
  const auto codebook = Shipped();
  ASSERT_NE(codebook, nullptr);
  std::istringstream in("id,text\n1,ok\n2,\"bad\xff\"\n3,never read\n");
  InputOptions input;
  input.path = "bad.csv";
  input.id_column = "id";
  input.encoding = InputEncoding::kUtf8;  // Bad bytes are rows, not a refused file.
  auto reader = OpenInputStream(in, input);
  ASSERT_TRUE(reader.has_value());
  RunOptions options;
  options.strict = true;
  auto summary = CodeInput(**reader, *codebook, options, {});
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().failure, RunFailure::kUnreadableRow);
  EXPECT_NE(summary.error().error.message.find("bad.csv:3"), std::string::npos)
      << summary.error().error.message;
}

TEST(CodingRunTest, DuplicateIdsFailAfterEveryRowReachedTheSinks) {
  const auto codebook = Shipped();
  ASSERT_NE(codebook, nullptr);
  std::istringstream in("id,text\nx,un\ny,deux\nx,trois\n");
  InputOptions input;
  input.path = "dup.csv";
  input.id_column = "id";
  auto reader = OpenInputStream(in, input);
  ASSERT_TRUE(reader.has_value());
  size_t rows = 0;
  CallbackSink count([&](const ResolvedAnswer&) { ++rows; });
  RowSink* sinks[] = {&count};
  auto summary = CodeInput(**reader, *codebook, RunOptions{}, sinks);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().failure, RunFailure::kDuplicateIds);
  EXPECT_NE(summary.error().error.message.find("x"), std::string::npos);
  EXPECT_EQ(rows, 3u);
}

class FailingSink : public RowSink {
 public:
  Result<void> Finish() override { return MakeError("disk full, say"); }
};

TEST(CodingRunTest, ASinkThatCannotFinishFailsTheRun) {
  const auto codebook = Shipped();
  ASSERT_NE(codebook, nullptr);
  std::istringstream in("id,text\n1,revaloriser la CCAM\n");
  InputOptions input;
  input.path = "one.csv";
  auto reader = OpenInputStream(in, input);
  ASSERT_TRUE(reader.has_value());
  FailingSink failing;
  RowSink* sinks[] = {&failing};
  auto summary = CodeInput(**reader, *codebook, RunOptions{}, sinks);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().failure, RunFailure::kSinkFailed);
  EXPECT_EQ(summary.error().error.message, "disk full, say");
}

TEST(CodingRunTest, ReadErrorsBecomeErrorRowsAndCountAsErrors) {
  const auto codebook = Shipped();
  ASSERT_NE(codebook, nullptr);
  const Outputs outputs = CodeRows(*codebook, "id,text\n1,revaloriser la CCAM\n2,\"bad\xff\"\n", 2,
                              nullptr, "id");
  ASSERT_EQ(outputs.rows, 2u);
  EXPECT_NE(outputs.coded.find("\n2,2,error,"), std::string::npos) << outputs.coded;
  // An unreadable row is not for a reviewer: there is nothing to read.
  EXPECT_EQ(outputs.review.find(",2,"), std::string::npos) << outputs.review;
}

}  // namespace
}  // namespace verbatim
