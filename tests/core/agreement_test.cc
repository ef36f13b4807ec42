#include "core/agreement.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace verbatim {
namespace {

constexpr double kTolerance = 1e-9;

// Passes when `actual` is defined and within kTolerance of `expected`.
::testing::AssertionResult IsNear(const std::optional<double>& actual, double expected) {
  if (!actual) return ::testing::AssertionFailure() << "n/a, expected " << expected;
  if (std::fabs(*actual - expected) > kTolerance) {
    return ::testing::AssertionFailure() << *actual << ", expected " << expected;
  }
  return ::testing::AssertionSuccess();
}

ConfusionStats Table(int tp, int fp, int fn, int tn) {
  ConfusionStats table;
  table.tp = tp;
  table.fp = fp;
  table.fn = fn;
  table.tn = tn;
  return WithRatios(table);
}

CodeDefinition Theme(std::string id, std::string label) {
  CodeDefinition code;
  code.id = std::move(id);
  code.label = std::move(label);
  code.level = CodeLevel::kTheme;
  return code;
}

CodeDefinition Subtheme(std::string id, std::string label, int theme_index) {
  CodeDefinition code = Theme(std::move(id), std::move(label));
  code.level = CodeLevel::kSubtheme;
  code.theme_index = theme_index;
  return code;
}

// 0 prix, 1 prix.hausse, 2 prix.baisse, 3 qualite, 4 qualite.service.
Codebook TestCodebook() {
  Codebook codebook;
  codebook.codes = {Theme("prix", "Prix"), Subtheme("prix.hausse", "Hausse", 0),
                    Subtheme("prix.baisse", "Baisse", 0), Theme("qualite", "Qualité"),
                    Subtheme("qualite.service", "Qualité du service", 3)};
  return codebook;
}

AnswerCodes Answer(std::string id, std::vector<std::string> gold, std::vector<std::string> machine,
                   bool disputed = false) {
  return AnswerCodes{std::move(id), std::move(gold), std::move(machine), disputed, ""};
}

// The six answers used by most tests. Presence (themes expanded):
//        gold                             machine                         disputed
//   r1   prix, prix.hausse                prix, prix.hausse               yes
//   r2   prix, prix.hausse                prix, prix.baisse               yes
//   r3   qualite                          qualite, qualite.service        no
//   r4   prix, qualite, qualite.service   qualite, qualite.service        no
//   r5   -                                prix, prix.baisse               yes
//   r6   prix, prix.hausse                prix, prix.hausse               no
// r6 differs only in its raw sets (gold names the theme redundantly).
std::vector<AnswerCodes> SixAnswers() {
  return {Answer("r1", {"prix.hausse"}, {"prix.hausse"}, true),
          Answer("r2", {"prix.hausse"}, {"prix.baisse"}, true),
          Answer("r3", {"qualite"}, {"qualite.service"}, false),
          Answer("r4", {"qualite.service", "prix"}, {"qualite.service"}, false),
          Answer("r5", {}, {"prix.baisse"}, true),
          Answer("r6", {"prix", "prix.hausse"}, {"prix.hausse"}, false)};
}

AgreementStats SixAnswerStats() {
  auto stats = ComputeStats(TestCodebook(), SixAnswers());
  EXPECT_TRUE(stats.has_value());
  return stats.value_or(AgreementStats{});
}

// --- Ratios of one 2x2 table -------------------------------------------------

TEST(AgreementTest, RatiosOfAnOrdinaryTable) {
  // TP=3, FP=1, FN=2, TN=4, N=10 -> P=3/4=0.75, R=3/5=0.6, F1=6/9=0.6667,
  // po=7/10=0.7, pe=(5/10)(4/10)+(5/10)(6/10)=0.2+0.3=0.5,
  // kappa=(0.7-0.5)/(1-0.5)=0.4.
  ConfusionStats table = Table(3, 1, 2, 4);
  EXPECT_TRUE(IsNear(table.precision, 0.75));
  EXPECT_TRUE(IsNear(table.recall, 0.6));
  EXPECT_TRUE(IsNear(table.f1, 6.0 / 9));
  EXPECT_TRUE(IsNear(table.kappa, 0.4));
  EXPECT_EQ(table.GoldPositives(), 5);
  EXPECT_EQ(table.MachinePositives(), 4);
  EXPECT_EQ(table.Total(), 10);
}

struct RatioCase {
  const char* name;
  int tp, fp, fn, tn;
  std::optional<double> precision, recall, f1, kappa;
};

void PrintTo(const RatioCase& c, std::ostream* os) { *os << c.name; }

class AgreementRatioTest : public ::testing::TestWithParam<RatioCase> {};

TEST_P(AgreementRatioTest, MatchesHandComputation) {
  const RatioCase& c = GetParam();
  ConfusionStats table = Table(c.tp, c.fp, c.fn, c.tn);
  auto check = [&](const char* what, const std::optional<double>& actual,
                   const std::optional<double>& expected) {
    if (!expected) {
      EXPECT_FALSE(actual.has_value()) << c.name << ": " << what << " should be n/a";
    } else {
      EXPECT_TRUE(IsNear(actual, *expected)) << c.name << ": " << what;
    }
  };
  check("precision", table.precision, c.precision);
  check("recall", table.recall, c.recall);
  check("f1", table.f1, c.f1);
  check("kappa", table.kappa, c.kappa);
}

constexpr std::nullopt_t kNa = std::nullopt;

INSTANTIATE_TEST_SUITE_P(DegenerateCases, AgreementRatioTest,
                         ::testing::Values(
                             // Nobody uses the code: every denominator is 0; pe=0*0+1*1=1.
                             RatioCase{"all_negative", 0, 0, 0, 5, kNa, kNa, kNa, kNa},
                             // Everybody uses it: P=R=F1=1; pe=1*1+0*0=1 -> kappa n/a.
                             RatioCase{"all_positive", 5, 0, 0, 0, 1.0, 1.0, 1.0, kNa},
                             // TP=2, TN=3: po=1, pe=(2/5)^2+(3/5)^2=0.52, kappa=(1-0.52)/0.48=1.
                             RatioCase{"perfect", 2, 0, 0, 3, 1.0, 1.0, 1.0, 1.0},
                             // FP=2, FN=2: P=0, R=0, F1=0/4=0; po=0, pe=0.5*0.5+0.5*0.5=0.5,
                             // kappa=(0-0.5)/0.5=-1.
                             RatioCase{"perfect_disagreement", 0, 2, 2, 0, 0.0, 0.0, 0.0, -1.0},
                             // Gold always yes, machine never: P n/a, R=0/4=0, F1=0/4=0;
                             // po=0, pe=1*0+0*1=0, kappa=0.
                             RatioCase{"machine_never_codes", 0, 0, 4, 0, kNa, 0.0, 0.0, 0.0},
                             // Machine codes, gold never: P=0/2=0, R n/a, F1=0/2=0;
                             // po=3/5, pe=0*(2/5)+1*(3/5)=0.6, kappa=0.
                             RatioCase{"gold_never_codes", 0, 2, 0, 3, 0.0, kNa, 0.0, 0.0},
                             // No answers at all.
                             RatioCase{"empty", 0, 0, 0, 0, kNa, kNa, kNa, kNa}),
                         [](const ::testing::TestParamInfo<RatioCase>& info) {
                           return info.param.name;
                         });

// --- Krippendorff's alpha ------------------------------------------------------

TEST(AgreementTest, AlphaOfKrippendorffsTwoCoderBinaryExample) {
  // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the
  // two-observer binary example, 10 units:
  //   A: 0 1 0 0 0 0 0 0 1 0
  //   B: 1 1 1 0 0 1 0 0 0 0
  // With A = gold, B = machine: TP=1, FP=3, FN=1, TN=5.
  // Coincidences: o00=2*5=10, o11=2*1=2, o01=o10=3+1=4; n0=14, n1=6, n=20.
  // alpha = 1 - (n-1)*o01/(n0*n1) = 1 - 19*4/84 = 0.095238.
  EXPECT_TRUE(IsNear(KrippendorffAlphaBinary(Table(1, 3, 1, 5)), 1 - 76.0 / 84));
}

TEST(AgreementTest, AlphaOfAnOrdinaryTable) {
  // TP=3, FP=1, FN=2, TN=4: n=20, n0=2*4+3=11, n1=2*3+3=9,
  // alpha = 1 - 19*3/99 = 42/99 = 0.424242.
  EXPECT_TRUE(IsNear(KrippendorffAlphaBinary(Table(3, 1, 2, 4)), 42.0 / 99));
}

TEST(AgreementTest, AlphaIsOneForPerfectAgreementWithVariation) {
  // TP=2, TN=3: FP+FN=0 -> alpha = 1 - 0 = 1.
  EXPECT_TRUE(IsNear(KrippendorffAlphaBinary(Table(2, 0, 0, 3)), 1.0));
}

TEST(AgreementTest, AlphaOfPerfectDisagreement) {
  // FP=2, FN=2: n=8, n0=4, n1=4, alpha = 1 - 7*4/16 = -0.75.
  EXPECT_TRUE(IsNear(KrippendorffAlphaBinary(Table(0, 2, 2, 0)), -0.75));
}

TEST(AgreementTest, AlphaIsUndefinedWithoutVariation) {
  EXPECT_FALSE(KrippendorffAlphaBinary(Table(0, 0, 0, 5)).has_value());  // n1 = 0.
  EXPECT_FALSE(KrippendorffAlphaBinary(Table(4, 0, 0, 0)).has_value());  // n0 = 0.
  EXPECT_FALSE(KrippendorffAlphaBinary(Table(0, 0, 0, 0)).has_value());  // No units.
}

// --- Per-code statistics over answers -------------------------------------------

TEST(AgreementTest, KeepsCodebookOrderAndLabels) {
  AgreementStats stats = SixAnswerStats();
  std::vector<std::string> ids;
  for (const CodeStats& code : stats.codes) ids.push_back(code.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"prix", "prix.hausse", "prix.baisse", "qualite",
                                           "qualite.service"}));
  EXPECT_EQ(stats.codes[4].label, "Qualité du service");
  EXPECT_EQ(stats.codes[4].level, CodeLevel::kSubtheme);
  EXPECT_EQ(stats.codes[4].theme_id, "qualite");
  EXPECT_EQ(stats.codes[3].theme_id, "");
  EXPECT_EQ(stats.answers, 6);
}

