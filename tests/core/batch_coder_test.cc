#include "core/batch_coder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "run/codebook_setup.h"
#include "tests/testing/answers.h"
#include "tests/testing/result_text.h"

namespace verbatim {
namespace {

class BatchCoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setup_ = new CodebookSetup(
        SetUpCodebook(std::string(VERBATIM_SOURCE_DIR) + "/codebooks/optam_changes.yaml"));
    // The sample answers several times over, each copy changed a little, so
    // that a batch spans many blocks of uneven answers.
    const std::vector<std::string> sample = testing::SampleAnswers();
    texts_ = new std::vector<std::string>();
    for (int copy = 0; copy < 6; ++copy) {
      for (const std::string& text : sample) {
        texts_->push_back(copy % 2 == 0 ? text : text + " (copie " + std::to_string(copy) + ")");
      }
    }
  }
  static void TearDownTestSuite() {
    delete setup_;
    delete texts_;
  }

  const CompiledCodebook& codebook() { return *setup_->compiled; }

  std::vector<std::string_view> Views(size_t begin, size_t end) {
    return std::vector<std::string_view>(texts_->begin() + begin, texts_->begin() + end);
  }

  // One by one on this thread: the reference.
  std::vector<std::string> Expected(size_t begin, size_t end) {
    std::vector<std::string> expected;
    for (size_t i = begin; i < end; ++i) {
      expected.push_back(testing::ResultText(CodeAnswer(codebook(), (*texts_)[i])));
    }
    return expected;
  }

  void ExpectSame(const std::vector<std::string>& expected,
                  const std::vector<CodingResult>& results) {
    ASSERT_EQ(results.size(), expected.size());
    for (size_t i = 0; i < results.size(); ++i) {
      EXPECT_EQ(testing::ResultText(results[i]), expected[i]) << "answer " << i;
    }
  }

  static CodebookSetup* setup_;
  static std::vector<std::string>* texts_;
};

CodebookSetup* BatchCoderTest::setup_ = nullptr;
std::vector<std::string>* BatchCoderTest::texts_ = nullptr;

TEST_F(BatchCoderTest, ResultsAreIdenticalForOneAndManyThreads) {
  ASSERT_NE(setup_->compiled, nullptr);
  const std::vector<std::string> expected = Expected(0, texts_->size());
  const std::vector<std::string_view> views = Views(0, texts_->size());
  for (int threads : {1, 2, 3, 8}) {
    SCOPED_TRACE("threads=" + std::to_string(threads));
    CodingPool pool(codebook(), threads);
    EXPECT_EQ(pool.threads(), threads);
    std::vector<CodingResult> results;
    pool.CodeAll(views, &results);
    ExpectSame(expected, results);
  }
}

TEST_F(BatchCoderTest, PoolIsReusedAcrossBatchesOfAnySize) {
  ASSERT_NE(setup_->compiled, nullptr);
  CodingPool pool(codebook(), 3);
  std::vector<CodingResult> results;
  size_t begin = 0;
  for (size_t size : {size_t{0}, size_t{1}, size_t{31}, size_t{32}, size_t{33}, size_t{500}, size_t{7}}) {
    const size_t end = std::min(texts_->size(), begin + size);
    SCOPED_TRACE("batch of " + std::to_string(end - begin));
    const std::vector<std::string_view> views = Views(begin, end);
    pool.CodeAll(views, &results);
    ExpectSame(Expected(begin, end), results);
    begin = end;
  }
}

TEST_F(BatchCoderTest, StartLeavesTheCallerFreeUntilWait) {
  ASSERT_NE(setup_->compiled, nullptr);
  CodingPool pool(codebook(), 2);
  const std::vector<std::string_view> first = Views(0, 400);
  const std::vector<std::string_view> second = Views(400, 800);
  std::vector<CodingResult> first_results, second_results;
  pool.Start(first, &first_results);
  // What a streaming caller does meanwhile: reads, writes.
  const std::vector<std::string> first_expected = Expected(0, 400);
  pool.Wait();
  pool.Start(second, &second_results);
  pool.Wait();
  pool.Wait();  // Nothing in flight: returns at once.
  ExpectSame(first_expected, first_results);
  ExpectSame(Expected(400, 800), second_results);
}

TEST_F(BatchCoderTest, AfterBlockSeesEveryAnswerOnceCodedOnItsOwnSlot) {
  ASSERT_NE(setup_->compiled, nullptr);
  constexpr int kThreads = 3;
  CodingPool pool(codebook(), kThreads);
  const std::vector<std::string_view> views = Views(0, 700);
  std::vector<CodingResult> results;
  // Written by the callbacks without a lock: each index by one block only,
  // each slot's counter by its own thread only.
  std::vector<int> seen(views.size(), 0);
  std::vector<std::string> coded_then(views.size());
  std::vector<size_t> per_slot(kThreads, 0);
  bool slot_out_of_range = false;
  pool.Start(views, &results, [&](size_t begin, size_t end, int slot) {
    if (slot < 0 || slot >= kThreads) {
      slot_out_of_range = true;
      return;
    }
    per_slot[static_cast<size_t>(slot)] += end - begin;
    for (size_t i = begin; i < end; ++i) {
      ++seen[i];
      coded_then[i] = testing::ResultText(results[i]);
    }
  });
  pool.Wait();
  EXPECT_FALSE(slot_out_of_range);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), static_cast<long>(views.size()));
  size_t total = 0;
  for (size_t count : per_slot) total += count;
  EXPECT_EQ(total, views.size());
  // The callback ran after the block was coded: it saw the final results.
  EXPECT_EQ(coded_then, Expected(0, 700));
}

TEST_F(BatchCoderTest, CodeBatchUsesEveryCoreByDefault) {
  ASSERT_NE(setup_->compiled, nullptr);
  const std::vector<std::string_view> views = Views(0, 300);
  std::vector<CodingResult> results;
  CodeBatch(codebook(), views, 0, &results);
  ExpectSame(Expected(0, 300), results);
  EXPECT_GE(CodingPool(codebook(), 0).threads(), 1);
}

}  // namespace
}  // namespace verbatim
