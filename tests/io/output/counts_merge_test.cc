#include "io/output/counts_merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "run/codebook_setup.h"
#include "io/output/counts_report.h"

namespace verbatim {
namespace {

const std::string kMinimal =
    std::string(VERBATIM_SOURCE_DIR) + "/tests/data/codebooks/minimal.yaml";

class CountsMergeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setup_ = SetUpCodebook(kMinimal);
    ASSERT_NE(setup_.compiled, nullptr);
  }
  const Codebook& book() const { return setup_.compiled->codebook(); }

  // counts.csv of the answers [begin, end) of Answers().
  std::string CountsOf(size_t begin, size_t end) const {
    Tally tally(book());
    for (size_t i = begin; i < end; ++i) {
      const CodingResult result = CodeAnswer(*setup_.compiled, Answers()[i]);
      tally.Add(result.status, result.counted);
    }
    std::ostringstream out;
    WriteCountsCsv(out, BuildCountRows(book(), tally));
    return out.str();
  }

  static const std::vector<std::string>& Answers() {
    static const std::vector<std::string> answers = {
        "Revaloriser les actes techniques",
        "revalorisation générale",
        "rien à dire",
        "Hausse de la CCAM et liberté des dépassements",
        "pas de dépassement",
        "la ccam",
        "liberté des dépassements",
        "G = 30"};
    return answers;
  }

  CodebookSetup setup_;
};

std::string Merge(const std::vector<CountsPart>& parts) {
  std::vector<CountRow> total;
  for (const CountsPart& part : parts) {
    auto added = AddCounts(part, &total);
    EXPECT_TRUE(added.has_value()) << FormatError(added.error());
  }
  std::ostringstream out;
  WriteCountsCsv(out, total);
  return out.str();
}

Result<std::vector<CountsPart>> Read(const std::string& text, const std::string& name = "<stdin>") {
  std::istringstream in(text);
  return ReadCountsCsvParts(in, name);
}

TEST_F(CountsMergeTest, OneFileIsOnePart) {
  const std::string counts = CountsOf(0, Answers().size());
  auto parts = Read(counts, "counts.csv");
  ASSERT_TRUE(parts.has_value()) << FormatError(parts.error());
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].source, "counts.csv");
  EXPECT_EQ((*parts)[0].number, 1);
  EXPECT_EQ((*parts)[0].header_line, 1);
  EXPECT_EQ((*parts)[0].lines.front(), 2);
  EXPECT_EQ(Merge(*parts), counts);
}

TEST_F(CountsMergeTest, SplitsAConcatenatedStreamAtEachHeader) {
  const std::string a = CountsOf(0, 3), b = CountsOf(3, 5), c = CountsOf(5, Answers().size());
  auto parts = Read(a + b + c);
  ASSERT_TRUE(parts.has_value()) << FormatError(parts.error());
  ASSERT_EQ(parts->size(), 3u);
  const int lines_per_part = static_cast<int>(std::count(a.begin(), a.end(), '\n'));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ((*parts)[i].number, i + 1);
    EXPECT_EQ((*parts)[i].header_line, 1 + i * lines_per_part);
    EXPECT_EQ((*parts)[i].rows.size(), static_cast<size_t>(lines_per_part - 1));
    EXPECT_EQ((*parts)[i].lines.back(), (i + 1) * lines_per_part);
  }
}

TEST_F(CountsMergeTest, ConcatenatedPiecesAddUpToOneRunByteForByte) {
  const std::string whole = CountsOf(0, Answers().size());
  for (size_t cut1 = 0; cut1 <= Answers().size(); ++cut1) {
    for (size_t cut2 = cut1; cut2 <= Answers().size(); ++cut2) {
      SCOPED_TRACE("pieces [0," + std::to_string(cut1) + ") [" + std::to_string(cut1) + "," +
                   std::to_string(cut2) + ") [" + std::to_string(cut2) + ",end)");
      auto parts =
          Read(CountsOf(0, cut1) + CountsOf(cut1, cut2) + CountsOf(cut2, Answers().size()));
      ASSERT_TRUE(parts.has_value()) << FormatError(parts.error());
      EXPECT_EQ(Merge(*parts), whole);
    }
  }
}

