#include "io/output/coded_jsonl.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "run/codebook_setup.h"
#include "core/decision_ledger.h"
#include "io/output/coded_table.h"
#include "io/output/csv_writer.h"
#include "io/input/csv_parser.h"

namespace verbatim {
namespace {

using nlohmann::ordered_json;

const std::string kMinimal =
    std::string(VERBATIM_SOURCE_DIR) + "/tests/data/codebooks/minimal.yaml";

InputRecord Record(size_t row, std::string id, std::string text, std::string error = "") {
  InputRecord record;
  record.row = row;
  record.line = row + 1;
  record.id = std::move(id);
  record.text = std::move(text);
  record.error = std::move(error);
  return record;
}

// Rows that reach every column: coded, a theme alone, uncoded, disputed
// (conflict), negated, weak, three reasons at once, a bad record.
std::vector<InputRecord> Records() {
  return {Record(1, "a1", "Revaloriser les actes techniques"),
          Record(2, "a2", "revalorisation générale"),
          Record(3, "a3", "rien à dire"),
          Record(4, "a4", "Hausse de la CCAM et liberté des dépassements"),
          Record(5, "a5", "pas de dépassement"),
          Record(6, "a6", "la ccam"),
          Record(7, "a7", "", "input.csv:8:3: invalid UTF-8"),
          Record(8, "with \"quotes\",\ncomma and line end", "G = 30 €"),
          Record(9, "a9", "la ccam, et pas de dépassement")};
}

CodingResult Code(const CompiledCodebook& codebook, const InputRecord& record) {
  if (!record.error.empty()) {
    CodingResult result;
    result.status = AnswerStatus::kError;
    result.error = record.error;
    return result;
  }
  return CodeAnswer(codebook, record.text);
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::istringstream in(text);
  CsvParser parser(in, ',');
  CsvRecord record;
  std::vector<std::vector<std::string>> rows;
  while (parser.Next(&record)) {
    EXPECT_FALSE(record.error.has_value());
    rows.push_back(record.fields);
  }
  return rows;
}

std::vector<ordered_json> ParseJsonl(const std::string& text) {
  std::vector<ordered_json> objects;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) objects.push_back(ordered_json::parse(line));
  return objects;
}

// A JSON value as coded.csv writes it: arrays joined with ';'.
std::string AsCsvField(const ordered_json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_unsigned()) return std::to_string(value.get<unsigned long long>());
  if (value.is_array()) {
    std::string out;
    for (const ordered_json& item : value) {
      EXPECT_TRUE(item.is_string()) << item.dump();
      out += (out.empty() ? "" : ";") + item.get<std::string>();
    }
    return out;
  }
  ADD_FAILURE() << "unexpected JSON value " << value.dump();
  return "";
}

// Parses both outputs and compares them key by key, in column order: the
// same values but for the CSV's formula guard.
void ExpectSameAsCodedCsv(const std::string& csv, const std::string& jsonl, size_t rows) {
  const auto table = ParseCsv(csv);
  const auto objects = ParseJsonl(jsonl);
  ASSERT_EQ(table.size(), rows + 1);
  ASSERT_EQ(objects.size(), rows);
  const std::vector<std::string>& header = table[0];
  for (size_t r = 0; r < rows; ++r) {
    SCOPED_TRACE("row " + std::to_string(r + 1) + ": " + objects[r].dump());
    const ordered_json& object = objects[r];
    ASSERT_EQ(object.size(), header.size());
    size_t column = 0;
    for (const auto& [key, value] : object.items()) {
      EXPECT_EQ(key, header[column]) << "key " << column;
      // The CSV guards a cell a spreadsheet would run as a formula with a
      // leading ' (io/output/csv_writer.h); JSON holds the value as is.
      EXPECT_EQ(AsCsvField(value), StripFormulaGuard(table[r + 1][column])) << "column " << key;
      ++column;
    }
  }
}

class CodedJsonlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setup_ = SetUpCodebook(kMinimal);
    ASSERT_NE(setup_.compiled, nullptr);
  }
  const CompiledCodebook& codebook() const { return *setup_.compiled; }

  CodebookSetup setup_;
};

TEST_F(CodedJsonlTest, HoldsWhatCodedCsvHoldsKeyByKey) {
  std::ostringstream csv, jsonl;
  CodedTableWriter table(csv, codebook());
  CodedJsonlWriter lines(jsonl, codebook());
  for (const InputRecord& record : Records()) {
    const CodingResult result = Code(codebook(), record);
    table.Write(record, result);
    lines.Write(record, result);
  }
  ExpectSameAsCodedCsv(csv.str(), jsonl.str(), Records().size());
}