TEST(AgreementTest, ThemeIsPresentThroughItsSubthemes) {
  // Gold names a subtheme, the machine only the theme: the theme agrees
  // (TP), the subtheme is missed (FN).
  Codebook codebook = TestCodebook();
  std::vector<AnswerCodes> answers = {Answer("a", {"prix.hausse"}, {"prix"})};
  auto stats = ComputeStats(codebook, answers);
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(stats->Find("prix")->table.tp, 1);
  EXPECT_EQ(stats->Find("prix.hausse")->table.fn, 1);
  EXPECT_EQ(stats->Find("prix.hausse")->table.tp, 0);
}

TEST(AgreementTest, ThemeIdAloneDoesNotImplyASubtheme) {
  std::vector<AnswerCodes> answers = {Answer("a", {"prix"}, {"prix"})};
  auto stats = ComputeStats(TestCodebook(), answers);
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(stats->Find("prix")->table.tp, 1);
  EXPECT_EQ(stats->Find("prix.hausse")->table.tn, 1);
  EXPECT_EQ(stats->Find("prix.baisse")->table.tn, 1);
}

TEST(AgreementTest, DuplicateCodesInAnAnswerCountOnce) {
  std::vector<AnswerCodes> answers = {
      Answer("a", {"prix.hausse", "prix.hausse"}, {"prix.hausse", "prix", "prix.hausse"})};
  auto stats = ComputeStats(TestCodebook(), answers);
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(stats->Find("prix.hausse")->table.tp, 1);
  EXPECT_EQ(stats->Find("prix.hausse")->table.Total(), 1);
}

