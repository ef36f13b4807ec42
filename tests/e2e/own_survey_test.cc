// README's "Your own survey" (#18 part 8), run as written: the commands of
// the block between <!-- own-survey:begin --> and <!-- own-survey:end -->,
// in a fresh folder where `verbatim` is the binary under test and
// `samples/` the repository's. The input is a French Excel export
// (Windows-1252, ';', CRLF) and the codebook is not the OPTAM one. The hand
// coding the block leaves to the reader is simulated: the machine's codes,
// with one answer coded otherwise, so that agree has something to measure.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/input/code_sets_reader.h"
#include "tests/testing/binary_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunShell;
using testing::ShellQuote;
using testing::WriteFile;

const fs::path kSource = VERBATIM_SOURCE_DIR;

// The README block's commands: continuation lines joined, comments kept as
// "#" lines so that the test knows where the reader's hand work goes.
std::vector<std::string> ReadmeCommands() {
  const std::string readme = ReadFile(kSource / "README.md");
  const std::string begin_marker = "<!-- own-survey:begin -->";
  const size_t begin = readme.find(begin_marker);
  const size_t end = readme.find("<!-- own-survey:end -->");
  EXPECT_NE(begin, std::string::npos);
  EXPECT_NE(end, std::string::npos);
  if (begin == std::string::npos || end == std::string::npos || end < begin) return {};
  std::istringstream block(readme.substr(begin, end - begin));
  std::vector<std::string> commands;
  std::string pending;
  for (std::string line; std::getline(block, line);) {
    if (line.rfind("```", 0) == 0 || line.rfind("<!--", 0) == 0 || line.empty()) continue;
    if (line.rfind("#", 0) == 0) {
      commands.push_back("#");
      continue;
    }
    const bool continues = !line.empty() && line.back() == '\\';
    if (continues) line.pop_back();
    pending += line;
    if (!continues) {
      commands.push_back(pending);
      pending.clear();
    }
  }
  return commands;
}

class OwnSurveyTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    fs::create_directories(dir_ / "bin");
    fs::create_symlink(VERBATIM_BINARY, dir_ / "bin" / "verbatim");
    fs::create_symlink(kSource / "samples", dir_ / "samples");
  }

  // Runs `command` with /bin/sh in the test's folder; its exit code, and
  // its standard output and error in out_ and err_.
  int Shell(const std::string& command) {
    const int code = RunShell("cd " + ShellQuote(dir_.string()) + " && PATH=" +
                              ShellQuote((dir_ / "bin").string()) + ":\"$PATH\" " + command +
                              " > stdout.txt 2> stderr.txt");
    out_ = ReadFile(dir_ / "stdout.txt");
    err_ = ReadFile(dir_ / "stderr.txt");
    return code;
  }

  // The reader's hand coding of the drawn sample: the run's codes, except
  // the first answer, coded as nothing.
  void FillSample(const fs::path& sample, const fs::path& coded_csv) {
    auto coded = ReadCodedTable(coded_csv.string(), "proposed");
    ASSERT_TRUE(coded.has_value()) << FormatError(coded.error());
    auto drawn = ReadGoldCodes(sample.string());
    ASSERT_TRUE(drawn.has_value()) << FormatError(drawn.error());
    ASSERT_EQ(drawn->size(), 25u);
    std::string gold = "id,codes\n";
    bool first = true;
    for (const CodedAnswer& row : *drawn) {
      std::string codes;
      for (const CodedAnswer& machine : *coded) {
        if (machine.id != row.id) continue;
        for (const std::string& code : machine.codes) codes += (codes.empty() ? "" : ";") + code;
      }
      if (first) codes.clear();
      first = false;
      gold += row.id + "," + codes + "\n";
    }
    WriteFile(sample, gold);
  }

  std::string out_;
  std::string err_;
};

TEST_F(OwnSurveyTest, ReadmeCommandsRunAsWritten) {
  const std::vector<std::string> commands = ReadmeCommands();
  ASSERT_EQ(commands.size(), 5u) << "check, code, sample, the hand coding, agree";

  ASSERT_EQ(Shell(commands[0]), 0) << commands[0] << "\n" << out_ << err_;

  ASSERT_EQ(Shell(commands[1]), 0) << commands[1] << "\n" << out_ << err_;
  EXPECT_NE(out_.find("ids: column \"Identifiant\""), std::string::npos) << out_;
  const std::string counts = ReadFile(dir_ / "out/own/counts.csv");
  EXPECT_NE(counts.find("Santé"), std::string::npos) << "labels and accents read as UTF-8";
  EXPECT_NE(counts.find("Questionnaire,protection sociale,"), std::string::npos) << counts;
  EXPECT_NE(counts.find("Questionnaire,services publics,"), std::string::npos) << counts;
  const std::string coded = ReadFile(dir_ / "out/own/coded.csv");
  EXPECT_NE(coded.find("R001,"), std::string::npos) << "ids from the Identifiant column";

  ASSERT_EQ(Shell(commands[2]), 0) << commands[2] << "\n" << out_ << err_;
  ASSERT_EQ(commands[3], "#");
  FillSample(dir_ / "out/own-validation/sample.csv", dir_ / "out/own/coded.csv");

  ASSERT_EQ(Shell(commands[4]), 0) << commands[4] << "\n" << out_ << err_;
  EXPECT_NE(out_.find("Compared on the 25 answer(s) both files hold"), std::string::npos) << out_;
  EXPECT_NE(out_.find("55 only in the coded file"), std::string::npos) << out_;
}

// The first wall of #18: the same file without --encoding is refused at the
// start, once, with the likely encoding and the flag named; nothing written.
TEST_F(OwnSurveyTest, WithoutEncodingOneMessageNamesTheFlag) {
  const int code = Shell(
      "verbatim code samples/own_survey/reponses.csv --codebook samples/own_survey/domaines.yaml "
      "--out out/own");
  EXPECT_EQ(code, 1) << out_ << err_;
  const std::string all = out_ + err_;
  EXPECT_NE(all.find("--encoding"), std::string::npos) << all;
  EXPECT_NE(all.find("windows-1252"), std::string::npos) << all;
  EXPECT_FALSE(fs::exists(dir_ / "out/own/coded.csv"));
}

}  // namespace
}  // namespace verbatim
