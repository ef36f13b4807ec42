// Conservation, as a property: over thousands of seeded random inputs that
// mix what real exports get wrong (quotes, line ends inside fields, CR/LF
// mixes, invalid UTF-8, NUL bytes, blank lines, wrong field counts, an
// unterminated quote, byte order marks, UTF-16), the real coding run
// (run/coding_run.h's CodeInput: reader, coding pool, sinks, as `code`
// runs it) puts every input record in coded.csv exactly once, in order, in
// error exactly when it is bad, and rows read = coded + uncoded + disputed +
// error.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "io/input/csv_parser.h"
#include "io/input/input_reader.h"
#include "run/coding_run.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

constexpr int kInputsPerFormat = 1500;

// What the generator wrote: the records a correct reader must yield.
struct Expected {
  std::string id;
  bool bad = false;
};

struct Generated {
  std::string content;
  InputFormat format = InputFormat::kCsv;
  std::vector<Expected> records;
};

class Generator {
 public:
  explicit Generator(unsigned seed) : random_(seed) {}

  Generated Csv() {
    Generated out;
    out.format = InputFormat::kCsv;
    const char delimiter = Pick<char>({',', ';', '\t'});
    const bool utf16 = Chance(8);
    if (!utf16 && Chance(4)) out.content += "\xEF\xBB\xBF";
    out.content += std::string("id") + delimiter + "text" + LineEnd();
    const int count = Uniform(0, 12);
    for (int i = 1; i <= count; ++i) {
      while (Chance(5)) out.content += Pick<std::string>({"\n", "\r\n"});  // Blank lines.
      const std::string id = "r" + std::to_string(i);
      bool bad = false;
      std::string text = Text(/*allow_line_ends=*/true, /*allow_invalid=*/!utf16, &bad);
      if (i == count && Chance(12)) {
        // An unterminated quote: the rest of the input belongs to this record.
        std::string open_field = "\"";
        for (char c : text) open_field += c == '"' ? std::string("\"\"") : std::string(1, c);
        out.content += id + delimiter + open_field;
        for (int k = Uniform(0, 3); k > 0; --k) {
          out.content += LineEnd() + "r99" + delimiter + "late";
        }
        out.records.push_back({id, true});
        break;
      }
      std::string row = id + delimiter + Field(text, delimiter);
      switch (Uniform(0, 11)) {
        case 0:
          row = id;  // Too few fields.
          bad = true;
          break;
        case 1:
          row += delimiter + Field(Text(true, !utf16, &bad), delimiter);  // Too many.
          bad = true;
          break;
        default:
          break;
      }
      out.content += row;
      if (i < count || Chance(2)) out.content += LineEnd();
      out.records.push_back({id, bad});
    }
    if (utf16) out.content = ToUtf16(out.content);
    return out;
  }

  Generated Text() {
    Generated out;
    out.format = InputFormat::kText;
    if (Chance(4)) out.content += "\xEF\xBB\xBF";
    const int count = Uniform(1, 12);
    std::string previous_end;
    for (int i = 1; i <= count; ++i) {
      bool bad = false;
      const std::string text = Text(/*allow_line_ends=*/false, /*allow_invalid=*/true, &bad);
      std::string end = LineEnd();
      // CR then an empty line ended by LF would read as one CRLF.
      if (previous_end == "\r" && text.empty() && end == "\n") end = "\r\n";
      if (i == 1 && text.empty() && out.content.empty() && end == "\r") end = "\n";
      out.content += text;
      if (i < count || Chance(2) || text.empty()) out.content += end;
      previous_end = end;
      out.records.push_back({std::to_string(i), bad});
    }
    return out;
  }

  Generated Jsonl() {
    Generated out;
    out.format = InputFormat::kJsonl;
    const int count = Uniform(0, 12);
    size_t line = 0;
    for (int i = 1; i <= count; ++i) {
      while (Chance(5)) {
        // Not empty: after a lone CR, an empty line ended by LF is a CRLF.
        out.content += Pick<std::string>({" ", "  ", "\t"}) + "\n";
        ++line;
      }
      ++line;
      const std::string id = "r" + std::to_string(i);
      bool bad = false;
      const std::string text = Text(/*allow_line_ends=*/true, /*allow_invalid=*/false, &bad);
      switch (Uniform(0, 9)) {
        case 0:  // Not JSON (on one line): the id is then the line number.
          out.content += "{\"id\": \"" + id + "\", \"text\": " + Text(false, false, &bad);
          out.records.push_back({std::to_string(line), true});
          break;
        case 1:  // Text that is not a string.
          out.content += "{\"id\": \"" + id + "\", \"text\": 42}";
          out.records.push_back({id, true});
          break;
        default:
          out.content += "{\"id\": \"" + id + "\", \"text\": " + JsonString(text) + "}";
          out.records.push_back({id, bad});
          break;
      }
      out.content += Pick<std::string>({"\n", "\r\n", "\r"});
    }
    if (count == 0) out.content = "\n";  // Blank only: refused as empty.
    return out;
  }

