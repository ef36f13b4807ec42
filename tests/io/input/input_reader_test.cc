#include "io/input/input_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <utility>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "io/input/sha256.h"
#include "tests/testing/gzip.h"

namespace verbatim {
namespace {

struct ReadResult {
  std::string open_error;  // FormatError of the Error OpenInput* returned, if any.
  std::string text_column;
  std::vector<InputRecord> records;
};

ReadResult ReadAll(RecordReader& reader) {
  ReadResult result;
  result.text_column = reader.TextColumnName();
  InputRecord record;
  while (reader.Next(&record)) result.records.push_back(record);
  return result;
}

ReadResult ReadString(const std::string& content, InputOptions options = {}) {
  std::istringstream in(content);
  Result<std::unique_ptr<RecordReader>> reader = OpenInputStream(in, options);
  if (!reader) return ReadResult{FormatError(reader.error()), "", {}};
  return ReadAll(**reader);
}

ReadResult ReadCsv(const std::string& content, std::string column = "",
                   std::string id_column = "") {
  InputOptions options;
  options.format = InputFormat::kCsv;
  options.column = std::move(column);
  options.id_column = std::move(id_column);
  return ReadString(content, options);
}

// Read with --encoding utf-8: every bad byte is an error row (with the
// default, an input whose first bad byte comes before any accent is refused
// whole; see InputEncodingTest).
ReadResult ReadUtf8(const std::string& content, InputFormat format) {
  InputOptions options;
  options.format = format;
  options.encoding = InputEncoding::kUtf8;
  return ReadString(content, options);
}

ReadResult ReadFile(const std::string& path, InputOptions options = {}) {
  options.path = path;
  Result<std::unique_ptr<RecordReader>> reader = OpenInput(options);
  if (!reader) return ReadResult{FormatError(reader.error()), "", {}};
  return ReadAll(**reader);
}

std::vector<std::string> Texts(const ReadResult& result) {
  std::vector<std::string> texts;
  for (const InputRecord& record : result.records) texts.push_back(record.text);
  return texts;
}

std::vector<std::string> Ids(const ReadResult& result) {
  std::vector<std::string> ids;
  for (const InputRecord& record : result.records) ids.push_back(record.id);
  return ids;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string DataPath(const std::string& name) {
  return std::string(VERBATIM_SOURCE_DIR) + "/tests/data/input/" + name;
}

// --- Formats -----------------------------------------------------------------

TEST(InputReaderTest, ParsesFormatNames) {
  const std::pair<std::string, std::optional<InputFormat>> cases[] = {
      {"auto", InputFormat::kAuto},
      {"csv", InputFormat::kCsv},
      {"jsonl", InputFormat::kJsonl},
      {"text", InputFormat::kText},
      {"CSV", std::nullopt},
      {"xlsx", std::nullopt},
      {"", std::nullopt}};
  for (const auto& [name, expected] : cases) {
    SCOPED_TRACE("name \"" + name + "\"");
    EXPECT_EQ(ParseInputFormat(name), expected);
  }
}

TEST(InputReaderTest, AutoFormatFollowsTheExtension) {
  struct Case {
    std::string path;
    std::string content;
    std::vector<std::string> texts;
  };
  const Case cases[] = {
      {"a.csv", "id,text\n1,x;y\n", {"x;y"}},
      {"a.tsv", "text\n1,2;3\n", {"1,2;3"}},  // Tab even though the header has none.
      {"a.jsonl", "{\"text\": \"x\"}\n", {"x"}},
      {"a.NDJSON", "{\"text\": \"x\"}\n", {"x"}},
      {"a.txt", "x,y\n", {"x,y"}},
      {"a.dat", "text\nx\n", {"x"}},
      {"-", "text\nx\n", {"x"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("path " + c.path);
    InputOptions options;
    options.path = c.path;
    const ReadResult result = ReadString(c.content, options);
    EXPECT_EQ(result.open_error, "");
    EXPECT_EQ(Texts(result), c.texts);
  }
}

TEST(InputReaderTest, GivenFormatOverridesTheExtension) {
  InputOptions options;
  options.path = "answers.csv";
  options.format = InputFormat::kText;
  EXPECT_EQ(Texts(ReadString("a,b\n", options)), std::vector<std::string>{"a,b"});
}

// --- CSV ---------------------------------------------------------------------

TEST(CsvInputTest, DefaultTextColumnIsLastThatIsNotTimestampOrId) {
  struct Case {
    std::string header;
    std::string expected;
  };
  const Case cases[] = {
      {"Horodateur,Votre avis", "Votre avis"}, {"Timestamp,Your opinion", "Your opinion"},
      {"Votre avis,id", "Votre avis"},         {"q1,q2,ID", "q2"},
      {"Horodatage,avis,Horodateur", "avis"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("header " + c.header);
    EXPECT_EQ(ReadCsv(c.header + "\n").text_column, c.expected);
  }
}

TEST(CsvInputTest, NoDefaultTextColumnIsAnError) {
  const ReadResult result = ReadCsv("Horodateur,id\n");
  EXPECT_TRUE(Contains(result.open_error, "<input>:1: no text column")) << result.open_error;
}

TEST(CsvInputTest, IdDefaultsToDataRowNumber) {
  const ReadResult result = ReadCsv("text\na\nb\n");
  EXPECT_EQ(Ids(result), (std::vector<std::string>{"1", "2"}));
}

TEST(CsvInputTest, ChoosesTextColumnByName) {
  struct Case {
    std::string header;
    std::string spec;
    std::string expected_column;
  };
  const Case cases[] = {
      {"avis,Avis", "Avis", "Avis"},  // Exact beats folded.
      {"id,Votre avis,autre", "votre avis", "Votre avis"},
      {"id,Votre avis,autre", "VOTRE AVIS", "Votre avis"},
      {"id,Votre avis,autre", "votreavis", "Votre avis"},
      {"id,\xC3\x89tat du syst\xC3\xA8me,autre", "etat du systeme",
       "\xC3\x89tat du syst\xC3\xA8me"},
      {"id,Qu\xE2\x80\x99"
       "en pensez-vous\xC2\xA0?,autre",
       "qu'en pensez-vous ?",
       "Qu\xE2\x80\x99"
       "en pensez-vous\xC2\xA0?"},
      {"id,\xC5\x92uvre,autre", "oeuvre", "\xC5\x92uvre"},
      {"id,text,autre", "2", "text"},
      {"1,2,3", "3", "3"},  // A header that looks like an index is a name first.
      {"x,3,y", "3", "3"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("header " + c.header + ", --column " + c.spec);
    const ReadResult result = ReadCsv(c.header + "\n", c.spec);
    EXPECT_EQ(result.open_error, "");
    EXPECT_EQ(result.text_column, c.expected_column);
  }
}

TEST(CsvInputTest, ReadsTheChosenColumnsValues) {
  const ReadResult result = ReadCsv("id,avis,autre\nr1,bien,x\nr2,mal,y\n", "avis", "id");
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"bien", "mal"}));
  EXPECT_EQ(Ids(result), (std::vector<std::string>{"r1", "r2"}));
}

TEST(CsvInputTest, MissingColumnListsTheColumns) {
  const ReadResult result = ReadCsv("id,question,text\n", "answer");
  EXPECT_EQ(result.open_error,
            "<input>:1: --column \"answer\": no such column; the columns are "
            "1: \"id\", 2: \"question\", 3: \"text\"");
}

TEST(CsvInputTest, MissingIdColumnIsAnError) {
  const ReadResult result = ReadCsv("id,text\n", "", "respondent");
  EXPECT_TRUE(Contains(result.open_error, "--id-column \"respondent\": no such column"))
      << result.open_error;
}

TEST(CsvInputTest, ColumnIndexOutOfRangeIsAnError) {
  for (const std::string spec : {"0", "4"}) {
    SCOPED_TRACE("--column " + spec);
    const ReadResult result = ReadCsv("a,b,c\n", spec);
    EXPECT_TRUE(Contains(result.open_error, "no such column index")) << result.open_error;
  }
}

TEST(CsvInputTest, AmbiguousFoldedNameIsAnError) {
  const ReadResult result = ReadCsv("Avis,AVIS\n", "avis");
  EXPECT_TRUE(Contains(result.open_error, "matches several columns")) << result.open_error;
}

TEST(CsvInputTest, DetectsOrUsesTheDelimiter) {
  struct Case {
    const char* name;
    std::string content;
    char delimiter;
    std::vector<std::string> texts;
  };
  const Case cases[] = {
      {"comma", "id,text\n1,a;b\n", 0, {"a;b"}},
      {"semicolon", "id;text\n1;a,b\n", 0, {"a,b"}},
      {"tab", "id\ttext\n1\ta,b;c\n", 0, {"a,b;c"}},
      {"given", "id;text,x\n1;a,b\n", ';', {"a,b"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    InputOptions options;
    options.format = InputFormat::kCsv;
    options.delimiter = c.delimiter;
    const ReadResult result = ReadString(c.content, options);
    EXPECT_EQ(Texts(result), c.texts);
    for (const InputRecord& record : result.records) EXPECT_EQ(record.error, "");
  }
}

TEST(CsvInputTest, WrongFieldCountIsAnErrorRowAndReadingGoesOn) {
  struct Case {
    const char* name;
    std::string row;
    std::string error;
  };
  const Case cases[] = {
      {"too many", "2,b,extra", "<input>:3: expected 2 fields (one per column), found 3"},
      {"too few", "2", "<input>:3: expected 2 fields (one per column), found 1"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const ReadResult result = ReadCsv("id,text\n1,a\n" + c.row + "\n3,c\n");
    ASSERT_EQ(result.records.size(), 3u);
    EXPECT_EQ(result.records[0].error, "");
    EXPECT_EQ(result.records[1].error, c.error);
    EXPECT_EQ(result.records[1].row, 2u);
    EXPECT_EQ(result.records[2].error, "");
    EXPECT_EQ(result.records[2].text, "c");
  }
}

TEST(CsvInputTest, InvalidUtf8GivesByteOffsetAndKeepsText) {
  const ReadResult result = ReadUtf8(
      "id,text\n1,ab\xFF"
      "cd\n",
      InputFormat::kCsv);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].text,
            "ab\xFF"
            "cd");
  EXPECT_EQ(result.records[0].error, "<input>:2: invalid UTF-8 in the text at byte offset 2");
}

TEST(CsvInputTest, RejectsMalformedUtf8Sequences) {
  const std::pair<const char*, std::string> cases[] = {{"truncated", "a\xC3"},
                                                       {"overlong", "a\xC0\xAF"},
                                                       {"surrogate", "a\xED\xA0\x80"},
                                                       {"above U+10FFFF", "a\xF4\x90\x80\x80"},
                                                       {"lone continuation", "a\x80"}};
  for (const auto& [name, text] : cases) {
    SCOPED_TRACE(name);
    const ReadResult result = ReadUtf8("text\n" + text + "\n", InputFormat::kCsv);
    ASSERT_EQ(result.records.size(), 1u);
    EXPECT_TRUE(Contains(result.records[0].error, "at byte offset 1")) << result.records[0].error;
  }
}

TEST(CsvInputTest, AcceptsValidMultibyteUtf8) {
  const ReadResult result = ReadCsv("text\n\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].error, "");
}

TEST(CsvInputTest, UnterminatedQuoteIsAnErrorRowAfterTheGoodRows) {
  const ReadResult result = ReadCsv("id,text\n1,ok\n2,\"open\n3,x\n");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].error, "");
  EXPECT_EQ(result.records[1].line, 3u);
  EXPECT_EQ(result.records[1].id, "2");
  EXPECT_EQ(result.records[1].text, "open\n3,x\n");
  EXPECT_EQ(result.records[1].error,
            "<input>:3:3: unterminated quoted field (it runs to the end of the input)");
}

TEST(CsvInputTest, UnterminatedQuoteInHeaderIsAnError) {
  const ReadResult result = ReadCsv("id,\"text\n1,a\n");
  EXPECT_EQ(result.open_error,
            "<input>:1:4: in the header: unterminated quoted field (it runs to the end of the "
            "input)");
}

TEST(CsvInputTest, BlankLinesBetweenRecordsAreSkipped) {
  const ReadResult result = ReadCsv("text\na\n\n\r\nb\n\n");
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[1].row, 2u);
  EXPECT_EQ(result.records[1].line, 5u);
}

TEST(CsvInputTest, RecordsStartLineCountsLinesInsideQuotes) {
  const ReadResult result = ReadCsv("text\n\"a\r\nb\"\r\nc\r\n");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].text, "a\r\nb");
  EXPECT_EQ(result.records[1].line, 4u);
}

TEST(CsvInputTest, EmptyFileIsAnError) {
  const std::pair<const char*, std::string> cases[] = {
      {"no bytes", ""}, {"byte order mark only", "\xEF\xBB\xBF"}, {"blank lines only", "\n\r\n"}};
  for (const auto& [name, content] : cases) {
    SCOPED_TRACE(name);
    InputOptions options;
    options.path = "answers.csv";
    EXPECT_EQ(ReadString(content, options).open_error, "answers.csv: empty file");
  }
}

TEST(CsvInputTest, HeaderOnlyGivesNoRecords) {
  const ReadResult result = ReadCsv("Horodateur;Avis\r\n");
  EXPECT_EQ(result.open_error, "");
  EXPECT_TRUE(result.records.empty());
}

TEST(CsvInputTest, RowErrorsNameTheFile) {
  InputOptions options;
  options.path = "answers.csv";
  const ReadResult result = ReadString("id,text\n1\n", options);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_TRUE(result.records[0].error.starts_with("answers.csv:2: ")) << result.records[0].error;
}

// --- JSON Lines ----------------------------------------------------------------

ReadResult ReadJsonl(const std::string& content, std::string column = "",
                     std::string id_column = "") {
  InputOptions options;
  options.format = InputFormat::kJsonl;
  options.column = std::move(column);
  options.id_column = std::move(id_column);
  return ReadString(content, options);
}

TEST(JsonlInputTest, ReadsTextAndId) {
  const ReadResult result = ReadJsonl(
      "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": 42, \"text\": \"y\"}\n{\"text\": \"z\"}\n");
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_EQ(Ids(result), (std::vector<std::string>{"a", "42", "3"}));
  for (const InputRecord& record : result.records) EXPECT_EQ(record.error, "");
  EXPECT_EQ(result.text_column, "text");
}

TEST(JsonlInputTest, UsesTheGivenKeys) {
  const ReadResult result =
      ReadJsonl("{\"n\": 7, \"answer\": \"x\", \"id\": \"no\"}\n", "answer", "n");
  EXPECT_EQ(Texts(result), std::vector<std::string>{"x"});
  EXPECT_EQ(Ids(result), std::vector<std::string>{"7"});
  EXPECT_EQ(result.text_column, "answer");
}

TEST(JsonlInputTest, BadLineIsAnErrorRowAndReadingGoesOn) {
  struct Case {
    const char* name;
    std::string line;
    std::string error;
  };
  const Case cases[] = {
      {"invalid JSON", "{\"text\": }", "<input>:2:10: invalid JSON: syntax error"},
      {"truncated JSON", "{\"text\": \"a", "<input>:2:"},
      {"not an object", "[\"a\"]", "<input>:2: expected a JSON object, found array"},
      {"no text key", "{\"txt\": \"a\"}", "<input>:2: no \"text\" key"},
      {"text not a string", "{\"text\": 3}", "<input>:2: \"text\" is a number, not a string"},
      {"invalid UTF-8", "{\"text\": \"a\xFF\"}", "<input>:2:"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const ReadResult result =
        ReadUtf8("{\"text\": \"a\"}\n" + c.line + "\n{\"text\": \"c\"}\n", InputFormat::kJsonl);
    ASSERT_EQ(result.records.size(), 3u);
    EXPECT_EQ(result.records[1].line, 2u);
    EXPECT_EQ(result.records[1].id, "2");
    EXPECT_TRUE(result.records[1].error.starts_with(c.error)) << result.records[1].error;
    EXPECT_EQ(result.records[2].error, "");
    EXPECT_EQ(result.records[2].text, "c");
  }
}

TEST(JsonlInputTest, MissingGivenIdKeyIsAnErrorRow) {
  const ReadResult result = ReadJsonl("{\"text\": \"a\"}\n", "", "respondent");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].error, "<input>:1: no \"respondent\" key");
  EXPECT_EQ(result.records[0].text, "a");
}