struct CodeCase {
  const char* id;
  int tp, fp, fn, tn;
  std::optional<double> precision, recall, f1, kappa;
};

void PrintTo(const CodeCase& c, std::ostream* os) { *os << c.id; }

class AgreementCodeTest : public ::testing::TestWithParam<CodeCase> {};

TEST_P(AgreementCodeTest, SixAnswersMatchHandComputation) {
  const CodeCase& c = GetParam();
  AgreementStats stats = SixAnswerStats();
  const CodeStats* code = stats.Find(c.id);
  ASSERT_NE(code, nullptr) << c.id;
  EXPECT_EQ(code->table.tp, c.tp) << c.id;
  EXPECT_EQ(code->table.fp, c.fp) << c.id;
  EXPECT_EQ(code->table.fn, c.fn) << c.id;
  EXPECT_EQ(code->table.tn, c.tn) << c.id;
  auto check = [&](const char* what, const std::optional<double>& actual,
                   const std::optional<double>& expected) {
    if (!expected) {
      EXPECT_FALSE(actual.has_value()) << c.id << ": " << what << " should be n/a";
    } else {
      EXPECT_TRUE(IsNear(actual, *expected)) << c.id << ": " << what;
    }
  };
  check("precision", code->table.precision, c.precision);
  check("recall", code->table.recall, c.recall);
  check("f1", code->table.f1, c.f1);
  check("kappa", code->table.kappa, c.kappa);
}

