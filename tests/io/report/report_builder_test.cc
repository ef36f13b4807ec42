#include "io/report/report_builder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "run/codebook_setup.h"
#include "io/input/sha256.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;

const std::string kSourceDir = VERBATIM_SOURCE_DIR;
const std::string kCodebookPath = kSourceDir + "/tests/data/codebooks/minimal.yaml";

class ReportBuilderTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    CodebookSetup setup = SetUpCodebook(kCodebookPath);
    ASSERT_NE(setup.compiled, nullptr);
    codebook_ = std::move(setup.compiled);
  }

  ReportBuilder Build(const std::vector<std::pair<std::string, std::string>>& answers) {
    ReportBuilder builder(
        *codebook_, ReportOptions{"answers.csv", ChartOrder::kCodebook, "2025-11-12T14:03:05Z"});
    size_t row = 0;
    for (const auto& [id, text] : answers) {
      InputRecord record;
      record.row = ++row;
      record.id = id;
      record.text = text;
      builder.Add(record, CodeAnswer(*codebook_, text));
    }
    return builder;
  }

  fs::path WriteGold(const std::string& content) {
    const fs::path path = dir_ / "gold.csv";
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::unique_ptr<CompiledCodebook> codebook_;
};

const std::vector<std::pair<std::string, std::string>> kAnswers = {
    {"1", "Revaloriser la CCAM"}, {"2", "Pas de dépassements"}, {"3", "rien"}};

TEST_F(ReportBuilderTest, KeepsAnswersInInputOrderWithoutTheirNormalizedText) {
  const ReportBuilder builder = Build(kAnswers);
  ASSERT_EQ(builder.answers().size(), 3u);
  EXPECT_EQ(builder.answers()[0].id, "1");
  EXPECT_EQ(builder.answers()[1].text, "Pas de dépassements");
  EXPECT_EQ(builder.answers()[2].row, 3u);
  for (const ReportAnswer& answer : builder.answers()) {
    EXPECT_TRUE(answer.result.normalized.text.empty());
    EXPECT_TRUE(answer.result.normalized.origin.empty());
  }
  EXPECT_EQ(builder.answers()[0].result.status, AnswerStatus::kCoded);
}

TEST_F(ReportBuilderTest, TalliesEveryAnswerOnce) {
  const ReportBuilder builder = Build(kAnswers);
  EXPECT_EQ(builder.tally().rows(), 3u);
  EXPECT_EQ(builder.tally().status_count(AnswerStatus::kCoded), 1u);
  EXPECT_EQ(builder.tally().status_count(AnswerStatus::kDisputed), 1u);
  EXPECT_EQ(builder.tally().status_count(AnswerStatus::kUncoded), 1u);
  EXPECT_EQ(builder.tally().answers(codebook_->codebook().FindCode("revalorisation.ccam")), 1u);
}

TEST_F(ReportBuilderTest, WritesReportAndChartAndNothingElse) {
  const ReportBuilder builder = Build(kAnswers);
  ASSERT_TRUE(builder.Write(dir_.string()).has_value());
  std::ostringstream html, chart;
  builder.WriteHtml(html);
  builder.WriteChart(chart);
  EXPECT_EQ(Read("report.html"), html.str());
  EXPECT_EQ(Read("chart.svg"), chart.str());
  EXPECT_EQ(Entries(), (std::vector<std::string>{"chart.svg", "report.html"}));
}

TEST_F(ReportBuilderTest, CreatesTheOutputFolder) {
  const ReportBuilder builder = Build(kAnswers);
  ASSERT_TRUE(builder.Write((dir_ / "a" / "b").string()).has_value());
  EXPECT_TRUE(fs::exists(dir_ / "a" / "b" / "report.html"));
}

TEST_F(ReportBuilderTest, FailsWhenTheFolderCannotBeCreated) {
  std::ofstream(dir_ / "file") << "x";
  const ReportBuilder builder = Build(kAnswers);
  const auto written = builder.Write((dir_ / "file" / "out").string());
  ASSERT_FALSE(written.has_value());
  EXPECT_NE(written.error().message.find("cannot create output folder"), std::string::npos);
}