TEST(JsonlInputTest, BlankLinesAreSkippedAndLinesCounted) {
  const ReadResult result = ReadJsonl("\n{\"text\": \"a\"}\r\n  \r\n{\"text\": \"b\"}");
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Ids(result), (std::vector<std::string>{"2", "4"}));
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[1].row, 2u);
}

TEST(JsonlInputTest, SkipsByteOrderMark) {
  const ReadResult result = ReadJsonl("\xEF\xBB\xBF{\"text\": \"a\"}\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].error, "");
}

TEST(JsonlInputTest, EmptyFileIsAnError) {
  EXPECT_EQ(ReadJsonl("").open_error, "<input>: empty file");
}

// --- Plain text ----------------------------------------------------------------

ReadResult ReadText(const std::string& content) {
  InputOptions options;
  options.format = InputFormat::kText;
  return ReadString(content, options);
}

TEST(TextInputTest, EveryLineIsARowIncludingEmptyOnes) {
  const ReadResult result = ReadText("a\n\nb\r\nc");
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"a", "", "b", "c"}));
  EXPECT_EQ(Ids(result), (std::vector<std::string>{"1", "2", "3", "4"}));
}

TEST(TextInputTest, FinalLineEndDoesNotMakeARow) {
  EXPECT_EQ(Texts(ReadText("a\nb\n")), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Texts(ReadText("a\n\n")), (std::vector<std::string>{"a", ""}));
}

