#include "io/output/agreement_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace verbatim {
namespace {

// 0 qualite "Qualité", 1 qualite.service "Service, accueil", 2 prix "Prix".
Codebook TestCodebook() {
  Codebook codebook;
  CodeDefinition qualite;
  qualite.id = "qualite";
  qualite.label = "Qualité";
  CodeDefinition service;
  service.id = "qualite.service";
  service.label = "Service, accueil";
  service.level = CodeLevel::kSubtheme;
  service.theme_index = 0;
  CodeDefinition prix;
  prix.id = "prix";
  prix.label = "Prix";
  codebook.codes = {qualite, service, prix};
  return codebook;
}

// a: gold {qualite.service}, machine {qualite.service}  (agree)
// b: gold {prix},            machine {qualite}          (disputed)
// Per code: qualite TP=1 FP=1 (b), prix FN=1 (b) TN=1, qualite.service TP=1 TN=1.
AgreementReport TestReport(ReviewFlags flags) {
  std::vector<AnswerCodes> answers = {
      AnswerCodes{"a", {"qualite.service"}, {"qualite.service"}, false, ""},
      AnswerCodes{"b", {"prix"}, {"qualite"}, true, "qualite=\"service\""}};
  auto report = ComputeAgreement(TestCodebook(), answers, flags);
  EXPECT_TRUE(report.has_value());
  return report.value_or(AgreementReport{});
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(AgreementWriterTest, TableAlignsAccentedLabelsByDisplayWidth) {
  std::ostringstream out;
  WriteAgreementTable(TestReport(ReviewFlags::kAbsent), out);
  std::vector<std::string> lines = Lines(out.str());
  ASSERT_GE(lines.size(), 6u);
  // "Qualité" is 7 columns but 8 bytes: padded by bytes, its row would be one
  // column short of the others.
  EXPECT_EQ(lines[2],
            "Code               Label             Gold  Machine  TP  FP  FN  TN  "
            "Precision  Recall      F1   Kappa");
  EXPECT_EQ(lines[3],
            "qualite            Qualité              1        2   1   1   0   0  "
            "   0.5000  1.0000  0.6667  0.0000");
  EXPECT_EQ(lines[4],
            "  qualite.service  Service, accueil     1        1   1   0   0   1  "
            "   1.0000  1.0000  1.0000  1.0000");
  EXPECT_EQ(lines[5],
            "prix               Prix                 1        0   0   0   1   1  "
            "      n/a  0.0000  0.0000  0.0000");
}

TEST(AgreementWriterTest, TableListsDisagreementsWithMissingAndExtraCodes) {
  std::ostringstream out;
  WriteAgreementTable(TestReport(ReviewFlags::kAbsent), out);
  const std::string text = out.str();
  EXPECT_NE(text.find("Disagreements: 1\nAnswer  Missing  Extra    Review\nb       prix     qualite  yes"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Evidence that fired:\n  b: qualite=\"service\"\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("Review burden"), std::string::npos) << text;
}

TEST(AgreementWriterTest, TableShowsReviewFiguresWhenPresent) {
  std::ostringstream out;
  WriteAgreementTable(TestReport(ReviewFlags::kPresent), out);
  const std::string text = out.str();
  EXPECT_NE(text.find("Review burden: 1 of 2 answers disputed (50.0%)\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Errors caught: 1 of 1 disagreements disputed (100.0%)\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("after review"), std::string::npos) << text;
}

TEST(AgreementWriterTest, CsvHasOneRowPerCodeAndAverage) {
  std::ostringstream out;
  WriteAgreementCsv(TestReport(ReviewFlags::kAbsent), out);
  std::vector<std::string> lines = Lines(out.str());
  // Header, 3 codes, micro and macro for 2 levels.
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_EQ(lines[0],
            "scope,row,level,id,label,theme,gold,machine,tp,fp,fn,tn,precision,recall,f1,kappa,"
            "alpha\r");
  EXPECT_EQ(lines[1], "all,code,theme,qualite,Qualité,,1,2,1,1,0,0,0.5,1,0.6666666666666666,0,\r");
  // The label holds a comma: quoted.
  EXPECT_EQ(
      lines[2],
      "all,code,subtheme,qualite.service,\"Service, accueil\",qualite,1,1,1,0,0,1,1,1,1,1,\r");
  EXPECT_EQ(lines[3], "all,code,theme,prix,Prix,,1,0,0,0,1,1,n/a,0,0,0,\r");
  // Subthemes: one code, TP=1 TN=1 -> alpha 1 (n=4, n0=n1=2, no disagreement).
  EXPECT_EQ(lines[4], "all,micro,subtheme,,,,1,1,1,0,0,1,1,1,1,1,1\r");
  EXPECT_EQ(lines[5], "all,macro,subtheme,,,,,,,,,,1,1,1,1,\r");
}

TEST(AgreementWriterTest, CsvAddsReviewScopes) {
  std::ostringstream out;
  WriteAgreementCsv(TestReport(ReviewFlags::kPresent), out);
  std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 1u + 3 * 7);
  EXPECT_EQ(lines[8].rfind("counted_only,code,theme,qualite,", 0), 0u) << lines[8];
  EXPECT_EQ(lines[15].rfind("after_review,code,theme,qualite,", 0), 0u) << lines[15];
}

TEST(AgreementWriterTest, JsonWritesUndefinedRatiosAsNull) {
  std::ostringstream out;
  WriteAgreementJson(TestReport(ReviewFlags::kAbsent), out);
  auto json = nlohmann::json::parse(out.str());
  EXPECT_EQ(json["answers"], 2);
  ASSERT_EQ(json["codes"].size(), 3u);
  EXPECT_EQ(json["codes"][2]["id"], "prix");
  EXPECT_TRUE(json["codes"][2]["precision"].is_null());
  EXPECT_EQ(json["codes"][2]["fn"], 1);
  EXPECT_EQ(json["codes"][1]["theme"], "qualite");
  EXPECT_TRUE(json["codes"][0]["theme"].is_null());
  EXPECT_TRUE(json["review"].is_null());
}

TEST(AgreementWriterTest, JsonHasDisagreementsAndReviewFigures) {
  std::ostringstream out;
  WriteAgreementJson(TestReport(ReviewFlags::kPresent), out);
  auto json = nlohmann::json::parse(out.str());
  ASSERT_EQ(json["disagreements"].size(), 1u);
  EXPECT_EQ(json["disagreements"][0]["answer_id"], "b");
  EXPECT_EQ(json["disagreements"][0]["missing"], nlohmann::json::array({"prix"}));
  EXPECT_EQ(json["disagreements"][0]["extra"], nlohmann::json::array({"qualite"}));
  EXPECT_EQ(json["review"]["disputed"], 1);
  EXPECT_EQ(json["review"]["errors_caught"], 1.0);
  EXPECT_EQ(json["review"]["counted_only"]["answers"], 1);
  EXPECT_EQ(json["review"]["after_review"]["themes"]["micro"]["fp"], 0);
}

TEST(AgreementWriterTest, JsonKeepsKeyOrder) {
  std::ostringstream out;
  WriteAgreementJson(TestReport(ReviewFlags::kAbsent), out);
  const std::string text = out.str();
  EXPECT_LT(text.find("\"answers\""), text.find("\"codes\""));
  EXPECT_LT(text.find("\"codes\""), text.find("\"subthemes\""));
  EXPECT_LT(text.find("\"subthemes\""), text.find("\"themes\""));
  EXPECT_LT(text.find("\"themes\""), text.find("\"disagreements\""));
  EXPECT_LT(text.find("\"disagreements\""), text.find("\"review\""));
  EXPECT_EQ(text.back(), '\n');
}

}  // namespace
}  // namespace verbatim
