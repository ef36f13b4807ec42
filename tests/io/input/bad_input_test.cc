// The answer readers on the committed bad inputs of tests/data/bad_input/
// (the end-to-end view of the same files is in tests/e2e/cases/bad_input_*),
// and on the huge ones, generated here rather than committed.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "io/input/input_reader.h"

namespace verbatim {
namespace {

struct Row {
  std::string id;
  std::string text;
  std::string error;
  bool operator==(const Row&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Row& row) {
  return out << "{" << row.id << ", \"" << row.text << "\", \"" << row.error << "\"}";
}

struct Read {
  std::string open_error;
  std::vector<Row> rows;
};

Read ReadReader(Result<std::unique_ptr<RecordReader>> reader) {
  Read read;
  if (!reader) {
    read.open_error = FormatError(reader.error());
    return read;
  }
  InputRecord record;
  while ((*reader)->Next(&record)) read.rows.push_back({record.id, record.text, record.error});
  return read;
}

// Opened by a path relative to the repository, as the messages show it.
Read ReadDataFile(const std::string& name, InputOptions options = {}) {
  options.path = std::string(VERBATIM_SOURCE_DIR) + "/tests/data/bad_input/" + name;
  Read read = ReadReader(OpenInput(options));
  const std::string prefix = std::string(VERBATIM_SOURCE_DIR) + "/";
  auto strip = [&](std::string& message) {
    if (message.starts_with(prefix)) message.erase(0, prefix.size());
  };
  strip(read.open_error);
  for (Row& row : read.rows) strip(row.error);
  return read;
}

Read ReadString(const std::string& content, InputFormat format,
                InputEncoding encoding = InputEncoding::kAuto) {
  std::istringstream in(content);
  InputOptions options;
  options.format = format;
  options.encoding = encoding;
  return ReadReader(OpenInputStream(in, options));
}

TEST(BadInputTest, Utf16LittleEndianCsvIsReadAsUtf8) {
  const Read read = ReadDataFile("utf16le.csv");
  EXPECT_EQ(read.open_error, "");
  EXPECT_EQ(read.rows, (std::vector<Row>{{"1", "Revaloriser la CCAM", ""},
                                         {"2", "Dépassements, enfin libres", ""},
                                         {"3", "Rien à dire 😀", ""}}));
}

TEST(BadInputTest, Utf16BigEndianTextIsReadAsUtf8) {
  const Read read = ReadDataFile("utf16be.txt");
  EXPECT_EQ(read.rows,
            (std::vector<Row>{{"1", "Revaloriser la CCAM", ""}, {"2", "Dépassements libres", ""}}));
}

TEST(BadInputTest, Utf16WithoutByteOrderMarkIsRefusedAtTheHeader) {
  EXPECT_EQ(ReadDataFile("utf16_without_bom.csv").open_error,
            "tests/data/bad_input/utf16_without_bom.csv:1: the header holds NUL bytes: this is "
            "not UTF-8 text (UTF-16 or UTF-32 without a byte order mark, or a binary file?); save "
            "it as UTF-8 CSV");
}

TEST(BadInputTest, LoneCrEndsLinesInTextAndJsonLines) {
  EXPECT_EQ(ReadString("a\rb\r\r\nc\r\rd", InputFormat::kText).rows,
            (std::vector<Row>{{"1", "a", ""},
                              {"2", "b", ""},
                              {"3", "", ""},
                              {"4", "c", ""},
                              {"5", "", ""},
                              {"6", "d", ""}}));
  EXPECT_EQ(ReadString("{\"text\": \"x\"}\r{\"text\": \"y\"}\r", InputFormat::kJsonl).rows,
            (std::vector<Row>{{"1", "x", ""}, {"2", "y", ""}}));
}

TEST(BadInputTest, LoneCrFileKeepsItsLineNumbers) {
  const Read read = ReadDataFile("lone_cr.txt");
  ASSERT_EQ(read.rows.size(), 4u);
  EXPECT_EQ(read.rows[2], (Row{"3", "", ""}));
  EXPECT_EQ(read.rows[3], (Row{"4", "Rien", ""}));
}

TEST(BadInputTest, NulByteIsAnErrorRowWithItsOffset) {
  const std::string message =
      "NUL byte in the text at byte offset 1 (if every row has one, the file is UTF-16 without a "
      "byte order mark or binary: save it as UTF-8)";
  EXPECT_EQ(
      ReadString(std::string("text\na\0b\nc\n", 11), InputFormat::kCsv).rows,
      (std::vector<Row>{{"1", std::string("a\0b", 3), "<input>:2: " + message}, {"2", "c", ""}}));
  EXPECT_EQ(ReadString(std::string("a\0b\n", 4), InputFormat::kText).rows,
            (std::vector<Row>{{"1", std::string("a\0b", 3), "<input>:1: " + message}}));
  EXPECT_EQ(ReadString("{\"text\": \"a\\u0000b\"}\n", InputFormat::kJsonl).rows,
            (std::vector<Row>{{"1", std::string("a\0b", 3), "<input>:1: " + message}}));
}

TEST(BadInputTest, InvalidUtf8ComesBeforeNulInTheMessage) {
  const Read read =
      ReadString(std::string("text\n\0\xFF\n", 8), InputFormat::kCsv, InputEncoding::kUtf8);
  ASSERT_EQ(read.rows.size(), 1u);
  EXPECT_EQ(read.rows[0].error, "<input>:2: invalid UTF-8 in the text at byte offset 1");
}

TEST(BadInputTest, JsonNumberTooLargeIsAnErrorRow) {
  // Regression (found by fuzz_line_input): nlohmann throws out_of_range,
  // not parse_error, for a number a double cannot hold; it escaped the
  // reader and stopped the run with "internal error".
  EXPECT_EQ(
      ReadString("1e99999\n{\"id\": 2, \"text\": 1e999}\n{\"text\": \"ok\"}\n", InputFormat::kJsonl)
          .rows,
      (std::vector<Row>{{"1", "", "<input>:1: invalid JSON: number overflow parsing '1e99999'"},
                        {"2", "", "<input>:2: invalid JSON: number overflow parsing '1e999'"},
                        {"3", "ok", ""}}));
}

TEST(BadInputTest, EmptyAndBlankAnswersAreRowsWithoutError) {
  const Read read = ReadDataFile("empty_answer.csv");
  EXPECT_EQ(read.rows,
            (std::vector<Row>{
                {"1", "", ""}, {"2", "", ""}, {"3", "   ", ""}, {"4", "Revaloriser la CCAM", ""}}));
}

TEST(BadInputTest, MissingColumnListsTheColumns) {
  InputOptions options;
  options.column = "Avis";
  EXPECT_EQ(ReadDataFile("missing_column.csv", options).open_error,
            "tests/data/bad_input/missing_column.csv:1: --column \"Avis\": no such column; the "
            "columns are 1: \"Horodateur\", 2: \"Spécialité\", 3: \"Quels changements "
            "attendez-vous ?\"");
}

TEST(BadInputTest, ColumnListOfAHugeHeaderIsCut) {
  std::string header = std::string(100, 'h');
  for (int i = 0; i < 30; ++i) header += ",c" + std::to_string(i);
  std::istringstream in(header + "\n");
  InputOptions options;
  options.column = "Avis";
  const Read read = ReadReader(OpenInputStream(in, options));
  EXPECT_EQ(read.open_error.find(std::string(61, 'h')), std::string::npos) << read.open_error;
  EXPECT_TRUE(
      read.open_error.starts_with("<input>:1: --column \"Avis\": no such column; the "
                                  "columns are 1: \"" +
                                  std::string(60, 'h') + "…\", 2: \"c0\""))
      << read.open_error;
  EXPECT_TRUE(read.open_error.ends_with(", 20: \"c18\" and 11 more")) << read.open_error;
}

TEST(BadInputTest, TenMegabyteAnswerIsReadWhole) {
  std::string answer;
  while (answer.size() < 10 * 1024 * 1024) answer += "Revaloriser la CCAM, \"vraiment\". ";
  std::string quoted;
  for (char c : answer) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  const Read read = ReadString("id,text\n1,\"" + quoted + "\"\n2,fin\n", InputFormat::kCsv);
  ASSERT_EQ(read.rows.size(), 2u);
  EXPECT_EQ(read.rows[0].text, answer);
  EXPECT_EQ(read.rows[0].error, "");
  EXPECT_EQ(read.rows[1], (Row{"2", "fin", ""}));
}

TEST(BadInputTest, LineOfAMillionCommasIsOneErrorRow) {
  const Read read =
      ReadString("id,text\n1,a\n" + std::string(1'000'000, ',') + "\n3,c\n", InputFormat::kCsv);
  ASSERT_EQ(read.rows.size(), 3u);
  EXPECT_EQ(read.rows[1].error, "<input>:3: expected 2 fields (one per column), found 1000001");
  EXPECT_EQ(read.rows[2], (Row{"3", "c", ""}));
}

TEST(BadInputTest, HeaderOfAMillionCommasDefaultsToTheLastColumn) {
  const Read read = ReadString(std::string(1'000'000, ',') + "\n1,a\n", InputFormat::kCsv);
  EXPECT_EQ(read.open_error, "");
  ASSERT_EQ(read.rows.size(), 1u);
  EXPECT_EQ(read.rows[0].error, "<input>:2: expected 1000001 fields (one per column), found 2");
}

}  // namespace
}  // namespace verbatim