TEST(TextInputTest, InvalidUtf8IsAnErrorRow) {
  const ReadResult result = ReadUtf8("ok\nab\xFF\n", InputFormat::kText);
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[1].error, "<input>:2: invalid UTF-8 in the text at byte offset 2");
  EXPECT_EQ(result.records[1].text, "ab\xFF");
}

TEST(TextInputTest, HasNoColumnName) { EXPECT_EQ(ReadText("a\n").text_column, ""); }

TEST(TextInputTest, EmptyFileIsAnError) {
  EXPECT_EQ(ReadText("").open_error, "<input>: empty file");
}

// --- Files and standard input ----------------------------------------------------

TEST(InputFileTest, ReadsGoogleFormsExport) {
  const ReadResult result = ReadFile(DataPath("google_forms.csv"));
  ASSERT_EQ(result.open_error, "");
  EXPECT_EQ(result.text_column, "Que pensez-vous du syst\xC3\xA8me de sant\xC3\xA9\xC2\xA0?");
  EXPECT_EQ(Texts(result),
            (std::vector<std::string>{"Trop d\xE2\x80\x99"
                                      "attente aux urgences",
                                      "Deux probl\xC3\xA8mes :\r\n- les d\xC3\xA9serts m\xC3\xA9"
                                      "dicaux\r\n- le prix des "
                                      "mutuelles",
                                      "Plus de m\xC3\xA9"
                                      "decins; et des \"maisons de sant\xC3\xA9\""}));
  EXPECT_EQ(Ids(result), (std::vector<std::string>{"1", "2", "3"}));
  ASSERT_EQ(result.records.size(), 3u);
  EXPECT_EQ(result.records[2].line, 6u);
  for (const InputRecord& record : result.records) EXPECT_EQ(record.error, "");
}

