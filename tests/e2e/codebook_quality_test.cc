// Guards the shipped codebook's quality (issue 4): coding the sample through
// the one coding path and comparing with the hand coding must meet the
// targets the project set itself, before and after review. The held-out set
// (tests/data/heldout/, never used for tuning) is held to a lower floor that
// only catches a collapse; its real figures are reported in the README.
#include <gtest/gtest.h>

#include <iostream>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "run/codebook_setup.h"
#include "core/agreement.h"
#include "core/coder.h"
#include "core/evidence.h"
#include "io/input/code_sets_reader.h"
#include "io/input/input_reader.h"

namespace verbatim {
namespace {

AgreementReport Measure(const std::string& answers_path, const std::string& gold_path,
                        const std::string& id_column = "", const std::string& column = "") {
  const std::string root = VERBATIM_SOURCE_DIR;
  CodebookSetup setup = SetUpCodebook(root + "/codebooks/optam_changes.yaml");
  EXPECT_NE(setup.compiled, nullptr);
  if (!setup.compiled) return {};
  auto gold = ReadGoldCodes(root + gold_path);
  EXPECT_TRUE(gold.has_value());
  if (!gold) return {};
  std::unordered_map<std::string, std::vector<std::string>> gold_by_id;
  for (const CodedAnswer& answer : *gold) gold_by_id[answer.id] = answer.codes;

  InputOptions options;
  options.path = root + answers_path;
  options.id_column = id_column;
  options.column = column;
  auto reader = OpenInput(options);
  EXPECT_TRUE(reader.has_value());
  if (!reader) return {};
  std::vector<AnswerCodes> answers;
  InputRecord record;
  const Codebook& book = setup.compiled->codebook();
  while ((*reader)->Next(&record)) {
    EXPECT_TRUE(record.error.empty()) << record.error;
    const CodingResult result = CodeAnswer(*setup.compiled, record.text);
    std::vector<std::string> machine;
    for (int code : result.proposed) machine.push_back(book.codes[code].id);
    answers.push_back(AnswerCodes{record.id, gold_by_id.at(record.id), machine,
                                  result.status == AnswerStatus::kDisputed, ""});
  }
  EXPECT_EQ(answers.size(), gold->size());
  auto report = ComputeAgreement(book, answers, ReviewFlags::kPresent);
  EXPECT_TRUE(report.has_value());
  return report ? *report : AgreementReport{};
}

TEST(CodebookQualityTest, SampleMeetsTheTargetsBeforeAndAfterReview) {
  const AgreementReport report = Measure("/samples/optam_changes.csv", "/samples/optam_changes.gold.csv");
  ASSERT_TRUE(report.review.has_value());
  for (const CodeStats& code : report.stats.codes) {
    if (code.level != CodeLevel::kTheme) continue;
    ASSERT_TRUE(code.table.kappa.has_value()) << code.id;
    EXPECT_GE(*code.table.kappa, 0.90) << "theme kappa of " << code.id;
  }
  ASSERT_TRUE(report.stats.subthemes.micro.f1.has_value());
  EXPECT_GE(*report.stats.subthemes.micro.f1, 0.90);
  ASSERT_TRUE(report.review->after_review.subthemes.micro.f1.has_value());
  EXPECT_GE(*report.review->after_review.subthemes.micro.f1, 0.97);
  ASSERT_TRUE(report.review->errors_caught.has_value());
  EXPECT_GE(*report.review->errors_caught, 0.80);
  ASSERT_TRUE(report.review->review_burden.has_value());
  EXPECT_LE(*report.review->review_burden, 0.25);
}

// The lowest of the four themes' Cohen's kappa in `stats`.
double LowestThemeKappa(const AgreementStats& stats) {
  double lowest = 1.0;
  for (const CodeStats& code : stats.codes) {
    if (code.level != CodeLevel::kTheme || !code.table.kappa.has_value()) continue;
    lowest = std::min(lowest, *code.table.kappa);
  }
  return lowest;
}

// The frozen test splits of tests/data/quality/ (issue 16), never tuned on,
// held at floors a little under the figures measured when they were frozen
// into this test (README, "How good is it?"): a change that makes the
// shipped codebook worse on answers it was not tuned on fails here.
TEST(CodebookQualityTest, DoctorTestSplitHoldsItsFloors) {
  const AgreementReport report = Measure("/tests/data/quality/doctors/test.csv",
                                         "/tests/data/quality/doctors/test.gold.csv", "id", "text");
  ASSERT_TRUE(report.review.has_value());
  const AgreementStats& counted = report.review->counted_only;
  ASSERT_TRUE(counted.subthemes.micro.f1.has_value());
  // measured 0.850 and 0.756 after the insurers' price became the theme (0.837
  // and 0.745 before it, after dev24), 0.841 and 0.745 after dev23, 0.843 and
  // 0.761 after dev22, 0.840 and 0.741 after dev21, 0.836 after dev19 (0.828 and
  // 0.741 with review_dismissals; 0.823 and 0.726 after dev14 and dev16; 0.819
  // and 0.706 after dev11; 0.820 and 0.700 after the domain list left out the
  // survey's premise, 0.831 and 0.724 before it: a few misses are now counted as
  // uncoded instead of going to review; 0.828 and 0.701 before dev8)
  EXPECT_GE(*counted.subthemes.micro.f1, 0.83);
  EXPECT_GE(LowestThemeKappa(counted), 0.74);
  std::cout << "doctors test: counted subtheme micro-F1 " << *counted.subthemes.micro.f1
            << ", lowest counted theme kappa " << LowestThemeKappa(counted) << ", burden "
            << report.review->review_burden.value_or(-1) << ", after review "
            << report.review->after_review.subthemes.micro.f1.value_or(-1) << '\n';
  ASSERT_TRUE(report.review->review_burden.has_value());
  // measured 0.367 after the insurers' price became the theme (errors caught
  // 60.0 % -> 62.0 %); 0.357 with review_dismissals (errors caught 56.9 % ->
  // 58.8 %), and after dev19, dev21, dev22 and dev23 (caught 59.4 %, 60.0 %, 60.6 %, 60.6 %);
  // 0.348 after dev11, dev14 and dev16 (0.352 after the domain list left out "OPTAM"
  // and "syndicat", 0.405 before it, errors caught 60.8 % -> 57.8 %; 0.386
  // before dev6: the dismissals after a comma send more answers to review,
  // and errors caught went from 53.8 % to 61.2 %)
  EXPECT_LE(*report.review->review_burden, 0.37);
  ASSERT_TRUE(report.review->after_review.subthemes.micro.f1.has_value());
  // measured 0.904 after the insurers' price became the theme (0.892 before
  // it), 0.895 after dev23, 0.896 after dev22, 0.894 after dev21, 0.892
  // after dev19, 0.883 after dev14 and dev16, 0.881 after dev11 (0.883 after
  // the domain list, 0.893 before it; 0.892 before dev8)
  EXPECT_GE(*report.review->after_review.subthemes.micro.f1, 0.89);
}

TEST(CodebookQualityTest, RealTestSplitHoldsItsFloors) {
  const AgreementReport report = Measure("/tests/data/quality/real/test.csv",
                                         "/tests/data/quality/real/test.gold.csv", "id", "text");
  ASSERT_TRUE(report.review.has_value());
  const AgreementStats& counted = report.review->counted_only;
  ASSERT_TRUE(counted.themes.micro.f1.has_value());
  // measured 0.800 after the insurers' price (too expensive, rising) became
  // the theme instead of their regulation: those answers now go to review
  // (theme alone) instead of being counted, right or wrong (0.889 before it,
  // after dev19; 0.800 before dev19, 0.828 before dev4)
  EXPECT_GE(*counted.themes.micro.f1, 0.78);
  ASSERT_TRUE(counted.subthemes.micro.f1.has_value());
  // measured 0.600 after the insurers' price became the theme, 0.606 after
  // dev19 (0.556 before it)
  EXPECT_GE(*counted.subthemes.micro.f1, 0.57);
  ASSERT_TRUE(report.review->review_burden.has_value());
  // measured 0.320 after the insurers' price became the theme (the price-only
  // answers, theme alone, go to review); 0.280 after dev19 (0.267 before it;
  // 0.293 before the domain list left out "dépassements" and "honoraires";
  // 0.287 before dev7)
  EXPECT_LE(*report.review->review_burden, 0.33);
  ASSERT_TRUE(report.review->errors_caught.has_value());
  // measured 0.860 after the insurers' price became the theme, 0.804 after
  // dev19 (0.761 before it, 0.756 before dev7)
  EXPECT_GE(*report.review->errors_caught, 0.83);
  ASSERT_TRUE(report.review->after_review.subthemes.micro.f1.has_value());
  // measured 0.840 after the insurers' price became the theme, 0.745 after
  // dev19 (0.704 before it, 0.717 before dev4)
  EXPECT_GE(*report.review->after_review.subthemes.micro.f1, 0.82);
}

TEST(CodebookQualityTest, HeldOutSetDoesNotCollapse) {
  const AgreementReport report =
      Measure("/tests/data/heldout/optam_heldout.csv", "/tests/data/heldout/optam_heldout.gold.csv");
  ASSERT_TRUE(report.stats.subthemes.micro.f1.has_value());
  EXPECT_GE(*report.stats.subthemes.micro.f1, 0.80);
}

}  // namespace
}  // namespace verbatim
