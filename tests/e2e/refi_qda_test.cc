// The REFI-QDA commands on the real binary: `export qdc` and `export qdpx`
// validated against the standard's schemas with xmllint (Debian
// libxml2-utils), positions checked as characters against the coded table's
// evidence, the round trip export -> import -> agree giving perfect
// agreement with the run that made the project, and imports of projects
// other tools made (the ATLAS.ti sample in ../shared/refi-qda, read where it
// lies, and a project shaped as NVivo or QualCoder write one).
#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>

#include "io/input/csv_parser.h"
#include "io/input/sha256.h"
#include "io/refi/refi_ids.h"
#include "tests/testing/binary_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunBinary;
using testing::RunShell;
using testing::ShellQuote;
using testing::WriteFile;

const fs::path kSource = VERBATIM_SOURCE_DIR;
const std::string kSample = (kSource / "samples/optam_changes.csv").string();
const std::string kCodebook = (kSource / "codebooks/optam_changes.yaml").string();

// ../shared/refi-qda beside the repository (or the main checkout's, from a
// worktree one level down); empty when absent.
fs::path SharedRefi() {
  for (const char* up : {"../shared/refi-qda", "../../shared/refi-qda"}) {
    if (fs::exists(kSource / up / "Project-mrt2019.xsd")) return fs::canonical(kSource / up);
  }
  return {};
}

// The member `name` of the zip archive at `path`; "" when absent.
std::string ZipMember(const fs::path& path, const std::string& name) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return "";
  std::string bytes;
  if (zip_file_t* file = zip_fopen(archive, name.c_str(), 0)) {
    char buffer[1 << 16];
    for (zip_int64_t got; (got = zip_fread(file, buffer, sizeof buffer)) > 0;) {
      bytes.append(buffer, static_cast<size_t>(got));
    }
    zip_fclose(file);
  }
  zip_discard(archive);
  return bytes;
}

// Writes a .qdpx holding `project_qde` only.
void WriteProject(const fs::path& path, const std::string& project_qde) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr);
  zip_source_t* source = zip_source_buffer(archive, project_qde.data(), project_qde.size(), 0);
  ASSERT_GE(zip_file_add(archive, "project.qde", source, 0), 0);
  ASSERT_EQ(zip_close(archive), 0);
}