TEST(InputFileTest, ChoosesGoogleFormsQuestionByFoldedName) {
  InputOptions options;
  options.column = "que pensez-vous du systeme de sante ?";
  EXPECT_EQ(ReadFile(DataPath("google_forms.csv"), options).records.size(), 3u);
}

TEST(InputFileTest, ReadsJsonlWithABadLine) {
  const ReadResult result = ReadFile(DataPath("answers.jsonl"));
  ASSERT_EQ(result.open_error, "");
  ASSERT_EQ(result.records.size(), 4u);
  EXPECT_EQ(Ids(result), (std::vector<std::string>{"a1", "2", "3", "a4"}));
  EXPECT_TRUE(result.records[2].error.starts_with(DataPath("answers.jsonl") + ":3:"))
      << result.records[2].error;
  EXPECT_EQ(result.records[3].line, 5u);
}

TEST(InputFileTest, ReadsText) {
  const ReadResult result = ReadFile(DataPath("answers.txt"));
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"Les urgences sont satur\xC3\xA9"
                                                     "es",
                                                     "",
                                                     "Pas assez de m\xC3\xA9"
                                                     "decins",
                                                     "Trop cher"}));
}

TEST(InputFileTest, MissingFileIsAnError) {
  const ReadResult result = ReadFile("/nonexistent/answers.csv");
  EXPECT_EQ(result.open_error, "cannot open /nonexistent/answers.csv: No such file or directory");
}