INSTANTIATE_TEST_SUITE_P(SixAnswers, AgreementCodeTest,
                         ::testing::Values(
                             // gold r1 r2 r4 r6, machine r1 r2 r5 r6: TP=3 (r1 r2 r6), FP=1 (r5),
                             // FN=1 (r4), TN=1 (r3). P=R=3/4, F1=6/8=0.75. po=4/6,
                             // pe=(4/6)(4/6)+(2/6)(2/6)=20/36, kappa=(24-20)/(36-20)=0.25.
                             CodeCase{"prix", 3, 1, 1, 1, 0.75, 0.75, 0.75, 0.25},
                             // gold r1 r2 r6, machine r1 r6: TP=2, FP=0, FN=1 (r2), TN=3.
                             // P=1, R=2/3, F1=4/5. po=5/6, pe=(3/6)(2/6)+(3/6)(4/6)=18/36,
                             // kappa=(30-18)/(36-18)=2/3.
                             CodeCase{"prix.hausse", 2, 0, 1, 3, 1.0, 2.0 / 3, 0.8, 2.0 / 3},
                             // gold none, machine r2 r5: TP=0, FP=2, FN=0, TN=4. P=0, R n/a,
                             // F1=0/2=0. po=4/6, pe=0*(2/6)+1*(4/6)=4/6, kappa=0.
                             CodeCase{"prix.baisse", 0, 2, 0, 4, 0.0, std::nullopt, 0.0, 0.0},
                             // gold r3 r4, machine r3 r4: TP=2, TN=4. po=1,
                             // pe=(2/6)^2+(4/6)^2=20/36, kappa=1.
                             CodeCase{"qualite", 2, 0, 0, 4, 1.0, 1.0, 1.0, 1.0},
                             // gold r4, machine r3 r4: TP=1, FP=1 (r3), TN=4. P=1/2, R=1,
                             // F1=2/3. po=5/6, pe=(1/6)(2/6)+(5/6)(4/6)=22/36,
                             // kappa=(30-22)/(36-22)=8/14=0.571429.
                             CodeCase{"qualite.service", 1, 1, 0, 4, 0.5, 1.0, 2.0 / 3, 8.0 / 14}),
                         [](const ::testing::TestParamInfo<CodeCase>& info) {
                           std::string name = info.param.id;
                           for (char& ch : name) {
                             if (ch == '.') ch = '_';
                           }
                           return name;
                         });

