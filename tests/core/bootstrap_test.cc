#include "core/bootstrap.h"

#include <gtest/gtest.h>

namespace verbatim {
namespace {

CodeDefinition Code(std::string id, CodeLevel level, int theme_index) {
  CodeDefinition code;
  code.id = std::move(id);
  code.label = code.id;
  code.level = level;
  code.theme_index = theme_index;
  return code;
}

// 0 prix, 1 prix.hausse, 2 qualite, 3 qualite.service.
Codebook TestCodebook() {
  Codebook codebook;
  codebook.codes = {Code("prix", CodeLevel::kTheme, -1), Code("prix.hausse", CodeLevel::kSubtheme, 0),
                    Code("qualite", CodeLevel::kTheme, -1),
                    Code("qualite.service", CodeLevel::kSubtheme, 2)};
  return codebook;
}

// `copies` times a block of four answers: two agreements, one miss, one
// extra code.
std::vector<AnswerCodes> Answers(int copies) {
  std::vector<AnswerCodes> answers;
  for (int i = 0; i < copies; ++i) {
    const std::string n = std::to_string(i);
    answers.push_back({"a" + n, {"prix.hausse"}, {"prix.hausse"}, false, ""});
    answers.push_back({"b" + n, {"qualite.service"}, {"qualite.service"}, false, ""});
    answers.push_back({"c" + n, {"prix.hausse"}, {}, false, ""});
    answers.push_back({"d" + n, {}, {"qualite.service"}, false, ""});
  }
  return answers;
}

TEST(BootstrapTest, PercentilesByNearestRank) {
  std::vector<double> values;
  for (int i = 100; i >= 1; --i) values.push_back(i);
  const PercentileInterval interval = Percentile95(values);
  EXPECT_EQ(interval.defined, 100);
  EXPECT_EQ(interval.low, 3.0);    // ceil(2.5) = 3rd smallest.
  EXPECT_EQ(interval.high, 98.0);  // ceil(97.5) = 98th.
  EXPECT_FALSE(Percentile95({}).low.has_value());
}

TEST(BootstrapTest, SameSeedSameIntervals) {
  const Codebook codebook = TestCodebook();
  const auto answers = Answers(5);
  auto first = BootstrapAgreement(codebook, answers, 200, 11);
  auto again = BootstrapAgreement(codebook, answers, 200, 11);
  auto other = BootstrapAgreement(codebook, answers, 200, 12);
  ASSERT_TRUE(first && again && other);
  EXPECT_EQ(first->subtheme_f1.low, again->subtheme_f1.low);
  EXPECT_EQ(first->subtheme_f1.high, again->subtheme_f1.high);
  EXPECT_EQ(first->theme_kappa.low, again->theme_kappa.low);
  EXPECT_TRUE(first->subtheme_f1.low != other->subtheme_f1.low ||
              first->subtheme_f1.high != other->subtheme_f1.high ||
              first->subtheme_kappa.low != other->subtheme_kappa.low);
}

TEST(BootstrapTest, IntervalContainsThePointEstimate) {
  const Codebook codebook = TestCodebook();
  const auto answers = Answers(10);
  auto point = ComputeStats(codebook, answers);
  auto intervals = BootstrapAgreement(codebook, answers, 500, 3);
  ASSERT_TRUE(point && intervals);
  const double f1 = *point->subthemes.micro.f1;
  EXPECT_LE(*intervals->subtheme_f1.low, f1);
  EXPECT_GE(*intervals->subtheme_f1.high, f1);
  EXPECT_LT(*intervals->subtheme_f1.low, *intervals->subtheme_f1.high);
  const double kappa = *point->themes.micro.kappa;
  EXPECT_LE(*intervals->theme_kappa.low, kappa);
  EXPECT_GE(*intervals->theme_kappa.high, kappa);
}

TEST(BootstrapTest, WidthShrinksWithMoreAnswers) {
  const Codebook codebook = TestCodebook();
  auto small = BootstrapAgreement(codebook, Answers(5), 500, 3);
  auto large = BootstrapAgreement(codebook, Answers(80), 500, 3);
  ASSERT_TRUE(small && large);
  auto width = [](const PercentileInterval& i) { return *i.high - *i.low; };
  EXPECT_LT(width(large->subtheme_f1), width(small->subtheme_f1) / 2);
  EXPECT_LT(width(large->subtheme_kappa), width(small->subtheme_kappa) / 2);
}

TEST(BootstrapTest, PerfectAgreementGivesADegenerateInterval) {
  std::vector<AnswerCodes> answers;
  for (const AnswerCodes& a : Answers(6)) answers.push_back({a.answer_id, a.gold, a.gold, false, ""});
  auto intervals = BootstrapAgreement(TestCodebook(), answers, 100, 1);
  ASSERT_TRUE(intervals);
  EXPECT_EQ(intervals->subtheme_f1.low, 1.0);
  EXPECT_EQ(intervals->subtheme_f1.high, 1.0);
  EXPECT_EQ(intervals->subtheme_f1.defined, 100);
}

TEST(BootstrapTest, UnknownCodesFail) {
  std::vector<AnswerCodes> answers = {{"x", {"nope"}, {}, false, ""}};
  EXPECT_FALSE(BootstrapAgreement(TestCodebook(), answers, 10, 1).has_value());
}

}  // namespace
}  // namespace verbatim