TEST(InputFileTest, DirectoryIsAnError) {
  const ReadResult result = ReadFile(DataPath(""));
  EXPECT_TRUE(Contains(result.open_error, "is a directory")) << result.open_error;
}

TEST(InputFileTest, DashReadsStandardInputAsCsv) {
  std::istringstream fake_stdin("id;text\n1;bonjour\n");
  std::streambuf* saved = std::cin.rdbuf(fake_stdin.rdbuf());
  const ReadResult result = ReadFile("-");
  std::cin.rdbuf(saved);
  EXPECT_EQ(Texts(result), std::vector<std::string>{"bonjour"});
}

TEST(InputFileTest, ReadsTheHealthCorpus) {
  // The corpus sits next to the main checkout; worktrees live one level deeper.
  const std::string source_dir = VERBATIM_SOURCE_DIR;
  std::string path = source_dir + "/../shared/corpora/health.csv";
  if (!std::filesystem::exists(path)) path = source_dir + "/../../shared/corpora/health.csv";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "corpus not present: " << source_dir << "/../shared/corpora/health.csv";
  }
  InputOptions options;
  options.path = path;
  options.column = "text";
  Result<std::unique_ptr<RecordReader>> reader = OpenInput(options);
  ASSERT_TRUE(reader) << FormatError(reader.error());
  EXPECT_EQ((*reader)->TextColumnName(), "text");
  size_t records = 0;
  size_t errors = 0;
  InputRecord record;
  while ((*reader)->Next(&record)) {
    ++records;
    if (!record.error.empty()) {
      ++errors;
      ADD_FAILURE() << record.error;
      if (errors > 5) break;
    }
  }
  EXPECT_EQ(records, 28520u);
  EXPECT_EQ(errors, 0u);
}

}  // namespace
}  // namespace verbatim