// --- Averages -------------------------------------------------------------------

TEST(AgreementTest, MicroPoolsSubthemeCounts) {
  // prix.hausse (2,0,1,3) + prix.baisse (0,2,0,4) + qualite.service (1,1,0,4)
  // = TP=3, FP=3, FN=1, TN=11. P=3/6=0.5, R=3/4=0.75, F1=6/10=0.6.
  // Pooled kappa: N=18, po=14/18, pe=(4/18)(6/18)+(14/18)(12/18)=192/324,
  // kappa=(252-192)/(324-192)=60/132=0.454545.
  AgreementStats stats = SixAnswerStats();
  const ConfusionStats& micro = stats.subthemes.micro;
  EXPECT_EQ(stats.subthemes.codes, 3);
  EXPECT_EQ(micro.tp, 3);
  EXPECT_EQ(micro.fp, 3);
  EXPECT_EQ(micro.fn, 1);
  EXPECT_EQ(micro.tn, 11);
  EXPECT_TRUE(IsNear(micro.precision, 0.5));
  EXPECT_TRUE(IsNear(micro.recall, 0.75));
  EXPECT_TRUE(IsNear(micro.f1, 0.6));
  EXPECT_TRUE(IsNear(micro.kappa, 60.0 / 132));
}

TEST(AgreementTest, MacroAveragesSubthemeRatiosSkippingUndefinedOnes) {
  // P: (1 + 0 + 0.5)/3 = 0.5.            R: (2/3 + 1)/2 = 5/6 (prix.baisse n/a).
  // F1: (0.8 + 0 + 2/3)/3 = 0.488889.    kappa: (2/3 + 0 + 8/14)/3 = 0.412698.
  // Micro R (0.75) and macro R (0.8333) differ: pooling weighs the frequent
  // prix.hausse more, macro weighs every code alike.
  AgreementStats stats = SixAnswerStats();
  EXPECT_TRUE(IsNear(stats.subthemes.macro_precision.mean, 0.5));
  EXPECT_EQ(stats.subthemes.macro_precision.codes, 3);
  EXPECT_TRUE(IsNear(stats.subthemes.macro_recall.mean, 5.0 / 6));
  EXPECT_EQ(stats.subthemes.macro_recall.codes, 2);
  EXPECT_TRUE(IsNear(stats.subthemes.macro_f1.mean, (0.8 + 0 + 2.0 / 3) / 3));
  EXPECT_TRUE(IsNear(stats.subthemes.macro_kappa.mean, (2.0 / 3 + 0 + 8.0 / 14) / 3));
  EXPECT_EQ(stats.subthemes.macro_kappa.codes, 3);
}

TEST(AgreementTest, ThemeAveragesUseThemesOnly) {
  // prix (3,1,1,1) + qualite (2,0,0,4) = TP=5, FP=1, FN=1, TN=5.
  // Micro: P=R=5/6, F1=10/12. Macro: P=R=F1=(0.75+1)/2=0.875,
  // kappa=(0.25+1)/2=0.625.
  AgreementStats stats = SixAnswerStats();
  EXPECT_EQ(stats.themes.codes, 2);
  EXPECT_EQ(stats.themes.micro.tp, 5);
  EXPECT_EQ(stats.themes.micro.fp, 1);
  EXPECT_EQ(stats.themes.micro.fn, 1);
  EXPECT_EQ(stats.themes.micro.tn, 5);
  EXPECT_TRUE(IsNear(stats.themes.micro.precision, 5.0 / 6));
  EXPECT_TRUE(IsNear(stats.themes.micro.f1, 10.0 / 12));
  EXPECT_TRUE(IsNear(stats.themes.macro_precision.mean, 0.875));
  EXPECT_TRUE(IsNear(stats.themes.macro_f1.mean, 0.875));
  EXPECT_TRUE(IsNear(stats.themes.macro_kappa.mean, 0.625));
}

