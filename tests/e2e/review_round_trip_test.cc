// The reviewer's round trip on the real binary and the OPTAM sample: code,
// fill the review file's decisions from the gold coding as a reviewer would
// (`ok` when the proposal is the gold, else `=` the gold codes, or `none`),
// `review apply`, code again with --decisions. Then a second codebook
// version and an edited answer. In CSV, in our own workbook, and in a
// workbook saved by LibreOffice (skipped when soffice is absent).
//
// What is asserted is true by construction, whatever the shipped codebook's
// tuning: every decided answer's final codes are its gold codes, the other
// answers keep the machine's, and counts = machine + decisions. How far the
// final counts are from the gold tallies depends on the machine's
// undisputed codes: it is printed (see GoldDistance), not asserted.
#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "io/input/csv_parser.h"
#include "io/output/csv_writer.h"
#include "io/review/review_reader.h"
#include "tests/testing/binary_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::BinaryRun;
using testing::ReadFile;
using testing::RunBinary;
using testing::RunShell;
using testing::ShellQuote;
using testing::WriteFile;

const fs::path kSource = VERBATIM_SOURCE_DIR;
const std::string kSample = (kSource / "samples/optam_changes.csv").string();
const std::string kGold = (kSource / "samples/optam_changes.gold.csv").string();
const std::string kCodebook = (kSource / "codebooks/optam_changes.yaml").string();

using Row = std::map<std::string, std::string>;

