#include "io/input/csv_parser.h"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace verbatim {
namespace {

struct Parsed {
  std::vector<std::vector<std::string>> fields;
  std::vector<size_t> lines;
  std::vector<std::optional<CsvError>> errors;
  char delimiter = 0;
};

Parsed ParseAll(const std::string& input, char delimiter, size_t chunk_size) {
  std::istringstream in(input);
  CsvParser parser(in, delimiter, chunk_size);
  Parsed parsed;
  CsvRecord record;  // Reused on purpose: the parser must clear what it reuses.
  while (parser.Next(&record)) {
    parsed.fields.push_back(record.fields);
    parsed.lines.push_back(record.line);
    parsed.errors.push_back(record.error);
  }
  parsed.delimiter = parser.delimiter();
  return parsed;
}

// Small chunks put every byte, CR/LF pair and "" pair across a chunk boundary.
constexpr size_t kChunkSizes[] = {1, 2, 3, 7, CsvParser::kDefaultChunkSize};

struct ParseCase {
  const char* name;
  std::string input;
  char delimiter;
  std::vector<std::vector<std::string>> fields;
  std::vector<size_t> lines;
};

TEST(CsvParserTest, ParsesWellFormedInput) {
  const ParseCase cases[] = {
      {"lf", "a,b\nc,d\n", ',', {{"a", "b"}, {"c", "d"}}, {1, 2}},
      {"no final line end", "a,b\nc,d", ',', {{"a", "b"}, {"c", "d"}}, {1, 2}},
      {"crlf", "a,b\r\nc,d\r\n", ',', {{"a", "b"}, {"c", "d"}}, {1, 2}},
      {"lone cr", "a,b\rc,d\r", ',', {{"a", "b"}, {"c", "d"}}, {1, 2}},
      {"quoted delimiter", "\"a,b\",c\n", ',', {{"a,b", "c"}}, {1}},
      {"doubled quote", "\"say \"\"hi\"\"\",x\n", ',', {{"say \"hi\"", "x"}}, {1}},
      {"lf inside quotes", "\"l1\nl2\",x\ny,z\n", ',', {{"l1\nl2", "x"}, {"y", "z"}}, {1, 3}},
      {"crlf inside quotes kept",
       "\"l1\r\nl2\",x\r\ny,z",
       ',',
       {{"l1\r\nl2", "x"}, {"y", "z"}},
       {1, 3}},
      {"lone cr inside quotes", "\"l1\rl2\"\ry\r", ',', {{"l1\rl2"}, {"y"}}, {1, 3}},
      {"empty fields", ",,\n", ',', {{"", "", ""}}, {1}},
      {"empty quoted field", "\"\"\nx\n", ',', {{""}, {"x"}}, {1, 2}},
      {"blank lines skipped", "a\n\n\r\n\rb\n\n", ',', {{"a"}, {"b"}}, {1, 5}},
      {"leading blank lines skipped", "\n\na\n", ',', {{"a"}}, {3}},
      {"bom skipped",
       "\xEF\xBB\xBF"
       "a,b\n",
       ',',
       {{"a", "b"}},
       {1}},
      {"bom alone", "\xEF\xBB\xBF", ',', {}, {}},
      {"quote inside unquoted field is literal", "5\" screen,x\n", ',', {{"5\" screen", "x"}}, {1}},
      {"semicolon", "a;b,c\n", ';', {{"a", "b,c"}}, {1}},
      {"tab", "a\tb;c\n", '\t', {{"a", "b;c"}}, {1}},
      {"utf-8 kept",
       "\xC3\xA9t\xC3\xA9,\xC5\x93uf\n",
       ',',
       {{"\xC3\xA9t\xC3\xA9", "\xC5\x93uf"}},
       {1}},
      {"fewer fields after more", "a,b,c\nd\n", ',', {{"a", "b", "c"}, {"d"}}, {1, 2}},
      {"spaces kept", " a , b \n", ',', {{" a ", " b "}}, {1}},
      {"empty input", "", ',', {}, {}},
  };
  for (const ParseCase& c : cases) {
    for (size_t chunk_size : kChunkSizes) {
      SCOPED_TRACE(testing::Message() << "case \"" << c.name << "\", chunk size " << chunk_size);
      const Parsed parsed = ParseAll(c.input, c.delimiter, chunk_size);
      EXPECT_EQ(parsed.fields, c.fields);
      EXPECT_EQ(parsed.lines, c.lines);
      for (const auto& error : parsed.errors) EXPECT_FALSE(error) << error->message;
    }
  }
}

struct DetectCase {
  const char* name;
  std::string first_record;
  char expected;
};

TEST(CsvParserTest, DetectsTheDelimiterThatGivesTheMostFields) {
  const DetectCase cases[] = {
      {"comma", "a,b,c", ','},
      {"semicolon", "a;b;c", ';'},
      {"tab", "a\tb\tc", '\t'},
      {"tie goes to comma", "a;b,c", ','},
      {"semicolon beats one comma", "a;b;c,d", ';'},
      {"tie between semicolon and tab goes to semicolon", "a;b\tc", ';'},
      {"quotes respected", "\"x;y;z\",b", ','},
      {"doubled quotes inside quotes", "\"x\"\";y;z\",b", ','},
      {"only the first line", "a;b\nc,d,e,f", ';'},
      {"crlf ends the line", "a;b\r\nc,d,e,f", ';'},
      {"leading blank lines skipped", "\n\na;b", ';'},
      {"quoted line end is not the end", "\"x\ny\";b;c\nd,e,f,g,h", ';'},
      {"no delimiter at all", "abc", ','},
      {"empty", "", ','},
  };
  for (const DetectCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(CsvParser::DetectDelimiter(c.first_record), c.expected);
  }
}

TEST(CsvParserTest, AutoDetectsDelimiterFromHeaderAcrossChunks) {
  for (size_t chunk_size : kChunkSizes) {
    SCOPED_TRACE(testing::Message() << "chunk size " << chunk_size);
    const Parsed parsed = ParseAll(
        "\xEF\xBB\xBF"
        "Horodateur;Avis\r\n2019;\"a, b; c\"\r\n",
        CsvParser::kAutoDelimiter, chunk_size);
    EXPECT_EQ(parsed.delimiter, ';');
    const std::vector<std::vector<std::string>> expected = {{"Horodateur", "Avis"},
                                                            {"2019", "a, b; c"}};
    EXPECT_EQ(parsed.fields, expected);
  }
}

TEST(CsvParserTest, ByteOrderMarkThenBlankLinesDoesNotHideTheHeaderFromDetection) {
  // Regression (found by fuzz_csv_input): with small chunks the byte order
  // mark counted as the first record, so the header after the blank line
  // was not seen and ',' was used instead of ';'.
  for (size_t chunk_size : kChunkSizes) {
    SCOPED_TRACE(testing::Message() << "chunk size " << chunk_size);
    const Parsed parsed = ParseAll(
        "\xEF\xBB\xBF"
        "\n\r\nid;text\n1;a,b\n",
        CsvParser::kAutoDelimiter, chunk_size);
    EXPECT_EQ(parsed.delimiter, ';');
    const std::vector<std::vector<std::string>> expected = {{"id", "text"}, {"1", "a,b"}};
    EXPECT_EQ(parsed.fields, expected);
  }
}

TEST(CsvParserTest, DelimiterIsCommaBeforeDetection) {
  std::istringstream in("a;b\n");
  CsvParser parser(in);
  EXPECT_EQ(parser.delimiter(), ',');
}

TEST(CsvParserTest, UnterminatedQuoteRunsToEndAndNamesWhereTheFieldStarted) {
  for (size_t chunk_size : kChunkSizes) {
    SCOPED_TRACE(testing::Message() << "chunk size " << chunk_size);
    const Parsed parsed = ParseAll("a,b\nc,\"open\nmore\n", ',', chunk_size);
    ASSERT_EQ(parsed.fields.size(), 2u);
    EXPECT_FALSE(parsed.errors[0]);
    const std::vector<std::string> expected = {"c", "open\nmore\n"};
    EXPECT_EQ(parsed.fields[1], expected);
    EXPECT_EQ(parsed.lines[1], 2u);
    ASSERT_TRUE(parsed.errors[1]);
    EXPECT_EQ(parsed.errors[1]->line, 2u);
    EXPECT_EQ(parsed.errors[1]->column, 3u);
    EXPECT_NE(parsed.errors[1]->message.find("unterminated quoted field"), std::string::npos);
  }
}

TEST(CsvParserTest, CharacterAfterClosingQuoteIsKeptAndReported) {
  const Parsed parsed = ParseAll("x\n\"ab\"c,d\n", ',', CsvParser::kDefaultChunkSize);
  ASSERT_EQ(parsed.fields.size(), 2u);
  const std::vector<std::string> expected = {"abc", "d"};
  EXPECT_EQ(parsed.fields[1], expected);
  ASSERT_TRUE(parsed.errors[1]);
  EXPECT_EQ(parsed.errors[1]->line, 2u);
  EXPECT_EQ(parsed.errors[1]->column, 5u);
}

TEST(CsvParserTest, ErrorColumnCountsCharactersNotBytes) {
  const Parsed parsed = ParseAll("\xC3\xA9t\xC3\xA9,\"x\"y\n", ',', CsvParser::kDefaultChunkSize);
  ASSERT_EQ(parsed.errors.size(), 1u);
  ASSERT_TRUE(parsed.errors[0]);
  EXPECT_EQ(parsed.errors[0]->column, 8u);  // é t é , " x " y
}

TEST(CsvParserTest, LongFieldsKeepTheirBytesAndErrorColumnsCountTheirCharacters) {
  // Fields longer than the parser's 16-byte scan, with multi-byte
  // characters at every offset, before an error whose column is known.
  const std::vector<std::string> pieces = {"a", "é", "€", "😀", " ", "b", "''"};
  for (size_t length = 0; length < 70; ++length) {
    std::string unquoted, quoted;
    size_t characters = 0;
    for (size_t i = 0; i < length; ++i) {
      const std::string& piece = pieces[(i * 7 + length) % pieces.size()];
      unquoted += piece;
      quoted += piece;
      characters += piece == "''" ? 2 : 1;
    }
    // Row 2: <unquoted>,"<quoted>"x — the error is at the x.
    const std::string input = "h1,h2\n" + unquoted + ",\"" + quoted + "\"x\n";
    for (size_t chunk : kChunkSizes) {
      const Parsed parsed = ParseAll(input, ',', chunk);
      ASSERT_EQ(parsed.fields.size(), 2u);
      EXPECT_EQ(parsed.fields[1][0], unquoted) << length;
      EXPECT_EQ(parsed.fields[1][1], quoted + "x") << length;
      ASSERT_TRUE(parsed.errors[1]) << length;
      // Columns count from 1: the unquoted field, the comma, two quotes.
      EXPECT_EQ(parsed.errors[1]->column, 2 * characters + 4) << length << " chunk " << chunk;
    }
  }
}

TEST(CsvParserTest, ErrorOnOneRecordDoesNotLeakIntoTheNext) {
  const Parsed parsed = ParseAll("\"a\"b\nc\n", ',', CsvParser::kDefaultChunkSize);
  ASSERT_EQ(parsed.errors.size(), 2u);
  EXPECT_TRUE(parsed.errors[0]);
  EXPECT_FALSE(parsed.errors[1]);
}

TEST(CsvParserTest, StreamsManyRecordsThroughSmallChunks) {
  std::string input;
  constexpr int kRecords = 20000;
  for (int i = 0; i < kRecords; ++i) input += std::to_string(i) + ",\"line\nbreak\"\r\n";
  const Parsed parsed = ParseAll(input, ',', 16);
  ASSERT_EQ(parsed.fields.size(), static_cast<size_t>(kRecords));
  EXPECT_EQ(parsed.fields.back()[0], std::to_string(kRecords - 1));
  EXPECT_EQ(parsed.lines.back(), static_cast<size_t>(2 * kRecords - 1));
}

// Serves `content`, then fails as a disk read error would.
class FailingStreambuf : public std::streambuf {
 public:
  explicit FailingStreambuf(std::string content) : content_(std::move(content)) {
    setg(content_.data(), content_.data(), content_.data() + content_.size());
  }

 protected:
  int_type underflow() override { throw std::runtime_error("disk on fire"); }

 private:
  std::string content_;
};

TEST(CsvParserTest, ReportsReadFailure) {
  FailingStreambuf buffer("a,b\nc,d\n");
  std::istream in(&buffer);
  CsvParser parser(in, ',', 4);
  CsvRecord record;
  int records = 0;
  while (parser.Next(&record)) ++records;
  EXPECT_EQ(records, 2);
  EXPECT_TRUE(parser.read_failed());
}

TEST(CsvParserTest, EndOfInputIsNotAReadFailure) {
  std::istringstream in("a,b\n");
  CsvParser parser(in);
  CsvRecord record;
  while (parser.Next(&record)) {
  }
  EXPECT_FALSE(parser.read_failed());
}

}  // namespace
}  // namespace verbatim