namespace verbatim {
namespace {

// Inputs as people have them (issue #18): encodings, gzip, standard input.

const char kExcelFr[] = "tests/data/input/excel_fr_windows1252.csv";
const char kGzipped[] = "tests/data/input/optam_head.csv.gz";

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string Root(const std::string& relative) {
  return std::string(VERBATIM_SOURCE_DIR) + "/" + relative;
}

TEST(InputEncodingTest, Windows1252WithoutEncodingIsRefusedOnce) {
  const ReadResult result = ReadFile(Root(kExcelFr));
  EXPECT_EQ(result.open_error,
            Root(kExcelFr) +
                ":1: byte 0xE9 (byte offset 30) is not UTF-8: the file is likely Windows-1252 (0xE9 "
                "is '\xC3\xA9' there; Excel's CSV on Windows is saved so): pass --encoding "
                "windows-1252 (or --encoding utf-8 to read it as UTF-8, rows with bad bytes as "
                "errors); nothing was read");
  EXPECT_TRUE(result.records.empty());
}

TEST(InputEncodingTest, ReadsExcelFrenchCsvAsWindows1252) {
  InputOptions options;
  options.encoding = InputEncoding::kWindows1252;
  const ReadResult result = ReadFile(Root(kExcelFr), options);
  ASSERT_EQ(result.open_error, "");
  EXPECT_EQ(result.text_column, "Quels changements attendez-vous ?");
  ASSERT_EQ(result.records.size(), 6u);
  for (const InputRecord& record : result.records) EXPECT_EQ(record.error, "") << record.row;
  EXPECT_EQ(result.records[0].text,
            "Pas d'augmentation de la consultation, \xC3\xA7" "a ne sert \xC3\xA0 rien pour nous : "
            "c'est la CCAM chirurgicale qui est sinistr\xC3\xA9" "e.");
  EXPECT_TRUE(Contains(result.records[5].text, "actes d\xE2\x80\x99imagerie"));
}

TEST(InputEncodingTest, Latin9AndLatin1DecodeTheEuroSignDifferently) {
  InputOptions options;
  options.format = InputFormat::kText;
  options.encoding = InputEncoding::kIso885915;
  EXPECT_EQ(Texts(ReadString("30 \xA4\n", options)), std::vector<std::string>{"30 \xE2\x82\xAC"});
  options.encoding = InputEncoding::kIso88591;
  EXPECT_EQ(Texts(ReadString("30 \xA4\n", options)), std::vector<std::string>{"30 \xC2\xA4"});
}

TEST(InputEncodingTest, ExplicitUtf8KeepsOneErrorRowPerBadRow) {
  InputOptions options;
  options.format = InputFormat::kText;
  options.encoding = InputEncoding::kUtf8;
  const ReadResult result = ReadString("D\xE9passements\nok\n", options);
  ASSERT_EQ(result.open_error, "");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].error, "<input>:1: invalid UTF-8 in the text at byte offset 1");
  EXPECT_EQ(result.records[1].error, "");
}

TEST(InputEncodingTest, Utf8FileWithABadRowAfterAccentsKeepsItAsAnErrorRow) {
  InputOptions options;
  options.format = InputFormat::kText;
  const ReadResult result = ReadString("sant\xC3\xA9\nD\xE9passements\n", options);
  ASSERT_EQ(result.open_error, "");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].error, "");
  EXPECT_EQ(result.records[1].error, "<input>:2: invalid UTF-8 in the text at byte offset 1");
}

TEST(InputEncodingTest, Utf16WithoutByteOrderMarkIsLittleEndian) {
  InputOptions options;
  options.format = InputFormat::kText;
  options.encoding = InputEncoding::kUtf16;
  EXPECT_EQ(Texts(ReadString(std::string("\xE9\0t\0\n\0", 6), options)),
            std::vector<std::string>{"\xC3\xA9t"});
}