 private:
  bool Chance(int one_in) { return Uniform(1, one_in) == 1; }
  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  template <typename T>
  T Pick(std::initializer_list<T> options) {
    return *(options.begin() + Uniform(0, static_cast<int>(options.size()) - 1));
  }
  std::string LineEnd() { return Pick<std::string>({"\n", "\r\n", "\r"}); }

  // An answer made of pieces; each bad piece is invalid whatever surrounds
  // it, and *bad says whether one was used.
  std::string Text(bool allow_line_ends, bool allow_invalid, bool* bad) {
    std::string text;
    for (int k = Uniform(0, 6); k > 0; --k) {
      switch (Uniform(0, 13)) {
        case 0:
          text += "revaloriser la CCAM";
          break;
        case 1:
          text += "dépassements";
          break;
        case 2:
          text += "\"cité\"";
          break;
        case 3:
          text += Pick<std::string>({",", ";", "\t", " ", ", "});
          break;
        case 4:
          if (allow_line_ends) text += LineEnd();
          break;
        case 5:
          if (allow_invalid) {
            text += Pick<std::string>({"\xFF", "\xC3(", "\xED\xA0\x80", "\xC0\xAF", "\x80"});
            *bad = true;
          }
          break;
        case 6:
          text += std::string(1, '\0');
          *bad = true;
          break;
        case 7:
          text += "😀 œ ß ﬁ";
          break;
        default:
          text += Pick<std::string>({"consultation à 30", "hausse", "rien", "ccam", "non"});
          break;
      }
    }
    return text;
  }

  std::string Field(const std::string& text, char delimiter) {
    const bool needs_quotes = text.find_first_of(std::string("\"\r\n") + delimiter) !=
                                  std::string::npos ||
                              text.empty() || Chance(4);
    if (!needs_quotes) return text;
    std::string quoted = "\"";
    for (char c : text) {
      quoted += c;
      if (c == '"') quoted += '"';
    }
    return quoted + "\"";
  }

  static std::string JsonString(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
      const unsigned char byte = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (byte < 0x20) {
        char escape[8];
        std::snprintf(escape, sizeof escape, "\\u%04x", byte);
        out += escape;
      } else {
        out += c;
      }
    }
    return out + "\"";
  }

  // Valid UTF-8 to UTF-16 LE with a byte order mark.
  static std::string ToUtf16(const std::string& utf8) {
    std::string out = "\xFF\xFE";
    auto unit = [&](uint32_t u) {
      out += static_cast<char>(u & 0xFF);
      out += static_cast<char>(u >> 8);
    };
    for (size_t i = 0; i < utf8.size();) {
      const unsigned char lead = static_cast<unsigned char>(utf8[i]);
      uint32_t c = lead;
      size_t length = 1;
      if (lead >= 0xF0) {
        c = lead & 0x07;
        length = 4;
      } else if (lead >= 0xE0) {
        c = lead & 0x0F;
        length = 3;
      } else if (lead >= 0xC0) {
        c = lead & 0x1F;
        length = 2;
      }
      for (size_t k = 1; k < length; ++k) c = (c << 6) | (utf8[i + k] & 0x3F);
      i += length;
      if (c >= 0x10000) {
        unit(0xD800 + ((c - 0x10000) >> 10));
        unit(0xDC00 + ((c - 0x10000) & 0x3FF));
      } else {
        unit(c);
      }
    }
    return out;
  }

  std::mt19937 random_;
};

// Runs the coding run with a coded-table sink, on two threads as `code`
// would; returns coded.csv, or the open error.
struct Run {
  std::string open_error;
  std::string coded_csv;
  size_t rows_read = 0;
  size_t by_status = 0;
};

Run CodeAll(const CompiledCodebook& codebook, const Generated& input) {
  std::istringstream in(input.content);
  InputOptions options;
  options.path = "generated";
  options.format = input.format;
  // Bad bytes are rows here: read as UTF-8 explicitly, since with kAuto an
  // input whose first bad byte comes before any accent is refused whole.
  // UTF-16 inputs are recognised by their byte order mark (kAuto).
  if (input.content.rfind("\xFF\xFE", 0) != 0 && input.content.rfind("\xFE\xFF", 0) != 0) {
    options.encoding = InputEncoding::kUtf8;
  }
  if (input.format == InputFormat::kCsv) {
    options.column = "text";
    options.id_column = "id";
  }
  Run run;
  auto reader = OpenInputStream(in, options);
  if (!reader) {
    run.open_error = FormatError(reader.error());
    return run;
  }
  std::ostringstream coded;
  CodedCsvSink sink(coded, codebook, DecisionColumns::kOmit);
  RowSink* sinks[] = {&sink};
  RunOptions run_options;
  run_options.threads = 2;
  run_options.check_duplicate_ids = false;
  auto summary = CodeInput(**reader, codebook, run_options, sinks);
  if (!summary) {
    ADD_FAILURE() << FormatError(summary.error().error);
    return run;
  }
  run.coded_csv = coded.str();
  run.rows_read = summary->final.rows();
  for (AnswerStatus status : kAllAnswerStatuses) {
    run.by_status += summary->final.status_count(status);
  }
  return run;
}