std::vector<Row> ReadCsv(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  CsvParser parser(in);
  CsvRecord record;
  std::vector<Row> rows;
  if (!parser.Next(&record)) return rows;
  const std::vector<std::string> header = record.fields;
  while (parser.Next(&record)) {
    Row row;
    for (size_t i = 0; i < header.size() && i < record.fields.size(); ++i) {
      row[header[i]] = record.fields[i];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::set<std::string> CodeSet(const std::string& list) {
  std::set<std::string> codes;
  std::stringstream in(list);
  for (std::string code; std::getline(in, code, ';');) {
    code.erase(0, code.find_first_not_of(' '));
    code.erase(code.find_last_not_of(' ') + 1);
    if (!code.empty()) codes.insert(code);
  }
  return codes;
}

std::string Join(const std::set<std::string>& codes) {
  std::string out;
  for (const std::string& code : codes) out += (out.empty() ? "" : ";") + code;
  return out;
}

std::map<std::string, std::set<std::string>> Gold() {
  std::map<std::string, std::set<std::string>> gold;
  for (const Row& row : ReadCsv(kGold)) gold[row.at("id")] = CodeSet(row.at("codes"));
  return gold;
}

// The decision a reviewer who agrees with the gold coding writes.
std::string GoldDecision(const std::set<std::string>& gold, const std::string& proposed) {
  if (CodeSet(proposed) == gold) return "ok";
  if (gold.empty()) return "none";
  return "=" + Join(gold);
}

// Counts per code, as the report counts: a theme when it or a subtheme is there.
std::map<std::string, int> Tallies(const std::vector<std::set<std::string>>& answers) {
  std::map<std::string, int> tallies;
  for (const auto& codes : answers) {
    std::set<std::string> present;
    for (const std::string& code : codes) {
      present.insert(code);
      present.insert(code.substr(0, code.find('.')));
    }
    for (const std::string& code : present) ++tallies[code];
  }
  return tallies;
}

class ReviewRoundTripTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    out_ = dir_ / "out";
    decisions_ = (dir_ / "decisions.csv").string();
  }

  BinaryRun Code(const fs::path& out, std::vector<std::string> extra = {},
           const std::string& codebook = kCodebook, const std::string& input = kSample) {
    std::vector<std::string> args = {"code", input, "--codebook", codebook, "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunBinary(args);
  }

  // LibreOffice, headless, converts `file` to a workbook in `outdir`, with a
  // profile of its own so that parallel tests do not share one;
  // `input_filter`, when given, is --infilter's value.
  void ConvertToXlsx(const fs::path& file, const fs::path& outdir,
                     const std::string& input_filter = "") {
    const std::string command = "cd " + ShellQuote(dir_.string()) +
                                " && soffice -env:UserInstallation=file://" +
                                (dir_ / "lo-profile").string() + " --headless" +
                                (input_filter.empty() ? "" : " --infilter=" + input_filter) +
                                " --convert-to xlsx --outdir " + ShellQuote(outdir.string()) + " " +
                                ShellQuote(file.string()) + " > /dev/null 2>&1";
    ASSERT_EQ(RunShell(command), 0) << command;
  }

  // Fills review.csv's decision column from the gold; returns the decisions
  // written, by id.
  std::map<std::string, std::string> FillCsvFromGold(const fs::path& review) {
    const auto gold = Gold();
    std::ifstream in(review, std::ios::binary);
    CsvParser parser(in);
    CsvRecord record;
    std::ostringstream filled;
    CsvWriter csv(filled);
    EXPECT_TRUE(parser.Next(&record));
    const std::vector<std::string> header = record.fields;
    csv.WriteRow(header);
    const auto column = [&](const std::string& name) {
      return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    };
    std::map<std::string, std::string> decisions;
    while (parser.Next(&record)) {
      const std::string id = record.fields[column("id")];
      const std::string decision = GoldDecision(gold.at(id), record.fields[column("proposed")]);
      record.fields[column("decision")] = decision;
      record.fields[column("comment")] = "relu : codage de référence";
      decisions[id] = decision;
      csv.WriteRow(record.fields);
    }
    in.close();
    WriteFile(review, filled.str());
    return decisions;
  }

  // Checks a run with decisions: decided answers have the gold codes, the
  // others the machine's; counts.csv adds up. Returns the decided ids.
  std::set<std::string> CheckFinalCoding(const fs::path& out) {
    const auto gold = Gold();
    std::set<std::string> decided;
    std::vector<std::set<std::string>> finals;
    for (const Row& row : ReadCsv(out / "coded.csv")) {
      const std::string& id = row.at("id");
      finals.push_back(CodeSet(row.at("codes")));
      if (row.at("decided") == "applied") {
        decided.insert(id);
        EXPECT_EQ(CodeSet(row.at("codes")), gold.at(id)) << "answer " << id;
        EXPECT_EQ(row.at("status"), gold.at(id).empty() ? "uncoded" : "coded") << "answer " << id;
      } else {
        EXPECT_EQ(row.at("codes"), row.at("machine_codes")) << "answer " << id;
        EXPECT_EQ(row.at("status"), row.at("machine_status")) << "answer " << id;
      }
    }
    const std::map<std::string, int> tallies = Tallies(finals);
    for (const Row& row : ReadCsv(out / "counts.csv")) {
      const int answers = std::stoi(row.at("answers"));
      EXPECT_EQ(answers, std::stoi(row.at("machine_answers")) + std::stoi(row.at("decided_added")) -
                             std::stoi(row.at("decided_removed")))
          << row.at("id");
      if (row.at("level") == "theme" || row.at("level") == "subtheme") {
        const auto found = tallies.find(row.at("id"));
        EXPECT_EQ(answers, found == tallies.end() ? 0 : found->second)
            << row.at("id") << ": counts.csv agrees with coded.csv's final codes";
      }
    }
    return decided;
  }

  // Prints how far the final counts are from the gold tallies (the report's
  // table). Not asserted: it depends on the machine's undisputed codes.
  void PrintGoldDistance(const fs::path& out) {
    std::vector<std::set<std::string>> golds;
    for (const auto& [id, codes] : Gold()) golds.push_back(codes);
    const std::map<std::string, int> gold = Tallies(golds);
    int total = 0, exact = 0;
    std::ostringstream table;
    table << "code | gold | machine | final | final - gold\n";
    for (const Row& row : ReadCsv(out / "counts.csv")) {
      if (row.at("level") != "theme" && row.at("level") != "subtheme") continue;
      const int g = gold.count(row.at("id")) ? gold.at(row.at("id")) : 0;
      const int f = std::stoi(row.at("answers"));
      table << row.at("id") << " | " << g << " | " << row.at("machine_answers") << " | " << f
            << " | " << f - g << "\n";
      total += std::abs(f - g);
      exact += f == g;
    }
    table << "codes with the gold tally: " << exact << "; sum of |final - gold|: " << total << "\n";
    std::cout << "[gold distance]\n" << table.str();
    RecordProperty("codes_with_gold_tally", exact);
    RecordProperty("sum_abs_final_minus_gold", total);
  }

  // code, fill from gold, apply, code --decisions. Returns the decisions.
  std::map<std::string, std::string> CsvRoundTrip() {
    BinaryRun first = Code(out_);
    EXPECT_EQ(first.exit_code, 0) << first.err;
    const auto decisions = FillCsvFromGold(out_ / "review.csv");
    BinaryRun applied =
        RunBinary({"review", "apply", (out_ / "review.csv").string(), "--decisions", decisions_});
    EXPECT_EQ(applied.exit_code, 0) << applied.err;
    BinaryRun second = Code(out_, {"--decisions", decisions_});
    EXPECT_EQ(second.exit_code, 0) << second.err;
    EXPECT_NE(second.out.find(std::to_string(decisions.size()) + " applied, 0 stale"),
              std::string::npos)
        << second.out;
    return decisions;
  }

  fs::path out_;
  std::string decisions_;
};

TEST_F(ReviewRoundTripTest, DecidedAnswersGetTheGoldCodesInTheFinalCounts) {
  const auto decisions = CsvRoundTrip();
  ASSERT_FALSE(decisions.empty()) << "the sample has disputed answers";
  std::set<std::string> expected;
  for (const auto& [id, decision] : decisions) expected.insert(id);
  EXPECT_EQ(CheckFinalCoding(out_), expected);
  EXPECT_TRUE(ReadReviewFile((out_ / "review.csv").string())->rows.empty())
      << "every disputed answer was decided: nothing left to review";
  for (const Row& row : ReadCsv(out_ / "counts.csv")) {
    if (row.at("id") == "disputed") {
      EXPECT_EQ(row.at("answers"), "0");
    }
  }
  PrintGoldDistance(out_);
}

TEST_F(ReviewRoundTripTest, ASecondCodebookVersionKeepsEveryDecision) {
  CsvRoundTrip();
  const std::string decisions_before = ReadFile(decisions_);
  // The code to remove: the first subtheme a decision set.
  std::string removed;
  for (const Row& row : ReadCsv(decisions_)) {
    for (const std::string& code : CodeSet(row.at("codes"))) {
      if (removed.empty() && code.find('.') != std::string::npos) removed = code;
    }
  }
  ASSERT_FALSE(removed.empty());
  // Version 2: that subtheme's block and conflicts gone, a pattern added to
  // another code, a new version number.
  std::istringstream yaml(ReadFile(kCodebook));
  std::ostringstream v2;
  bool skipping = false, added_pattern = false, in_kept_patterns = false;
  for (std::string line; std::getline(yaml, line);) {
    const size_t indent = line.find_first_not_of(' ');
    if (line.find("- id: " + removed) != std::string::npos && line.rfind("      - id: ", 0) == 0) {
      skipping = true;
      continue;
    }
    if (skipping) {
      const bool next_code = line.rfind("      - id: ", 0) == 0 || line.rfind("  - id: ", 0) == 0;
      const bool top_level = indent != std::string::npos && indent < 6 && line[indent] != '#';
      if (!next_code && !top_level) continue;
      skipping = false;
    }
    if (line.rfind("  - [", 0) == 0 && line.find(removed) != std::string::npos) continue;
    if (line.rfind("  version:", 0) == 0) line = "  version: \"2.0.0-test\"";
    if (!added_pattern && in_kept_patterns && indent != std::string::npos &&
        line.compare(indent, 2, "- ") == 0) {
      v2 << std::string(indent, ' ') << "- \"formule ajoutee par le test\"\n";
      added_pattern = true;
    }
    in_kept_patterns = line.find("patterns:") != std::string::npos &&
                       line.find("[") == std::string::npos;
    v2 << line << "\n";
  }
  ASSERT_TRUE(added_pattern);
  const fs::path codebook_v2 = dir_ / "optam_changes_v2.yaml";
  WriteFile(codebook_v2, v2.str());

  const fs::path out_v2 = dir_ / "out_v2";
  BinaryRun run = Code(out_v2, {"--decisions", decisions_}, codebook_v2.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ReadFile(decisions_), decisions_before) << "code never writes the decisions file";

  const nlohmann::json manifest = nlohmann::json::parse(ReadFile(out_v2 / "run.json"));
  const nlohmann::json& d = manifest.at("decisions");
  const size_t recorded = d.at("recorded");
  const size_t applied = d.at("applied");
  EXPECT_EQ(applied + d.at("unknown_code").size(), recorded) << "every decision kept: " << d.dump();
  EXPECT_TRUE(d.at("stale").empty());
  EXPECT_TRUE(d.at("not_in_input").empty());
  size_t naming_removed = 0;
  for (const Row& row : ReadCsv(decisions_)) naming_removed += CodeSet(row.at("codes")).count(removed);
  ASSERT_EQ(d.at("unknown_code").size(), naming_removed);
  for (const auto& entry : d.at("unknown_code")) {
    EXPECT_EQ(entry.at("unknown_codes"), nlohmann::json::array({removed}));
    EXPECT_NE(run.err.find("the decision for answer " + entry.at("id").get<std::string>()),
              std::string::npos);
  }
  // Decided answers still get their gold codes; those naming the removed
  // code keep the machine's and go back to the review file.
  const auto gold = Gold();
  std::set<std::string> unknown;
  for (const Row& row : ReadCsv(out_v2 / "coded.csv")) {
    if (row.at("decided") == "applied") {
      EXPECT_EQ(CodeSet(row.at("codes")), gold.at(row.at("id")));
    } else if (row.at("decided") == "unknown_code") {
      unknown.insert(row.at("id"));
      EXPECT_EQ(row.at("codes"), row.at("machine_codes"));
    }
  }
  EXPECT_EQ(unknown.size(), naming_removed);
  size_t listed = 0;
  for (const Row& row : ReadCsv(out_v2 / "review.csv")) {
    if (unknown.count(row.at("id"))) {
      ++listed;
      EXPECT_EQ(row.at("previous_decision").rfind("unknown code " + removed, 0), 0u)
          << row.at("previous_decision");
    }
  }
  EXPECT_EQ(listed, naming_removed);
}

TEST_F(ReviewRoundTripTest, AnEditedAnswerMakesItsDecisionStale) {
  const auto decisions = CsvRoundTrip();
  const std::string edited_id = decisions.begin()->first;
  // The same answers, that one edited.
  std::ifstream in(kSample, std::ios::binary);
  CsvParser parser(in);
  CsvRecord record;
  std::ostringstream edited;
  CsvWriter csv(edited);
  for (size_t row = 0; parser.Next(&record); ++row) {
    if (std::to_string(row) == edited_id) record.fields.back() += " (réponse corrigée)";
    csv.WriteRow(record.fields);
  }
  const fs::path answers_v2 = dir_ / "answers_v2.csv";
  WriteFile(answers_v2, edited.str());

  const fs::path out3 = dir_ / "out3";
  BinaryRun run = Code(out3, {"--decisions", decisions_}, kCodebook, answers_v2.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("the decision for answer " + edited_id), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("is stale"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find(std::to_string(decisions.size() - 1) + " applied, 1 stale"),
            std::string::npos)
      << run.out;
  const nlohmann::json manifest = nlohmann::json::parse(ReadFile(out3 / "run.json"));
  ASSERT_EQ(manifest.at("decisions").at("stale").size(), 1u);
  EXPECT_EQ(manifest.at("decisions").at("stale")[0].at("id"), edited_id);
  for (const Row& row : ReadCsv(out3 / "coded.csv")) {
    if (row.at("id") != edited_id) continue;
    EXPECT_EQ(row.at("decided"), "stale");
    EXPECT_EQ(row.at("codes"), row.at("machine_codes"));
  }
  bool listed = false;
  for (const Row& row : ReadCsv(out3 / "review.csv")) {
    if (row.at("id") != edited_id) continue;
    listed = true;
    EXPECT_EQ(row.at("previous_decision").rfind("stale (text changed since decided ", 0), 0u);
  }
  EXPECT_TRUE(listed) << "the answer goes back to the reviewer";
}

// Sets decision cells of our own review.xlsx as a reviewer typing in them
// would: the sheet's empty decision cell becomes an inline string.
void TypeDecisions(const fs::path& workbook, const std::map<int, std::string>& by_sheet_row) {
  int error = 0;
  zip_t* archive = zip_open(workbook.c_str(), 0, &error);
  ASSERT_NE(archive, nullptr);
  const char* part = "xl/worksheets/sheet1.xml";
  zip_stat_t stat;
  ASSERT_EQ(zip_stat(archive, part, 0, &stat), 0);
  std::string xml(stat.size, '\0');
  zip_file_t* file = zip_fopen(archive, part, 0);
  ASSERT_NE(file, nullptr);
  ASSERT_EQ(zip_fread(file, xml.data(), stat.size), static_cast<zip_int64_t>(stat.size));
  zip_fclose(file);
  for (const auto& [row, decision] : by_sheet_row) {
    const std::regex blank("<c r=\"H" + std::to_string(row) + "\" s=\"([0-9]+)\"/>");
    std::smatch match;
    ASSERT_TRUE(std::regex_search(xml, match, blank)) << "no empty decision cell in row " << row;
    xml = match.prefix().str() + "<c r=\"H" + std::to_string(row) + "\" s=\"" + match[1].str() +
          "\" t=\"inlineStr\"><is><t>" + decision + "</t></is></c>" + match.suffix().str();
  }
  void* bytes = std::malloc(xml.size());
  std::memcpy(bytes, xml.data(), xml.size());
  zip_source_t* source = zip_source_buffer(archive, bytes, xml.size(), 1);
  ASSERT_NE(source, nullptr);
  ASSERT_GE(zip_file_add(archive, part, source, ZIP_FL_OVERWRITE), 0);
  ASSERT_EQ(zip_close(archive), 0);
}

TEST_F(ReviewRoundTripTest, RoundTripThroughOurOwnWorkbook) {
  BinaryRun first = Code(out_, {"--review-format", "xlsx"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const fs::path workbook = out_ / "review.xlsx";
  auto table = ReadReviewFile(workbook.string());
  ASSERT_TRUE(table.has_value()) << FormatError(table.error());
  ASSERT_FALSE(table->rows.empty());
  const auto gold = Gold();
  std::map<int, std::string> typed;
  for (const ReviewedRow& row : table->rows) typed[row.line] = GoldDecision(gold.at(row.id), row.proposed);
  TypeDecisions(workbook, typed);

  BinaryRun applied = RunBinary({"review", "apply", workbook.string(), "--decisions", decisions_});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  BinaryRun second = Code(out_, {"--review-format", "xlsx", "--decisions", decisions_});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(CheckFinalCoding(out_).size(), table->rows.size());
  auto after = ReadReviewFile(workbook.string());
  ASSERT_TRUE(after.has_value());
  EXPECT_TRUE(after->rows.empty());
}

bool HasSoffice() { return testing::FindInPath("soffice").has_value(); }

constexpr char kNoSoffice[] =
    "soffice (Debian package libreoffice-calc) is not installed: the LibreOffice round trip is "
    "not tested here; scripts/install-deps.sh --test installs it";

TEST_F(ReviewRoundTripTest, OurWorkbookResavedByLibreOfficeReadsTheSame) {
  if (!HasSoffice()) GTEST_SKIP() << kNoSoffice;
  BinaryRun first = Code(out_, {"--review-format", "xlsx"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const fs::path resaved = dir_ / "libreoffice";
  ASSERT_NO_FATAL_FAILURE(ConvertToXlsx(out_ / "review.xlsx", resaved));
  auto ours = ReadReviewFile((out_ / "review.xlsx").string());
  auto theirs = ReadReviewFile((resaved / "review.xlsx").string());
  ASSERT_TRUE(ours.has_value());
  ASSERT_TRUE(theirs.has_value()) << FormatError(theirs.error());
  ASSERT_EQ(theirs->rows.size(), ours->rows.size());
  for (size_t i = 0; i < ours->rows.size(); ++i) {
    EXPECT_EQ(theirs->rows[i].id, ours->rows[i].id);
    EXPECT_EQ(theirs->rows[i].text, ours->rows[i].text) << "rich text as LibreOffice saves it";
    EXPECT_EQ(theirs->rows[i].proposed, ours->rows[i].proposed);
    EXPECT_EQ(theirs->rows[i].line, ours->rows[i].line);
  }
}

TEST_F(ReviewRoundTripTest, RoundTripThroughAWorkbookSavedByLibreOffice) {
  if (!HasSoffice()) GTEST_SKIP() << kNoSoffice;
  BinaryRun first = Code(out_);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto decisions = FillCsvFromGold(out_ / "review.csv");
  // LibreOffice opens the filled CSV (UTF-8) and saves it as a workbook.
  const fs::path converted = dir_ / "libreoffice";
  ASSERT_NO_FATAL_FAILURE(ConvertToXlsx(out_ / "review.csv", converted, "CSV:44,34,76,1"));
  ASSERT_TRUE(fs::exists(converted / "review.xlsx")) << "LibreOffice wrote no workbook";
  // The reviewer's workbook replaces the CSV beside run.json.
  fs::remove(out_ / "review.csv");
  fs::copy_file(converted / "review.xlsx", out_ / "review.xlsx");

  BinaryRun applied =
      RunBinary({"review", "apply", (out_ / "review.xlsx").string(), "--decisions", decisions_});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_NE(applied.out.find(std::to_string(decisions.size()) + " new decision(s)"), std::string::npos)
      << applied.out;
  BinaryRun second = Code(out_, {"--review-format", "xlsx", "--decisions", decisions_});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(CheckFinalCoding(out_).size(), decisions.size());
}

}  // namespace
}  // namespace verbatim
