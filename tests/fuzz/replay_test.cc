// Replays every committed fuzz input as an ordinary test: each file of
// tests/fuzz/<target>/seeds/ and tests/fuzz/<target>/crashes/ is fed to the
// target's entry point (fuzz_targets.h), which aborts on a broken invariant
// and, in the sanitizer build, on any memory error the fuzzer found.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.h"
#include "tests/testing/test_name.h"

namespace verbatim::fuzz {
namespace {

namespace fs = std::filesystem;

struct Input {
  const Target* target;
  fs::path path;
};

// ctest lists the input by its path, not as raw bytes.
void PrintTo(const Input& input, std::ostream* out) {
  *out << input.target->name << ": " << input.path.filename().string();
}

std::vector<Input> AllInputs() {
  std::vector<Input> inputs;
  const fs::path root = fs::path(VERBATIM_SOURCE_DIR) / "tests/fuzz";
  for (const Target& target : AllTargets()) {
    for (const char* folder : {"seeds", "crashes"}) {
      const fs::path dir = root / target.name / folder;
      if (!fs::is_directory(dir)) continue;
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) inputs.push_back({&target, file});
    }
  }
  return inputs;
}

std::string TestName(const ::testing::TestParamInfo<Input>& info) {
  return verbatim::testing::TestNameOf(std::string(info.param.target->name) + "_" +
                                       info.param.path.parent_path().filename().string() + "_" +
                                       info.param.path.filename().string()) +
         "_" + std::to_string(info.index);
}

class FuzzReplayTest : public ::testing::TestWithParam<Input> {};

TEST_P(FuzzReplayTest, RunsWithoutBreakingAnInvariant) {
  std::ifstream in(GetParam().path, std::ios::binary);
  ASSERT_TRUE(in) << GetParam().path;
  std::ostringstream content;
  content << in.rdbuf();
  GetParam().target->run(content.str());
}

TEST(FuzzReplayCorpusTest, EveryTargetHasSeeds) {
  for (const Target& target : AllTargets()) {
    const fs::path seeds = fs::path(VERBATIM_SOURCE_DIR) / "tests/fuzz" / target.name / "seeds";
    EXPECT_TRUE(fs::is_directory(seeds) && !fs::is_empty(seeds)) << seeds;
  }
}

INSTANTIATE_TEST_SUITE_P(Inputs, FuzzReplayTest, ::testing::ValuesIn(AllInputs()), TestName);

}  // namespace
}  // namespace verbatim::fuzz
