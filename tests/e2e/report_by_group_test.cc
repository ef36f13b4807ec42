// `report --by COL` and `code --by COL --report` (#18 part 3) on the README's
// own survey: report.html gains one chart per group whose numbers are
// recomputed here, independently, from the coded JSON Lines of the same
// run (the code columns of each row, per group) with the Wilson formula
// written out below.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/binary_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunBinary;

const fs::path kSource = VERBATIM_SOURCE_DIR;
const std::string kInput = (kSource / "samples/own_survey/reponses.csv").string();
const std::string kCodebook = (kSource / "samples/own_survey/domaines.yaml").string();

struct Share {
  size_t answers = 0;
  double pct = 0, low = 0, high = 0;
};
// group -> code id -> share, and group -> answers.
struct GroupNumbers {
  std::map<std::string, std::map<std::string, Share>> shares;
  std::map<std::string, size_t> answers;
};

// Wilson (1927) score interval at z = 1.96, in percent.
Share Wilson(size_t k, size_t n) {
  const double z = 1.959963984540054, p = static_cast<double>(k) / static_cast<double>(n);
  const double nn = static_cast<double>(n), denominator = 1 + z * z / nn;
  const double centre = (p + z * z / (2 * nn)) / denominator;
  const double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / denominator;
  return {k, 100 * p, 100 * std::max(0.0, centre - half), 100 * std::min(1.0, centre + half)};
}

GroupNumbers FromCodedJsonl(const std::string& jsonl, const std::vector<std::string>& codes) {
  std::map<std::string, std::map<std::string, size_t>> counts;
  GroupNumbers numbers;
  std::istringstream lines(jsonl);
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json row = nlohmann::json::parse(line);
    const std::string group = row.at("Questionnaire");
    ++numbers.answers[group];
    for (const std::string& code : codes) counts[group][code] += row.at(code).get<int>();
  }
  for (const auto& [group, by_code] : counts) {
    for (const auto& [code, k] : by_code) numbers.shares[group][code] = Wilson(k, numbers.answers[group]);
  }
  return numbers;
}

GroupNumbers FromReport(const std::string& html) {
  GroupNumbers numbers;
  const std::regex figure("<figure class=\"group(?: small)?\" data-group=\"([^\"]*)\" "
                          "data-answers=\"([0-9]+)\"");
  const std::regex bar("<g class=\"group-bar (?:theme|subtheme)\" data-code=\"([^\"]+)\" "
                       "data-answers=\"([0-9]+)\" data-pct=\"([0-9.]+)\" data-ci-low=\"([0-9.]+)\" "
                       "data-ci-high=\"([0-9.]+)\">");
  const size_t section = html.find("<section id=\"groups\" data-by=\"Questionnaire\">");
  EXPECT_NE(section, std::string::npos);
  if (section == std::string::npos) return numbers;
  std::istringstream lines(html.substr(section, html.find("</section>", section) - section));
  std::string group;
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_search(line, match, figure)) {
      group = match[1];
      numbers.answers[group] = std::stoul(match[2]);
    } else if (std::regex_search(line, match, bar)) {
      numbers.shares[group][match[1]] = {std::stoul(match[2]), std::stod(match[3]),
                                         std::stod(match[4]), std::stod(match[5])};
    }
  }
  return numbers;
}

void ExpectSameNumbers(const GroupNumbers& report, const GroupNumbers& expected) {
  EXPECT_EQ(report.answers, expected.answers);
  ASSERT_EQ(report.shares.size(), expected.shares.size());
  for (const auto& [group, by_code] : expected.shares) {
    ASSERT_TRUE(report.shares.count(group)) << group;
    const auto& shown = report.shares.at(group);
    EXPECT_EQ(shown.size(), by_code.size()) << group;
    for (const auto& [code, share] : by_code) {
      ASSERT_TRUE(shown.count(code)) << group << " " << code;
      const Share& got = shown.at(code);
      EXPECT_EQ(got.answers, share.answers) << group << " " << code;
      EXPECT_NEAR(got.pct, share.pct, 0.005) << group << " " << code;
      EXPECT_NEAR(got.low, share.low, 0.005) << group << " " << code;
      EXPECT_NEAR(got.high, share.high, 0.005) << group << " " << code;
    }
  }
}

class ReportByGroupTest : public testing::TempDirTest {
 protected:
  // The codes of the codebook, as coded JSON Lines' columns name them, and
  // the rows of one run with the group column kept.
  GroupNumbers Expected() {
    const testing::BinaryRun run =
        RunBinary({"code", kInput, "--codebook", kCodebook, "--encoding", "windows-1252",
                   "--keep", "Questionnaire", "--out", "-", "--stdout-format", "jsonl", "-q"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    std::vector<std::string> codes;
    const nlohmann::json first = nlohmann::json::parse(run.out.substr(0, run.out.find('\n')));
    for (const auto& [key, value] : first.items()) {
      if (value.is_number() && key != "row") codes.push_back(key);
    }
    EXPECT_GE(codes.size(), 10u);
    return FromCodedJsonl(run.out, codes);
  }
};

TEST_F(ReportByGroupTest, ReportShowsEachGroupsSharesWithWilsonIntervals) {
  const testing::BinaryRun run =
      RunBinary({"report", kInput, "--codebook", kCodebook, "--encoding", "windows-1252", "--by",
                 "Questionnaire", "--out", (dir_ / "r").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const GroupNumbers expected = Expected();
  ASSERT_EQ(expected.answers.size(), 2u);  // The sample's two questionnaires.
  const std::string html = ReadFile(dir_ / "r" / "report.html");
  ExpectSameNumbers(FromReport(html), expected);
  // Without --by the page has no grouped section.
  ASSERT_EQ(RunBinary({"report", kInput, "--codebook", kCodebook, "--encoding", "windows-1252",
                       "--out", (dir_ / "plain").string()})
                .exit_code,
            0);
  EXPECT_EQ(ReadFile(dir_ / "plain" / "report.html").find("id=\"groups\""), std::string::npos);
}

TEST_F(ReportByGroupTest, CodeWithByAndReportWritesTheSameSection) {
  const testing::BinaryRun run =
      RunBinary({"code", kInput, "--codebook", kCodebook, "--encoding", "windows-1252", "--by",
                 "Questionnaire", "--report", "--out", (dir_ / "c").string(), "-q"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ExpectSameNumbers(FromReport(ReadFile(dir_ / "c" / "report.html")), Expected());
}

TEST_F(ReportByGroupTest, UnknownColumnIsAnErrorNamingIt) {
  const testing::BinaryRun run =
      RunBinary({"report", kInput, "--codebook", kCodebook, "--encoding", "windows-1252", "--by",
                 "Spécialité", "--out", (dir_ / "r").string()});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("Spécialité"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(dir_ / "r" / "report.html"));
}

}  // namespace
}  // namespace verbatim
