#include "io/input/run_manifest_reader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "io/output/run_manifest.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

TEST(RunManifestReaderTest, ReadsBackWhatCodeWrote) {
  const auto dir = testing::MakeTestDir("verbatim-manifest");
  RunManifest written;
  written.tool_version = "0.1.0";
  written.started_at = "2025-11-20T10:00:00Z";
  written.codebook_path = "codebooks/optam_changes.yaml";
  written.codebook_sha256 = std::string(64, 'c');
  written.codebook_id = "optam_changes";
  written.codebook_version = "1.0.0";
  written.input_path = "samples/optam_changes.csv";
  written.input_sha256 = std::string(64, 'i');
  written.settings = {{"column", "Quels changements attendez-vous ?"}, {"id_column", "(row number)"}};
  std::ostringstream json;
  WriteRunManifest(json, written);
  testing::WriteFile(dir / "run.json", json.str());

  auto read = ReadRunManifest((dir / "run.json").string());
  ASSERT_TRUE(read.has_value()) << FormatError(read.error());
  EXPECT_EQ(read->started_at, written.started_at);
  EXPECT_EQ(read->codebook_path, written.codebook_path);
  EXPECT_EQ(read->codebook_sha256, written.codebook_sha256);
  EXPECT_EQ(read->codebook_id, written.codebook_id);
  EXPECT_EQ(read->codebook_version, written.codebook_version);
  EXPECT_EQ(read->input_path, written.input_path);
  EXPECT_EQ(read->input_sha256, written.input_sha256);
  EXPECT_EQ(read->settings, written.settings);
  std::filesystem::remove_all(dir);
}

TEST(RunManifestReaderTest, MissingFieldsAreEmptyNotErrors) {
  const auto dir = testing::MakeTestDir("verbatim-manifest");
  testing::WriteFile(dir / "run.json", R"({"codebook": {"path": 3}, "settings": {"a": "b", "n": 1}})");
  auto read = ReadRunManifest((dir / "run.json").string());
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->codebook_path, "");
  EXPECT_EQ(read->input_path, "");
  EXPECT_EQ(read->settings, (std::map<std::string, std::string>{{"a", "b"}}));
  std::filesystem::remove_all(dir);
}

TEST(RunManifestReaderTest, NotJsonIsAnErrorNamingTheFile) {
  const auto dir = testing::MakeTestDir("verbatim-manifest");
  const std::string path = (dir / "run.json").string();
  testing::WriteFile(path, "{ not json");
  auto read = ReadRunManifest(path);
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(FormatError(read.error()), path + ": not valid JSON");
  testing::WriteFile(path, "[1, 2]");
  EXPECT_EQ(FormatError(ReadRunManifest(path).error()), path + ": not a JSON object");
  EXPECT_FALSE(ReadRunManifest((dir / "none.json").string()).has_value());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace verbatim