std::string Escaped(const std::string& bytes) {
  std::string out;
  for (char c : bytes) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) {
      out += c;
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", byte);
      out += hex;
    }
  }
  return out;
}

// Records generated per kind, to check the generator mixes them.
struct Totals {
  size_t good = 0;
  size_t bad = 0;
};

void Count(const Generated& input, Totals* totals) {
  for (const Expected& record : input.records) ++(record.bad ? totals->bad : totals->good);
}

void CheckConservation(const CompiledCodebook& codebook, const Generated& input) {
  SCOPED_TRACE("input: \"" + Escaped(input.content) + "\"");
  const Run run = CodeAll(codebook, input);
  if (!run.open_error.empty()) {
    // Only an input without records may be refused (empty, blank lines).
    EXPECT_TRUE(input.records.empty()) << run.open_error;
    return;
  }
  std::istringstream coded(run.coded_csv);
  CsvParser parser(coded, ',');
  CsvRecord header;
  ASSERT_TRUE(parser.Next(&header));
  ASSERT_GE(header.fields.size(), 3u);
  ASSERT_EQ(header.fields[1], "id");
  ASSERT_EQ(header.fields[2], "status");
  CsvRecord row;
  size_t index = 0;
  while (parser.Next(&row)) {
    ASSERT_LT(index, input.records.size()) << "more rows than records";
    const Expected& expected = input.records[index];
    ++index;
    ASSERT_FALSE(row.error.has_value());
    EXPECT_EQ(row.fields[0], std::to_string(index));
    EXPECT_EQ(row.fields[1], expected.id) << "row " << index;
    const std::string& status = row.fields[2];
    EXPECT_TRUE(status == "coded" || status == "uncoded" || status == "disputed" ||
                status == "error")
        << status;
    EXPECT_EQ(status == "error", expected.bad) << "row " << index << ": " << row.fields[6];
  }
  EXPECT_EQ(index, input.records.size()) << "rows lost";
  EXPECT_EQ(run.rows_read, input.records.size());
  EXPECT_EQ(run.by_status, run.rows_read);
}

class ConservationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::ifstream in(std::string(VERBATIM_SOURCE_DIR) + "/tests/data/bad_input/codebook.yaml");
    std::ostringstream yaml;
    yaml << in.rdbuf();
    codebook_ = verbatim::testing::CompileYaml(yaml.str()).release();
  }
  static void TearDownTestSuite() { delete codebook_; }
  static const CompiledCodebook* codebook_;
};

const CompiledCodebook* ConservationTest::codebook_ = nullptr;

TEST_F(ConservationTest, EveryCsvRecordIsCodedOnceInOrder) {
  ASSERT_NE(codebook_, nullptr);
  Totals totals;
  for (unsigned seed = 1; seed <= kInputsPerFormat; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Generated input = Generator(seed).Csv();
    Count(input, &totals);
    CheckConservation(*codebook_, input);
    if (HasFailure()) return;
  }
  EXPECT_GT(totals.good, 2000u);
  EXPECT_GT(totals.bad, 1000u);
}

TEST_F(ConservationTest, EveryTextLineIsCodedOnceInOrder) {
  ASSERT_NE(codebook_, nullptr);
  Totals totals;
  for (unsigned seed = 1; seed <= kInputsPerFormat; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Generated input = Generator(seed).Text();
    Count(input, &totals);
    CheckConservation(*codebook_, input);
    if (HasFailure()) return;
  }
  EXPECT_GT(totals.good, 2000u);
  EXPECT_GT(totals.bad, 1000u);
}

TEST_F(ConservationTest, EveryJsonLineIsCodedOnceInOrder) {
  ASSERT_NE(codebook_, nullptr);
  Totals totals;
  for (unsigned seed = 1; seed <= kInputsPerFormat; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Generated input = Generator(seed).Jsonl();
    Count(input, &totals);
    CheckConservation(*codebook_, input);
    if (HasFailure()) return;
  }
  EXPECT_GT(totals.good, 2000u);
  EXPECT_GT(totals.bad, 1000u);
}

}  // namespace
}  // namespace verbatim
