// `sample --run DIR` reads how the run read its input from its run.json
// (#18 part 5), as `review apply` does: the input itself, the text column,
// the id column, the delimiter and the encoding, wherever the command line
// does not give them; a flag given wins.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "io/input/code_sets_reader.h"
#include "tests/testing/cli_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::RunCommand;

const fs::path kSource = VERBATIM_SOURCE_DIR;
const std::string kCodebook = (kSource / "tests/data/codebooks/minimal.yaml").string();

const char* const kTexts[] = {
    "Revaloriser la CCAM", "La CCAM svp", "Pas de dépassements, merci",
    "Hausse de la CCAM et liberté des dépassements", "rien", "Revaloriser les actes",
    "Je ne sais vraiment pas quoi vous répondre à cette question de liberté", "dépassements"};

class SampleRunJsonTest : public testing::TempDirTest {
 protected:
  // ';'-separated, neither id column named as an id: without --id-column
  // the ids would be row numbers. The run reads `ref` as the id.
  void SetUp() override {
    TempDirTest::SetUp();
    std::string csv = "numero;ref;texte\n";
    for (size_t i = 0; i < std::size(kTexts); ++i) {
      csv += std::to_string(100 + i) + ";R-" + std::to_string(i) + ";" + kTexts[i] + "\n";
    }
    input_ = (dir_ / "answers.csv").string();
    testing::WriteFile(input_, csv);
    const CliRun coded = RunCommand({"code", input_, "--codebook", kCodebook, "--id-column", "ref",
                                     "--column", "texte", "--delimiter", ";", "--out",
                                     (dir_ / "run").string(), "-q"});
    ASSERT_EQ(coded.exit_code, 0) << coded.err;
  }

  std::set<std::string> SampleIds(const std::string& out) {
    auto sample = ReadGoldCodes((dir_ / out / "sample.csv").string());
    EXPECT_TRUE(sample) << (sample ? "" : FormatError(sample.error()));
    std::set<std::string> ids;
    if (sample) {
      for (const CodedAnswer& row : *sample) ids.insert(row.id);
    }
    return ids;
  }

  std::string input_;
};

TEST_F(SampleRunJsonTest, WithoutInputOrFlagsTheRunsInputAndIdColumnAreUsed) {
  const CliRun run = RunCommand({"sample", "--run", (dir_ / "run").string(), "--n", "4", "--seed",
                                 "3", "--out", (dir_ / "s").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Drew 4 of 8 answers with text from " + input_), std::string::npos)
      << run.out;
  const std::set<std::string> ids = SampleIds("s");
  ASSERT_EQ(ids.size(), 4u);
  for (const std::string& id : ids) EXPECT_EQ(id.rfind("R-", 0), 0u) << id;
}

TEST_F(SampleRunJsonTest, StratifiedByStatusNeedsNoRepeatedIdColumn) {
  const CliRun run =
      RunCommand({"sample", input_, "--run", (dir_ / "run").string(), "--stratify-by", "status",
                  "--n", "4", "--seed", "3", "--out", (dir_ / "s").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(SampleIds("s").size(), 4u);
}

TEST_F(SampleRunJsonTest, AFlagGivenWinsOverTheRuns) {
  const CliRun run = RunCommand({"sample", input_, "--run", (dir_ / "run").string(), "--id-column",
                                 "numero", "--n", "3", "--seed", "3", "--out",
                                 (dir_ / "s").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const std::string& id : SampleIds("s")) EXPECT_EQ(id.size(), 3u) << id;  // 100…107.
}

TEST_F(SampleRunJsonTest, WithNeitherInputNorRunItIsAUsageError) {
  const CliRun run =
      RunCommand({"sample", "--n", "3", "--seed", "3", "--out", (dir_ / "s").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--run"), std::string::npos) << run.err;
  const CliRun no_manifest = RunCommand({"sample", "--run", dir_.string(), "--n", "3", "--seed",
                                         "3", "--out", (dir_ / "s").string()});
  EXPECT_EQ(no_manifest.exit_code, 2);
  EXPECT_NE(no_manifest.err.find("no run.json"), std::string::npos) << no_manifest.err;
}

}  // namespace
}  // namespace verbatim