TEST(InputEncodingTest, ParsesNamesAndAliases) {
  const std::pair<const char*, std::optional<InputEncoding>> cases[] = {
      {"auto", InputEncoding::kAuto},          {"utf-8", InputEncoding::kUtf8},
      {"UTF8", InputEncoding::kUtf8},          {"utf-16", InputEncoding::kUtf16},
      {"windows-1252", InputEncoding::kWindows1252}, {"cp1252", InputEncoding::kWindows1252},
      {"iso-8859-15", InputEncoding::kIso885915},    {"latin9", InputEncoding::kIso885915},
      {"ISO-8859-1", InputEncoding::kIso88591},      {"latin1", InputEncoding::kIso88591},
      {"ebcdic", std::nullopt},                      {"", std::nullopt},
  };
  for (const auto& [name, expected] : cases) EXPECT_EQ(ParseInputEncoding(name), expected) << name;
}

TEST(InputGzipTest, ReadsCsvGz) {
  const ReadResult result = ReadFile(Root(kGzipped));
  ASSERT_EQ(result.open_error, "");
  EXPECT_EQ(result.text_column, "Quels changements attendez-vous ?");
  ASSERT_EQ(result.records.size(), 6u);
  EXPECT_TRUE(Contains(result.records[0].text, "sinistr\xC3\xA9" "e"));
}

// run.json's digest: of the file as stored (here gzip), computed in the
// one read that codes it.
TEST(InputDigestTest, IsTheFilesDigestComputedWhileReading) {
  InputOptions options;
  options.path = Root(kGzipped);
  auto reader = OpenInput(options);
  ASSERT_TRUE(reader) << FormatError(reader.error());
  InputRecord record;
  size_t rows = 0;
  while ((*reader)->Next(&record)) ++rows;
  EXPECT_GT(rows, 0u);
  const Result<std::string> expected = Sha256File(Root(kGzipped));
  ASSERT_TRUE(expected);
  EXPECT_EQ((*reader)->FinishInputDigest(), std::optional<std::string>(*expected));
}

TEST(InputDigestTest, CoversTheBytesAfterTheLastRecordRead) {
  const std::string content = "id,text\n1,un\n2,deux\n3,trois\n";
  std::istringstream in(content);
  InputOptions options;
  options.path = "-";
  auto reader = OpenInputStream(in, options);
  ASSERT_TRUE(reader) << FormatError(reader.error());
  InputRecord record;
  ASSERT_TRUE((*reader)->Next(&record));  // One record only, then the digest.
  EXPECT_EQ((*reader)->FinishInputDigest(), std::optional<std::string>(Sha256Hex(content)));
}

TEST(InputDigestTest, RecordsInMemoryHaveNone) {
  RecordListReader reader({}, "text");
  EXPECT_EQ(reader.FinishInputDigest(), std::nullopt);
}

// A damaged .gz says what zlib found, not "cannot read the header (read error)".
TEST(InputGzipTest, ATruncatedFileIsRefusedSayingSo) {
  InputOptions options;
  options.path = "answers.csv.gz";
  const ReadResult result = ReadString(FileBytes(Root(kGzipped)).substr(0, 20), options);
  EXPECT_EQ(result.open_error,
            "answers.csv.gz: the gzip data is truncated: the file ends inside a compressed member "
            "(was the file cut short when copied or downloaded?)");
}

TEST(InputGzipTest, ACorruptFileIsRefusedWithZlibsReason) {
  std::string bytes = FileBytes(Root(kGzipped));
  bytes[bytes.size() - 5] = static_cast<char>(bytes[bytes.size() - 5] ^ 0x55);  // Its CRC.
  InputOptions options;
  options.path = "answers.csv.gz";
  EXPECT_EQ(ReadString(bytes, options).open_error,
            "answers.csv.gz: the gzip data is corrupt (zlib: incorrect data check)");
}

// Past the first bytes (no encoding sniff here), the rows read before the
// damage are kept and the error row says why the input stops.
TEST(InputGzipTest, ATruncatedFileEndsWithAnErrorRowSayingWhy) {
  std::string csv = "id,text\n";
  for (int i = 0; i < 20000; ++i) {
    csv += std::to_string(i) + ",revaloriser la CCAM " + std::to_string(i * 7919) + "\n";
  }
  const std::string bytes = testing::Gzip(csv);
  InputOptions options;
  options.path = "answers.csv.gz";
  const ReadResult result = ReadString(bytes.substr(0, bytes.size() * 4 / 5), options);
  ASSERT_EQ(result.open_error, "");
  ASSERT_GE(result.records.size(), 2u);
  EXPECT_EQ(result.records.front().error, "");
  EXPECT_TRUE(Contains(result.records.back().error, "the gzip data is truncated"))
      << result.records.back().error;
}