TEST_F(ReportBuilderTest, HeadlineHasTheCodebookDigestAndTheGivenDate) {
  const ReportBuilder builder = Build(kAnswers);
  std::ostringstream html;
  builder.WriteHtml(html);
  const auto digest = Sha256File(kCodebookPath);
  ASSERT_TRUE(digest.has_value());
  EXPECT_NE(html.str().find("<code class=\"codebook-sha256\">" + *digest + "</code>"),
            std::string::npos);
  EXPECT_NE(html.str().find("datetime=\"2025-11-12T14:03:05Z\""), std::string::npos);
  EXPECT_NE(html.str().find("<code class=\"input\">answers.csv</code>"), std::string::npos);
}

TEST_F(ReportBuilderTest, DatesTheReportNowByDefault) {
  const ReportBuilder builder(*codebook_, ReportOptions{});
  std::ostringstream html;
  builder.WriteHtml(html);
  EXPECT_TRUE(std::regex_search(
      html.str(),
      std::regex(
          R"re(datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">\d{4}-\d\d-\d\d \d\d:\d\d UTC<)re")));
}

TEST_F(ReportBuilderTest, ComparesWithGoldAsAgreeDoes) {
  ReportBuilder builder = Build(kAnswers);
  const fs::path gold = WriteGold("id,codes\n1,revalorisation.ccam\n2,\n3,revalorisation\n");
  ASSERT_TRUE(builder.CompareWithGold(gold.string()).has_value());
  ASSERT_TRUE(builder.agreement().has_value());
  // Machine codes are the proposal (also for the disputed answer 2).
  const std::vector<AnswerCodes> pairs = {
      {"1", {"revalorisation.ccam"}, {"revalorisation.ccam"}, false, ""},
      {"2", {}, {"liberte_tarifaire.depassements"}, true, ""},
      {"3", {"revalorisation"}, {}, false, ""}};
  const auto expected = ComputeAgreement(codebook_->codebook(), pairs, ReviewFlags::kPresent);
  ASSERT_TRUE(expected.has_value());
  const AgreementReport& actual = *builder.agreement();
  EXPECT_EQ(actual.stats.answers, 3);
  EXPECT_EQ(actual.stats.subthemes.micro.tp, expected->stats.subthemes.micro.tp);
  EXPECT_EQ(actual.stats.subthemes.micro.fp, expected->stats.subthemes.micro.fp);
  EXPECT_EQ(actual.stats.themes.micro.fn, expected->stats.themes.micro.fn);
  EXPECT_EQ(actual.stats.themes.micro.f1, expected->stats.themes.micro.f1);
  ASSERT_EQ(actual.disagreements.size(), 2u);
  EXPECT_EQ(actual.disagreements[0].answer_id, "2");
  EXPECT_TRUE(actual.disagreements[0].disputed);
  ASSERT_TRUE(actual.review.has_value());
  EXPECT_EQ(actual.review->disputed, 1);
  std::ostringstream html;
  builder.WriteHtml(html);
  EXPECT_NE(html.str().find("<section id=\"agreement\">"), std::string::npos);
}

TEST_F(ReportBuilderTest, RefusesAGoldCodingWithOtherIds) {
  ReportBuilder builder = Build(kAnswers);
  const fs::path gold = WriteGold("id,codes\n1,revalorisation\n2,\n9,\n");
  const auto compared = builder.CompareWithGold(gold.string());
  ASSERT_FALSE(compared.has_value());
  EXPECT_NE(compared.error().message.find("in the gold file only: 9"), std::string::npos)
      << compared.error().message;
  EXPECT_NE(compared.error().message.find("in the input only: 3"), std::string::npos);
  EXPECT_FALSE(builder.agreement().has_value());
}

TEST_F(ReportBuilderTest, RefusesGoldCodesThatAreNotInTheCodebook) {
  ReportBuilder builder = Build(kAnswers);
  const fs::path gold = WriteGold("id,codes\n1,revalorisation.x\n2,\n3,nope\n");
  const auto compared = builder.CompareWithGold(gold.string());
  ASSERT_FALSE(compared.has_value());
  EXPECT_NE(compared.error().message.find("revalorisation.x"), std::string::npos)
      << compared.error().message;
  EXPECT_NE(compared.error().message.find("(and 1 more)"), std::string::npos);
  EXPECT_FALSE(builder.agreement().has_value());
}

TEST_F(ReportBuilderTest, RefusesAMissingGoldFile) {
  ReportBuilder builder = Build(kAnswers);
  const auto compared = builder.CompareWithGold((dir_ / "missing.csv").string());
  ASSERT_FALSE(compared.has_value());
  EXPECT_NE(compared.error().message.find("missing.csv"), std::string::npos);
}

}  // namespace
}  // namespace verbatim