// Errors name the stream and the physical line in it, and the part from
// the second one on.
TEST_F(CountsMergeTest, ErrorsNameTheStreamLineAndPart) {
  const std::string good = CountsOf(0, 4);
  const int lines = static_cast<int>(std::count(good.begin(), good.end(), '\n'));
  const std::string header = good.substr(0, good.find('\n') + 1);
  const std::string second_row =
      good.substr(header.size(), good.find('\n', header.size()) + 1 - header.size());
  struct Case {
    std::string name;
    std::string input;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"empty stream", "", "<stdin>: empty: no counts.csv in it"},
      {"no header", second_row + good, "<stdin>:1: not a counts.csv: the header must be"},
      {"bad count in part 2", good + header + "status,coded,x,2x,,\n",
       "<stdin>:" + std::to_string(lines + 2) + ": part 2: answers '2x' is not a whole number"},
      {"header with nothing after it", good + header,
       "<stdin>:" + std::to_string(lines + 1) + ": part 2: not a counts.csv: no 'total' row"},
      {"part cut short", good.substr(0, good.rfind('\n', good.size() / 2) + 1) + good,
       "<stdin>:1: not a counts.csv: no 'total' row"},
      {"unknown level", good + "levels,x,y,1,,\n",
       "<stdin>:" + std::to_string(lines + 1) + ": unknown level 'levels'"},
      {"two parts on one line (no final line end)", good.substr(0, good.size() - 1) + good,
       "<stdin>:" + std::to_string(lines) + ": expected 6 fields, found 11"},
  };
  for (const Case& c : cases) {
    auto parts = Read(c.input);
    ASSERT_FALSE(parts.has_value()) << c.name;
    EXPECT_EQ(FormatError(parts.error()).substr(0, c.error.size()), c.error)
        << c.name << "\n  got: " << FormatError(parts.error());
  }
}

TEST_F(CountsMergeTest, RefusesAPartOfAnotherCodebookAtItsLine) {
  const std::string good = CountsOf(0, 4);
  std::string other = good;
  other.replace(other.find("liberte_tarifaire.depassements"), 30, "liberte_tarifaire.autre");
  auto parts = Read(good + other);
  ASSERT_TRUE(parts.has_value()) << FormatError(parts.error());
  std::vector<CountRow> total;
  ASSERT_TRUE(AddCounts((*parts)[0], &total).has_value());
  const std::vector<CountRow> before = total;
  auto added = AddCounts((*parts)[1], &total);
  ASSERT_FALSE(added.has_value());
  const CountsPart& second = (*parts)[1];
  size_t row = 0;
  while (second.rows[row].id != "liberte_tarifaire.autre") ++row;
  EXPECT_EQ(added.error().location.line, second.lines[row]);
  EXPECT_NE(FormatError(added.error()).find("part 2: row"), std::string::npos)
      << FormatError(added.error());
  EXPECT_NE(FormatError(added.error()).find("not the same codebook"), std::string::npos);
  EXPECT_EQ(total.size(), before.size());
  for (size_t i = 0; i < total.size(); ++i) EXPECT_EQ(total[i].answers, before[i].answers);
}

TEST_F(CountsMergeTest, RefusesAPartWithAnotherNumberOfRows) {
  const std::string good = CountsOf(0, 4);
  const size_t first_row_end = good.find('\n', good.find('\n') + 1) + 1;
  const std::string shorter = good.substr(0, good.find('\n') + 1) + good.substr(first_row_end);
  auto parts = Read(good + shorter);
  ASSERT_TRUE(parts.has_value()) << FormatError(parts.error());
  std::vector<CountRow> total;
  ASSERT_TRUE(AddCounts((*parts)[0], &total).has_value());
  auto added = AddCounts((*parts)[1], &total);
  ASSERT_FALSE(added.has_value());
  EXPECT_EQ(added.error().location.line, (*parts)[1].header_line);
  EXPECT_NE(FormatError(added.error()).find("not the same codebook"), std::string::npos);
}

}  // namespace
}  // namespace verbatim