TEST(AgreementTest, AlphaPoolsEveryAnswerCodePairOfALevel) {
  // Subthemes: TP=3, FP=3, FN=1, TN=11 -> n=36, n0=2*11+4=26, n1=2*3+4=10,
  //   alpha = 1 - 35*4/260 = 120/260 = 0.461538.
  // Themes: TP=5, FP=1, FN=1, TN=5 -> n=24, n0=n1=12,
  //   alpha = 1 - 23*2/144 = 98/144 = 0.680556.
  AgreementStats stats = SixAnswerStats();
  EXPECT_TRUE(IsNear(stats.subthemes.alpha, 120.0 / 260));
  EXPECT_TRUE(IsNear(stats.themes.alpha, 98.0 / 144));
}

TEST(AgreementTest, NoAnswersLeavesEveryRatioUndefined) {
  auto stats = ComputeStats(TestCodebook(), {});
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(stats->answers, 0);
  EXPECT_FALSE(stats->subthemes.micro.precision.has_value());
  EXPECT_FALSE(stats->subthemes.macro_kappa.mean.has_value());
  EXPECT_EQ(stats->subthemes.macro_kappa.codes, 0);
  EXPECT_FALSE(stats->themes.alpha.has_value());
}

// --- Disagreements ---------------------------------------------------------------

TEST(AgreementTest, ListsDisagreementsInInputOrderWithMissingAndExtraCodes) {
  auto disagreements = FindDisagreements(TestCodebook(), SixAnswers());
  ASSERT_TRUE(disagreements.has_value());
  ASSERT_EQ(disagreements->size(), 4u);  // r2 r3 r4 r5; r1 agrees, r6 is redundancy only.
  using Ids = std::vector<std::string>;
  const Disagreement& r2 = (*disagreements)[0];
  EXPECT_EQ(r2.answer_id, "r2");
  EXPECT_EQ(r2.gold, Ids{"prix.hausse"});
  EXPECT_EQ(r2.machine, Ids{"prix.baisse"});
  EXPECT_EQ(r2.missing, Ids{"prix.hausse"});  // prix is present on both sides.
  EXPECT_EQ(r2.extra, Ids{"prix.baisse"});
  const Disagreement& r3 = (*disagreements)[1];
  EXPECT_EQ(r3.answer_id, "r3");
  EXPECT_EQ(r3.missing, Ids{});
  EXPECT_EQ(r3.extra, Ids{"qualite.service"});
  const Disagreement& r4 = (*disagreements)[2];
  EXPECT_EQ(r4.answer_id, "r4");
  EXPECT_EQ(r4.gold, (Ids{"prix", "qualite.service"}));  // Codebook order, not input order.
  EXPECT_EQ(r4.missing, Ids{"prix"});
  EXPECT_EQ(r4.extra, Ids{});
  const Disagreement& r5 = (*disagreements)[3];
  EXPECT_EQ(r5.answer_id, "r5");
  EXPECT_EQ(r5.gold, Ids{});
  EXPECT_EQ(r5.extra, (Ids{"prix", "prix.baisse"}));  // The theme by expansion.
}

TEST(AgreementTest, RedundantThemeIdIsNotADisagreement) {
  std::vector<AnswerCodes> answers = {Answer("r6", {"prix", "prix.hausse"}, {"prix.hausse"})};
  auto disagreements = FindDisagreements(TestCodebook(), answers);
  ASSERT_TRUE(disagreements.has_value());
  EXPECT_TRUE(disagreements->empty());
}

