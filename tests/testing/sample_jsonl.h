// The OPTAM sample (samples/optam_changes.csv) as JSON Lines, for the
// end-to-end tests of the recipes that cut a corpus at line ends
// (docs/scaling.md), and a CSV file's records for comparing their outputs.
#ifndef VERBATIM_TESTS_TESTING_SAMPLE_JSONL_H_
#define VERBATIM_TESTS_TESTING_SAMPLE_JSONL_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/input/csv_parser.h"

namespace verbatim::testing {

// The answers of samples/optam_changes.csv.
constexpr int kSampleAnswers = 129;

// The records of the CSV file at `path`, header included.
inline std::vector<std::vector<std::string>> ReadCsvRows(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  CsvParser parser(in, ',');
  CsvRecord record;
  std::vector<std::vector<std::string>> rows;
  while (parser.Next(&record)) rows.push_back(record.fields);
  return rows;
}

// Writes the sample's answers to `path` as {"id": "r<row>", "text": …}, one
// per line; the ids are what ties a piece's rows to the input. Fails the
// test when the sample is not the one expected.
inline void WriteSampleAsJsonl(const std::filesystem::path& path) {
  const auto rows =
      ReadCsvRows(std::filesystem::path(VERBATIM_SOURCE_DIR) / "samples/optam_changes.csv");
  ASSERT_EQ(rows.size(), kSampleAnswers + 1u);
  const size_t text_column = rows[0].size() - 1;
  ASSERT_EQ(rows[0][text_column], "Quels changements attendez-vous ?");
  std::ofstream out(path, std::ios::binary);
  for (size_t i = 1; i < rows.size(); ++i) {
    nlohmann::json line = {{"id", "r" + std::to_string(i)}, {"text", rows[i][text_column]}};
    out << line.dump() << '\n';
  }
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_SAMPLE_JSONL_H_