TEST_F(CodedJsonlTest, DecisionColumnsHoldWhatCodedCsvHolds) {
  DecisionRecord decided;
  decided.id = "a3";
  decided.decision = "=liberte_tarifaire.depassements";
  decided.codes = {"liberte_tarifaire.depassements"};
  DecisionRecord stale;
  stale.id = "a4";
  stale.decision = "ok";
  std::ostringstream csv, jsonl;
  CodedTableWriter table(csv, codebook(), DecisionColumns::kInclude);
  CodedJsonlWriter lines(jsonl, codebook(), DecisionColumns::kInclude);
  for (const InputRecord& record : Records()) {
    const CodingResult result = Code(codebook(), record);
    DecisionMatch match;
    if (record.id == "a3" || record.id == "a7") {
      match.state = DecisionState::kApplied;
      match.record = &decided;
      match.codes = {codebook().codebook().FindCode("liberte_tarifaire.depassements")};
    } else if (record.id == "a4") {
      match.state = DecisionState::kStale;
      match.record = &stale;
    }
    const FinalCoding final = FinalCodingOf(result, match);
    table.Write(record, result, final, match);
    lines.Write(record, result, final, match);
  }
  ExpectSameAsCodedCsv(csv.str(), jsonl.str(), Records().size());
  const auto objects = ParseJsonl(jsonl.str());
  EXPECT_EQ(objects[2]["decided"], "applied");
  EXPECT_EQ(objects[2]["codes"], ordered_json::array({"liberte_tarifaire.depassements"}));
  EXPECT_EQ(objects[2]["liberte_tarifaire"], 1);
  EXPECT_EQ(objects[2]["machine_status"], "uncoded");
  EXPECT_EQ(objects[3]["decided"], "stale");
  EXPECT_EQ(objects[6]["status"], "error") << "a decision never hides a row that could not be read";
}

TEST_F(CodedJsonlTest, TypesAreJsonNotText) {
  std::ostringstream jsonl;
  CodedJsonlWriter lines(jsonl, codebook());
  const InputRecord record = Record(12, "x", "Revaloriser les actes techniques");
  lines.Write(record, CodeAnswer(codebook(), record.text));
  const ordered_json object = ordered_json::parse(jsonl.str());
  EXPECT_EQ(object["row"], 12);
  EXPECT_EQ(object["status"], "coded");
  EXPECT_EQ(object["codes"], ordered_json::array({"revalorisation.ccam"}));
  EXPECT_TRUE(object["reasons"].is_array());
  EXPECT_EQ(object["error"], "");
  EXPECT_EQ(object["revalorisation"], 1);
  EXPECT_EQ(object["revalorisation.ccam"], 1);
  EXPECT_EQ(object["liberte_tarifaire"], 0);
  EXPECT_FALSE(object.contains("decided"));
}

TEST_F(CodedJsonlTest, ListsAreArraysOfIds) {
  std::ostringstream jsonl;
  CodedJsonlWriter lines(jsonl, codebook());
  const InputRecord record = Record(1, "a9", "la ccam, et pas de dépassement");
  lines.Write(record, CodeAnswer(codebook(), record.text));
  const ordered_json object = ordered_json::parse(jsonl.str());
  EXPECT_EQ(object["status"], "disputed");
  EXPECT_EQ(object["codes"], ordered_json::array());
  EXPECT_EQ(object["proposed"],
            ordered_json::array({"revalorisation.ccam", "liberte_tarifaire.depassements"}));
  EXPECT_EQ(object["reasons"], ordered_json::array({"weak", "negated", "conflict"}));
}

TEST_F(CodedJsonlTest, OneLinePerRowAndNoHeader) {
  std::ostringstream jsonl;
  CodedJsonlWriter lines(jsonl, codebook());
  EXPECT_EQ(jsonl.str(), "") << "no header: parts can be concatenated";
  for (const InputRecord& record : Records()) lines.Write(record, Code(codebook(), record));
  const std::string text = jsonl.str();
  EXPECT_EQ(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')), Records().size());
  EXPECT_EQ(text.back(), '\n');
}

TEST_F(CodedJsonlTest, KeepsUtf8AsIs) {
  std::ostringstream jsonl;
  CodedJsonlWriter lines(jsonl, codebook());
  const InputRecord record = Record(1, "réponse-é", "liberté des dépassements");
  lines.Write(record, CodeAnswer(codebook(), record.text));
  EXPECT_NE(jsonl.str().find("\"id\":\"réponse-é\""), std::string::npos) << jsonl.str();
  EXPECT_NE(jsonl.str().find("dépassements"), std::string::npos) << jsonl.str();
}

TEST_F(CodedJsonlTest, InvalidUtf8IsReplacedNotThrown) {
  std::ostringstream jsonl;
  CodedJsonlWriter lines(jsonl, codebook());
  const InputRecord bad_id = Record(1,
                                    "r\xFF"
                                    "1",
                                    "revalorisation");
  const InputRecord bad_error = Record(2, "r2", "", "input.csv:3: invalid UTF-8 near '\xC3('");
  EXPECT_NO_THROW(lines.Write(bad_id, CodeAnswer(codebook(), bad_id.text)));
  EXPECT_NO_THROW(lines.Write(bad_error, Code(codebook(), bad_error)));
  const auto objects = ParseJsonl(jsonl.str());
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0]["id"],
            "r\xEF\xBF\xBD"
            "1");
  EXPECT_EQ(objects[1]["error"], "input.csv:3: invalid UTF-8 near '\xEF\xBF\xBD('");
  EXPECT_EQ(objects[1]["status"], "error");
}

}  // namespace
}  // namespace verbatim