// --- Review-aware figures --------------------------------------------------------

TEST(AgreementTest, ReviewCountsCaughtErrorsAndBurden) {
  // Disagreements r2 r3 r4 r5; disputed r1 r2 r5. Caught: r2, r5.
  // errors caught = 2/4, review burden = 3/6.
  auto figures = ComputeReviewFigures(TestCodebook(), SixAnswers());
  ASSERT_TRUE(figures.has_value());
  EXPECT_EQ(figures->answers, 6);
  EXPECT_EQ(figures->disputed, 3);
  EXPECT_EQ(figures->disagreements, 4);
  EXPECT_EQ(figures->caught_disagreements, 2);
  EXPECT_TRUE(IsNear(figures->errors_caught, 0.5));
  EXPECT_TRUE(IsNear(figures->review_burden, 0.5));
}

TEST(AgreementTest, ReviewCountedOnlyLeavesOutDisputedAnswers) {
  // r3 r4 r6 only.
  //   prix: gold r4 r6, machine r6 -> TP=1, FN=1, TN=1. P=1, R=1/2, F1=2/3,
  //         po=2/3, pe=(2/3)(1/3)+(1/3)(2/3)=4/9, kappa=(6/9-4/9)/(5/9)=0.4.
  //   prix.baisse: TN=3 -> every ratio n/a.
  //   subthemes micro: prix.hausse (1,0,0,2) + prix.baisse (0,0,0,3) +
  //         qualite.service (1,1,0,1) = TP=2, FP=1, FN=0, TN=6.
  //   macro P over defined codes: (1 + 0.5)/2 = 0.75.
  auto figures = ComputeReviewFigures(TestCodebook(), SixAnswers());
  ASSERT_TRUE(figures.has_value());
  const AgreementStats& counted = figures->counted_only;
  EXPECT_EQ(counted.answers, 3);
  const ConfusionStats& prix = counted.Find("prix")->table;
  EXPECT_EQ(prix.tp, 1);
  EXPECT_EQ(prix.fn, 1);
  EXPECT_EQ(prix.tn, 1);
  EXPECT_TRUE(IsNear(prix.f1, 2.0 / 3));
  EXPECT_TRUE(IsNear(prix.kappa, 0.4));
  EXPECT_FALSE(counted.Find("prix.baisse")->table.precision.has_value());
  EXPECT_FALSE(counted.Find("prix.baisse")->table.kappa.has_value());
  EXPECT_EQ(counted.subthemes.micro.tp, 2);
  EXPECT_EQ(counted.subthemes.micro.fp, 1);
  EXPECT_EQ(counted.subthemes.micro.fn, 0);
  EXPECT_EQ(counted.subthemes.micro.tn, 6);
  EXPECT_TRUE(IsNear(counted.subthemes.macro_precision.mean, 0.75));
  EXPECT_EQ(counted.subthemes.macro_precision.codes, 2);
}

TEST(AgreementTest, ReviewAfterReviewGivesDisputedAnswersTheGoldCodes) {
  // r1 r2 r5 take the gold codes; r3 r4 r6 keep the machine's.
  //   prix: gold r1 r2 r4 r6, machine r1 r2 r6 -> TP=3, FP=0, FN=1, TN=2.
  //   prix.hausse: TP=3, TN=3 -> kappa 1.  prix.baisse: TN=6 -> n/a.
  //   themes micro: prix + qualite (2,0,0,4) = TP=5, FP=0, FN=1, TN=6;
  //   P=1, R=5/6.
  auto figures = ComputeReviewFigures(TestCodebook(), SixAnswers());
  ASSERT_TRUE(figures.has_value());
  const AgreementStats& after = figures->after_review;
  EXPECT_EQ(after.answers, 6);
  const ConfusionStats& prix = after.Find("prix")->table;
  EXPECT_EQ(prix.tp, 3);
  EXPECT_EQ(prix.fp, 0);
  EXPECT_EQ(prix.fn, 1);
  EXPECT_EQ(prix.tn, 2);
  EXPECT_TRUE(IsNear(after.Find("prix.hausse")->table.kappa, 1.0));
  EXPECT_FALSE(after.Find("prix.baisse")->table.kappa.has_value());
  EXPECT_TRUE(IsNear(after.themes.micro.precision, 1.0));
  EXPECT_TRUE(IsNear(after.themes.micro.recall, 5.0 / 6));
}