std::vector<std::map<std::string, std::string>> ReadCsv(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  CsvParser parser(in);
  CsvRecord record;
  std::vector<std::map<std::string, std::string>> rows;
  if (!parser.Next(&record)) return rows;
  const std::vector<std::string> header = record.fields;
  while (parser.Next(&record)) {
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < record.fields.size(); ++i) {
      row[header[i]] = record.fields[i];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// The code points [begin, end) of UTF-8 `text`.
std::string CodePointSlice(const std::string& text, size_t begin, size_t end) {
  size_t at = 0, index = 0, from = std::string::npos;
  for (; at <= text.size(); ++index) {
    if (index == begin) from = at;
    if (index == end || at == text.size()) break;
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    at += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  }
  return from == std::string::npos ? "" : text.substr(from, at - from);
}

std::string Collapse(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Every object in `json` with "fp" and "fn" has both 0; how many it saw.
size_t ExpectNoDisagreement(const nlohmann::json& json, const std::string& where) {
  size_t tables = 0;
  if (json.is_object()) {
    if (json.contains("fp") && json.contains("fn")) {
      EXPECT_EQ(json["fp"], 0) << where;
      EXPECT_EQ(json["fn"], 0) << where;
      ++tables;
    }
    for (const auto& [key, value] : json.items())
      tables += ExpectNoDisagreement(value, where + "/" + key);
  } else if (json.is_array()) {
    for (size_t i = 0; i < json.size(); ++i) {
      tables += ExpectNoDisagreement(json[i], where + "/" + std::to_string(i));
    }
  }
  return tables;
}

class RefiQdaTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    shared_ = SharedRefi();
    if (shared_.empty()) GTEST_SKIP() << "../shared/refi-qda not present beside " << kSource;
    if (!testing::FindInPath("xmllint")) GTEST_SKIP() << "xmllint (libxml2-utils) not installed";
    TempDirTest::SetUp();
  }

  // xmllint's verdict on `file` against `schema` (0: valid), its messages
  // into `messages`.
  int Validate(const fs::path& file, const std::string& schema, std::string* messages) {
    const fs::path log = dir_ / "xmllint.log";
    const int code =
        RunShell("xmllint --noout --schema " + ShellQuote((shared_ / schema).string()) + " " +
                 ShellQuote(file.string()) + " > " + ShellQuote(log.string()) + " 2>&1");
    *messages = ReadFile(log);
    return code;
  }

  // Codes the sample into dir_/run and exports it to dir_/project.qdpx.
  void CodeAndExport() {
    const auto code = RunBinary(
        {"code", kSample, "--codebook", kCodebook, "--out", (dir_ / "run").string(), "--quiet"});
    ASSERT_EQ(code.exit_code, 0) << code.err;
    const auto exported = RunBinary({"export", "qdpx", "--input", kSample, "--codebook", kCodebook,
                                     "--out", (dir_ / "project.qdpx").string()});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
  }

  fs::path shared_;
};

TEST_F(RefiQdaTest, ExportQdcValidatesAgainstTheCodebookSchema) {
  const auto run = RunBinary(
      {"export", "qdc", "--codebook", kCodebook, "--out", (dir_ / "codebook.qdc").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string messages;
  EXPECT_EQ(Validate(dir_ / "codebook.qdc", "Codebook.xsd", &messages), 0) << messages;
}

TEST_F(RefiQdaTest, ExportQdpxValidatesAgainstTheProjectSchema) {
  CodeAndExport();
  WriteFile(dir_ / "project.qde", ZipMember(dir_ / "project.qdpx", "project.qde"));
  std::string messages;
  EXPECT_EQ(Validate(dir_ / "project.qde", "Project-mrt2019.xsd", &messages), 0) << messages;
}

// Control characters in an id, a kept column or a text: the project is
// still valid XML (they become U+FFFD in names and values; a text keeps
// them in its source file, outside the XML).
TEST_F(RefiQdaTest, ExportQdpxOfControlCharactersStaysValid) {
  WriteFile(dir_ / "hostile.csv",
            std::string("id,note,text\nr\x01"
                        "1,a\x02"
                        "b,Revaloriser la CCAM\nr2,ok,\"d\xC3\xA9passements\x03\"\n"));
  const auto run = RunBinary({"export", "qdpx", "--input", (dir_ / "hostile.csv").string(),
                              "--codebook", kCodebook, "--out", (dir_ / "h.qdpx").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string xml = ZipMember(dir_ / "h.qdpx", "project.qde");
  WriteFile(dir_ / "h.qde", xml);
  std::string messages;
  EXPECT_EQ(Validate(dir_ / "h.qde", "Project-mrt2019.xsd", &messages), 0) << messages;
  EXPECT_NE(xml.find("name=\"r\uFFFD"
                     "1\""),
            std::string::npos);
  EXPECT_NE(xml.find("<TextValue>a\uFFFD"
                     "b</TextValue>"),
            std::string::npos);
}

TEST_F(RefiQdaTest, ExportQdpxIsTheSameBytesForAnyNumberOfThreads) {
  for (const char* threads : {"1", "2"}) {
    const auto run =
        RunBinary({"export", "qdpx", "--input", kSample, "--codebook", kCodebook, "--threads",
                   threads, "--out", (dir_ / (std::string(threads) + ".qdpx")).string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  EXPECT_EQ(ReadFile(dir_ / "1.qdpx"), ReadFile(dir_ / "2.qdpx"));
}

// Each answer is a source holding its text; its final codes code the whole
// answer, and the evidence coded.csv quotes for a code is one of that code's
// selections, cut by character positions (an answer with accents before
// its evidence would be cut elsewhere by byte positions).
TEST_F(RefiQdaTest, SelectionsAreTheEvidenceCountedInCharacters) {
  CodeAndExport();
  const std::string xml = ZipMember(dir_ / "project.qdpx", "project.qde");
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(xml.c_str()));
  std::map<std::string, std::string> code_id_by_guid;
  for (pugi::xpath_node node : document.select_nodes("//Code")) {
    code_id_by_guid[node.node().attribute("guid").value()] =
        CodeIdFromRefiDescription(node.node().child_value("Description"));
  }
  const auto coded = ReadCsv(dir_ / "run/coded.csv");
  ASSERT_EQ(document.select_nodes("//TextSource").size(), coded.size());
  size_t checked = 0, after_multibyte = 0;
  for (const auto& row : coded) {
    SCOPED_TRACE(row.at("id"));
    const pugi::xml_node source =
        document.select_node(("//TextSource[@name='" + row.at("id") + "']").c_str()).node();
    ASSERT_TRUE(source);
    const std::string path = source.attribute("plainTextPath").value();
    ASSERT_EQ(path.rfind("internal://", 0), 0u);
    const std::string text = ZipMember(dir_ / "project.qdpx", "sources/" + path.substr(11));
    std::map<std::string, std::set<std::string>> slices;  // code id -> texts
    // Those starting after a multi-byte character, where byte and character
    // positions differ.
    std::map<std::string, std::set<std::string>> shifted;
    std::set<std::string> whole;
    for (pugi::xml_node selection : source.children("PlainTextSelection")) {
      const size_t begin = selection.attribute("startPosition").as_ullong();
      const size_t end = selection.attribute("endPosition").as_ullong();
      const std::string slice = CodePointSlice(text, begin, end);
      for (pugi::xml_node coding : selection.children("Coding")) {
        const std::string id =
            code_id_by_guid[coding.child("CodeRef").attribute("targetGUID").value()];
        if (slice == text) whole.insert(id);
        slices[id].insert(Collapse(slice));
        if (CodePointSlice(text, 0, begin).size() != begin) shifted[id].insert(Collapse(slice));
      }
    }
    std::set<std::string> counted;
    for (size_t at = 0; !row.at("codes").empty();) {
      const size_t semicolon = row.at("codes").find(';', at);
      counted.insert(row.at("codes").substr(at, semicolon - at));
      if (semicolon == std::string::npos) break;
      at = semicolon + 1;
    }
    EXPECT_EQ(whole, counted);
    // evidence: code="words" | code="words" (typo)
    const std::string& evidence = row.at("evidence");
    for (size_t at = 0; (at = evidence.find("=\"", at)) != std::string::npos;) {
      const size_t start =
          evidence.rfind(' ', at) == std::string::npos ? 0 : evidence.rfind(' ', at) + 1;
      const std::string id = evidence.substr(start, at - start);
      const size_t close = evidence.find('"', at + 2);
      const std::string quoted = evidence.substr(at + 2, close - at - 2);
      at = close;
      if (!counted.count(id)) continue;
      EXPECT_TRUE(slices[id].count(Collapse(quoted))) << id << ": \"" << quoted << "\"";
      ++checked;
      if (shifted[id].count(Collapse(quoted))) ++after_multibyte;
    }
  }
  EXPECT_GT(checked, 0u);
  // The sample has evidence after accented letters: the test tells
  // characters from bytes.
  EXPECT_GT(after_multibyte, 0u);
}

TEST_F(RefiQdaTest, ExportImportAgreeIsPerfectAgreementWithTheRun) {
  CodeAndExport();
  const auto imported = RunBinary({"import", "qdpx", (dir_ / "project.qdpx").string(), "--codebook",
                                   kCodebook, "--out", (dir_ / "gold.csv").string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.err, "");
  for (const std::string gold : {"gold.csv", "project.qdpx"}) {
    SCOPED_TRACE(gold);
    const std::string json = (dir_ / (gold + ".agreement.json")).string();
    const auto agree = RunBinary({"agree", "--gold", (dir_ / gold).string(), "--coded",
                                  (dir_ / "run/coded.csv").string(), "--codebook", kCodebook,
                                  "--machine-column", "codes", "--out", json});
    ASSERT_EQ(agree.exit_code, 0) << agree.err;
    const nlohmann::json figures = nlohmann::json::parse(ReadFile(json));
    EXPECT_GT(ExpectNoDisagreement(figures, gold), 10u);
  }
  // Both give the same gold.
  const auto rows = ReadCsv(dir_ / "gold.csv");
  const auto coded = ReadCsv(dir_ / "run/coded.csv");
  ASSERT_EQ(rows.size(), coded.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].at("id"), coded[i].at("id"));
    EXPECT_EQ(rows[i].at("codes"), coded[i].at("codes")) << rows[i].at("id");
  }
}

// With --decisions the project holds the final codes: a decided code with
// no evidence codes the whole answer, a code decided away is gone; the
// round trip agrees with `code --decisions`.
TEST_F(RefiQdaTest, ExportWithDecisionsHoldsTheFinalCodes) {
  std::ifstream sample(kSample, std::ios::binary);
  CsvParser parser(sample);
  CsvRecord record;
  std::vector<std::string> texts;  // Ids are row numbers: texts[0] is answer 1.
  for (parser.Next(&record); parser.Next(&record);) texts.push_back(record.fields.back());
  ASSERT_GE(texts.size(), 2u);
  WriteFile(dir_ / "decisions.csv", "id,text_sha256,codes,decision\n1," + Sha256Hex(texts[0]) +
                                        ",,none\n2," + Sha256Hex(texts[1]) +
                                        ",mutuelles,=mutuelles\n");
  const std::string decisions = (dir_ / "decisions.csv").string();
  const auto code = RunBinary({"code", kSample, "--codebook", kCodebook, "--decisions", decisions,
                               "--out", (dir_ / "run").string(), "--quiet"});
  ASSERT_EQ(code.exit_code, 0) << code.err;
  const auto exported =
      RunBinary({"export", "qdpx", "--input", kSample, "--codebook", kCodebook, "--decisions",
                 decisions, "--out", (dir_ / "project.qdpx").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_NE(exported.out.find("2 applied"), std::string::npos) << exported.out;
  const auto imported = RunBinary({"import", "qdpx", (dir_ / "project.qdpx").string(), "--codebook",
                                   kCodebook, "--out", (dir_ / "gold.csv").string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const auto gold = ReadCsv(dir_ / "gold.csv");
  const auto coded = ReadCsv(dir_ / "run/coded.csv");
  ASSERT_EQ(gold.size(), coded.size());
  EXPECT_EQ(gold[0].at("codes"), "");
  EXPECT_EQ(gold[1].at("codes"), "mutuelles");
  for (size_t i = 0; i < gold.size(); ++i) {
    EXPECT_EQ(gold[i].at("codes"), coded[i].at("codes")) << gold[i].at("id");
  }
}

TEST_F(RefiQdaTest, ImportOfTheAtlasTiSampleReportsItsUnmappedCodes) {
  const auto run = RunBinary({"import", "qdpx", (shared_ / "atlas-sample-project.qdpx").string(),
                              "--codebook", kCodebook, "--out", (dir_ / "gold.csv").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("code 'Commits' matches no code id or label of " + kCodebook +
                         " (it codes no answer)"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("code '2022-05-10T02:05:59Z 19e4dce' matches no code"), std::string::npos);
  EXPECT_NE(run.err.find("holds no source (document) to take as an answer"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "gold.csv"));
}

// As NVivo or QualCoder write a project: codes named by the analyst, codings
// on selections of sources named by the answer ids.
constexpr char kToolProject[] = R"(<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="recoded" origin="QualCoder">
  <CodeBook><Codes>
    <Code guid="{0A000000-0000-4000-8000-000000000001}" name="Revalorisation des actes et cotations" isCodable="true"/>
    <Code guid="{0A000000-0000-4000-8000-000000000002}" name="Honoraires" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="0B000000-0000-4000-8000-000000000001" name="1" plainTextPath="internal://a.txt">
      <PlainTextSelection guid="0C000000-0000-4000-8000-000000000001" startPosition="0" endPosition="5">
        <Coding guid="0D000000-0000-4000-8000-000000000001"><CodeRef targetGUID="{0A000000-0000-4000-8000-000000000002}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="0B000000-0000-4000-8000-000000000002" name="2" plainTextPath="internal://b.txt">
      <Coding guid="0D000000-0000-4000-8000-000000000002"><CodeRef targetGUID="0a000000-0000-4000-8000-000000000001"/></Coding>
    </TextSource>
  </Sources>
</Project>)";

TEST_F(RefiQdaTest, ImportRefusesAnUnmappedCodeThatCodesAnswersUntilMapped) {
  WriteProject(dir_ / "recoded.qdpx", kToolProject);
  std::string messages;
  WriteFile(dir_ / "project.qde", kToolProject);
  ASSERT_EQ(Validate(dir_ / "project.qde", "Project-mrt2019.xsd", &messages), 0) << messages;

  const auto refused = RunBinary({"import", "qdpx", (dir_ / "recoded.qdpx").string(), "--codebook",
                                  kCodebook, "--out", (dir_ / "gold.csv").string()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("code 'Honoraires' matches no code id or label of " + kCodebook +
                             " and codes 1 answer(s)"),
            std::string::npos)
      << refused.err;
  EXPECT_FALSE(fs::exists(dir_ / "gold.csv"));

  WriteFile(dir_ / "names.csv", "name,code\nHonoraires,liberte_tarifaire\n");
  const auto mapped =
      RunBinary({"import", "qdpx", (dir_ / "recoded.qdpx").string(), "--codebook", kCodebook,
                 "--map", (dir_ / "names.csv").string(), "--out", (dir_ / "gold.csv").string()});
  ASSERT_EQ(mapped.exit_code, 0) << mapped.err;
  // "Revalorisation des actes et cotations" is the label of the theme revalorisation.
  EXPECT_EQ(ReadFile(dir_ / "gold.csv"), "id,codes\n1,liberte_tarifaire\n2,revalorisation\n");
}

}  // namespace
}  // namespace verbatim