TEST(InputGzipTest, FormatComesFromTheNameWithoutGz) {
  InputOptions options;
  options.path = "answers.jsonl.gz";
  EXPECT_EQ(ResolveInputFormat(options), InputFormat::kJsonl);
  options.path = "answers.TXT.GZ";
  EXPECT_EQ(ResolveInputFormat(options), InputFormat::kText);
  options.path = "answers.csv.gz";
  EXPECT_EQ(ResolveInputFormat(options), InputFormat::kCsv);
  options.path = "answers.gz";
  EXPECT_EQ(ResolveInputFormat(options), InputFormat::kCsv);
}

TEST(InputGzipTest, DetectedByMagicBytesWhateverTheName) {
  InputOptions options;
  options.path = "answers.csv";
  const ReadResult result = ReadString(FileBytes(Root(kGzipped)), options);
  ASSERT_EQ(result.open_error, "");
  EXPECT_EQ(result.records.size(), 6u);
}

TEST(InputStdinTest, JsonLinesRecognisedByFirstNonBlankByte) {
  InputOptions options;
  options.path = "-";
  std::istringstream in("\n  {\"id\": \"a7\", \"text\": \"Revaloriser la CCAM\"}\n");
  Result<std::unique_ptr<RecordReader>> reader = OpenInputStream(in, options);
  ASSERT_TRUE(reader) << FormatError(reader.error());
  EXPECT_EQ((*reader)->Format(), InputFormat::kJsonl);
  EXPECT_EQ((*reader)->Note(), "");
  const ReadResult result = ReadAll(**reader);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].id, "a7");
}

TEST(InputStdinTest, CsvIsSaidToBeAssumed) {
  InputOptions options;
  options.path = "-";
  std::istringstream in("text\nsant\xC3\xA9\n");
  Result<std::unique_ptr<RecordReader>> reader = OpenInputStream(in, options);
  ASSERT_TRUE(reader) << FormatError(reader.error());
  EXPECT_EQ((*reader)->Format(), InputFormat::kCsv);
  EXPECT_EQ((*reader)->Note(),
            "standard input read as CSV with a header row; pass --format text for one answer per "
            "line");
}

TEST(InputStdinTest, FormatTextNeverTakesAHeader) {
  InputOptions options;
  options.path = "-";
  options.format = InputFormat::kText;
  std::istringstream in("sant\xC3\xA9\nles h\xC3\xB4pitaux\n");
  Result<std::unique_ptr<RecordReader>> reader = OpenInputStream(in, options);
  ASSERT_TRUE(reader) << FormatError(reader.error());
  EXPECT_EQ((*reader)->Note(), "");
  EXPECT_EQ(Texts(ReadAll(**reader)),
            (std::vector<std::string>{"sant\xC3\xA9", "les h\xC3\xB4pitaux"}));
}

}  // namespace
}  // namespace verbatim

namespace verbatim {
namespace {

// export qdpx makes every other column a case variable.
TEST(InputExtraColumnsTest, AllOtherColumnsAreEveryColumnButTextAndIdInFileOrder) {
  InputOptions options;
  options.path = "in.csv";
  options.all_other_columns = true;
  std::istringstream in("when,id,job,text\nmon,7,surgeon,CCAM\n");
  Result<std::unique_ptr<RecordReader>> reader = OpenInputStream(in, options);
  ASSERT_TRUE(reader) << FormatError(reader.error());
  EXPECT_EQ((*reader)->ExtraColumnNames(), (std::vector<std::string>{"when", "job"}));
  const ReadResult result = ReadAll(**reader);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].extra, (std::vector<std::string>{"mon", "surgeon"}));
}

TEST(InputExtraColumnsTest, NamedColumnsWinOverAllOtherColumns) {
  InputOptions options;
  options.path = "in.csv";
  options.all_other_columns = true;
  options.extra_columns = {"job"};
  std::istringstream in("when,id,job,text\nmon,7,surgeon,CCAM\n");
  Result<std::unique_ptr<RecordReader>> reader = OpenInputStream(in, options);
  ASSERT_TRUE(reader) << FormatError(reader.error());
  EXPECT_EQ((*reader)->ExtraColumnNames(), (std::vector<std::string>{"job"}));
}

}  // namespace
}  // namespace verbatim