TEST(AgreementTest, ReviewErrorsCaughtIsUndefinedWithoutDisagreements) {
  std::vector<AnswerCodes> answers = {Answer("a", {"prix"}, {"prix"}, true)};
  auto figures = ComputeReviewFigures(TestCodebook(), answers);
  ASSERT_TRUE(figures.has_value());
  EXPECT_FALSE(figures->errors_caught.has_value());
  EXPECT_TRUE(IsNear(figures->review_burden, 1.0));
}

TEST(AgreementTest, ReportHasReviewFiguresOnlyWhenFlagsArePresent) {
  auto without = ComputeAgreement(TestCodebook(), SixAnswers(), ReviewFlags::kAbsent);
  ASSERT_TRUE(without.has_value());
  EXPECT_FALSE(without->review.has_value());
  EXPECT_EQ(without->disagreements.size(), 4u);
  auto with = ComputeAgreement(TestCodebook(), SixAnswers(), ReviewFlags::kPresent);
  ASSERT_TRUE(with.has_value());
  ASSERT_TRUE(with->review.has_value());
  EXPECT_EQ(with->review->disputed, 3);
}

// --- Validation helpers ----------------------------------------------------------

TEST(AgreementTest, CheckAnswerCodesReportsEveryUnknownCode) {
  std::vector<AnswerCodes> answers = {Answer("r1", {"prix", "nope"}, {"autre"}),
                                      Answer("r2", {}, {"prix.hausse"})};
  std::vector<Diagnostic> problems = CheckAnswerCodes(TestCodebook(), answers);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].message, "answer 'r1': gold code 'nope' is not in the codebook");
  EXPECT_EQ(problems[1].message, "answer 'r1': machine code 'autre' is not in the codebook");
  EXPECT_EQ(problems[0].severity, Severity::kError);
}

TEST(AgreementTest, ComputeFailsOnUnknownCode) {
  std::vector<AnswerCodes> answers = {Answer("r1", {"nope"}, {"autre"})};
  auto stats = ComputeStats(TestCodebook(), answers);
  ASSERT_FALSE(stats.has_value());
  EXPECT_EQ(stats.error().message,
            "answer 'r1': gold code 'nope' is not in the codebook (and 1 more unknown codes)");
  EXPECT_FALSE(ComputeAgreement(TestCodebook(), answers, ReviewFlags::kPresent).has_value());
}

TEST(AgreementTest, CompareAnswerIdsReturnsSortedOneSidedIds) {
  std::vector<std::string> gold = {"r3", "r1", "r9", "r2", "r9"};
  std::vector<std::string> machine = {"r2", "r4", "r1", "r0"};
  IdMismatch mismatch = CompareAnswerIds(gold, machine);
  EXPECT_EQ(mismatch.gold_only, (std::vector<std::string>{"r3", "r9"}));
  EXPECT_EQ(mismatch.machine_only, (std::vector<std::string>{"r0", "r4"}));
}

TEST(AgreementTest, CompareAnswerIdsIsEmptyForTheSameIds) {
  std::vector<std::string> gold = {"b", "a"};
  std::vector<std::string> machine = {"a", "b"};
  IdMismatch mismatch = CompareAnswerIds(gold, machine);
  EXPECT_TRUE(mismatch.gold_only.empty());
  EXPECT_TRUE(mismatch.machine_only.empty());
}

}  // namespace
}  // namespace verbatim
