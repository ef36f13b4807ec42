// The sample's gold coding must reproduce the survey report's published
// table exactly (shared/seeds/001_*.txt, "Les médecins ont exprimé les
// changements attendus (129 réponses)"; also the code frame's reference
// tallies). The expected numbers below are the report's, not the program's.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "io/input/code_sets_reader.h"
#include "io/input/codebook_loader.h"

namespace verbatim {
namespace {

const std::map<std::string, int> kReportTallies = {
    {"revalorisation", 89},
    {"revalorisation.ccam", 42},
    {"revalorisation.inflation", 19},
    {"revalorisation.consultations", 11},
    {"revalorisation.actes_intellectuels", 7},
    {"revalorisation.actes_opposables", 5},
    {"revalorisation.forfaits_techniques", 3},
    {"liberte_tarifaire", 62},
    {"liberte_tarifaire.complements", 24},
    {"liberte_tarifaire.secteur2", 17},
    {"liberte_tarifaire.fin_optam", 12},
    {"liberte_tarifaire.plafonds", 6},
    {"liberte_tarifaire.limitations", 3},
    {"gouvernance", 37},
    {"gouvernance.negociation", 14},
    {"gouvernance.convention_equilibree", 10},
    {"gouvernance.stabilite", 5},
    {"gouvernance.participation_locale", 5},
    {"gouvernance.sortie_optam", 3},
    {"mutuelles", 28},
    {"mutuelles.prise_en_charge", 12},
    {"mutuelles.regulation", 8},
    {"mutuelles.partage_secu", 5},
    {"mutuelles.remboursements_homogenes", 3},
};

class SampleGoldTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto gold = ReadGoldCodes(std::string(VERBATIM_SOURCE_DIR) + "/samples/optam_changes.gold.csv");
    ASSERT_TRUE(gold.has_value()) << FormatError(gold.error());
    gold_ = std::move(*gold);
    loaded_ = LoadCodebookFile(std::string(VERBATIM_SOURCE_DIR) + "/codebooks/optam_changes.yaml");
    ASSERT_FALSE(HasErrors(loaded_.diagnostics));
  }
  std::vector<CodedAnswer> gold_;
  LoadedCodebook loaded_;
};

TEST_F(SampleGoldTest, HasOneRowPerSampleAnswer) {
  ASSERT_EQ(gold_.size(), 129u);
  for (size_t i = 0; i < gold_.size(); ++i) EXPECT_EQ(gold_[i].id, std::to_string(i + 1));
}

TEST_F(SampleGoldTest, TalliesReproduceTheReport) {
  const Codebook& book = loaded_.codebook;
  std::map<std::string, int> tallies;
  for (const CodedAnswer& answer : gold_) {
    std::set<std::string> present;
    for (const std::string& id : answer.codes) {
      const int code = book.FindCode(id);
      ASSERT_GE(code, 0) << "answer " << answer.id << ": unknown code " << id;
      present.insert(id);
      if (book.codes[code].level == CodeLevel::kSubtheme) {
        present.insert(book.codes[book.codes[code].theme_index].id);
      }
    }
    for (const std::string& id : present) ++tallies[id];
  }
  for (const auto& [id, expected] : kReportTallies) {
    EXPECT_EQ(tallies[id], expected) << id;
  }
}

TEST_F(SampleGoldTest, EveryCodeOfTheFrameIsInTheCodebook) {
  for (const auto& [id, expected] : kReportTallies) {
    EXPECT_GE(loaded_.codebook.FindCode(id), 0) << id;
  }
  EXPECT_EQ(loaded_.codebook.codes.size(), kReportTallies.size());
}

}  // namespace
}  // namespace verbatim
