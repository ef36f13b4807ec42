#include "tests/fuzz/fuzz_targets.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "run/codebook_setup.h"
#include "core/codebook_checker.h"
#include "core/coder.h"
#include "core/compiled_codebook.h"
#include "core/evidence.h"
#include "io/input/codebook_loader.h"
#include "io/input/csv_parser.h"
#include "io/input/gzip_decoder.h"
#include "io/input/input_reader.h"
#include "io/input/utf8.h"
#include "io/refi/qdpx_reader.h"
#include "io/refi/refi_gold.h"
#include "io/review/decisions_file.h"
#include "io/review/xlsx_reader.h"

namespace verbatim::fuzz {
namespace {

void Require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

std::vector<CsvRecord> ParseAll(std::string_view content, char delimiter, size_t chunk_size) {
  std::istringstream in{std::string(content)};
  CsvParser parser(in, delimiter, chunk_size);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (parser.Next(&record)) records.push_back(record);
  return records;
}

bool SameRecords(const std::vector<CsvRecord>& a, const std::vector<CsvRecord>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].fields != b[i].fields || a[i].line != b[i].line) return false;
    if (a[i].error.has_value() != b[i].error.has_value()) return false;
    if (a[i].error &&
        (a[i].error->message != b[i].error->message || a[i].error->line != b[i].error->line ||
         a[i].error->column != b[i].error->column)) {
      return false;
    }
  }
  return true;
}

// Reads every record; checks rows are numbered 1, 2, 3… and lines do not go
// back. Returns the number of records, or -1 when the input was refused.
long ReadRecords(std::string_view content, const InputOptions& options) {
  std::istringstream in{std::string(content)};
  auto reader = OpenInputStream(in, options);
  if (!reader) {
    Require(!reader.error().message.empty(), "a refused input has a message");
    return -1;
  }
  InputRecord record;
  size_t rows = 0;
  size_t last_line = 0;
  while ((*reader)->Next(&record)) {
    ++rows;
    Require(record.row == rows, "rows are numbered 1, 2, 3...");
    Require(record.line >= last_line, "lines do not go back");
    last_line = record.line;
    Require(record.error.empty() || record.error.starts_with("fuzz"), "a row error names the file");
  }
  return static_cast<long>(rows);
}

bool StartsWithUtf16Bom(std::string_view data) {
  return data.starts_with("\xFF\xFE") || data.starts_with("\xFE\xFF");
}

// Lines as the line-based readers count them: LF, CRLF or a lone CR end a
// line; a final line end starts no other line; a UTF-8 BOM is skipped.
size_t CountLines(std::string_view data) {
  if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
  size_t lines = 0;
  size_t i = 0;
  bool open_line = false;
  while (i < data.size()) {
    if (data[i] == '\r' || data[i] == '\n') {
      ++lines;
      open_line = false;
      if (data[i] == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
    } else {
      open_line = true;
    }
    ++i;
  }
  return lines + (open_line ? 1 : 0);
}

const char kAnswerCodebook[] = R"(
codebook: {id: fuzz, version: "1", language: fr}
settings: {threshold: 1.0, negation_window: 4, review_uncoded_min_words: 3}
negation:
  before: ["pas de", "sans", "ne"]
  after: ["non merci"]
themes:
  - id: reval
    label: Revalorisation
    patterns: ["tarifs decents", {regex: 'g\s*=\s*\d+'}]
    subthemes:
      - id: reval.ccam
        label: CCAM
        patterns:
          - near: [[revalori*, hausse], [ccam, "actes techniques"]]
            within: 3
          - term: ccam
            weight: 0.5
        exclude: ["baisse de la ccam"]
      - id: reval.inflation
        label: Inflation
        patterns: ["index* sur l'inflation", "cœur*", "μέτρο"]
  - id: lib
    label: Liberté
    subthemes:
      - id: lib.depassements
        label: Dépassements
        patterns: ["dépassement*", "liberté tarifaire"]
conflicts:
  - [reval.ccam, lib.depassements]
)";

std::shared_ptr<const Normalizer> TheNormalizer() {
  auto normalizer = SharedNormalizer();
  Require(normalizer.has_value(), "ICU data loads");
  return *normalizer;
}

void CheckResult(const CompiledCodebook& codebook, std::string_view text,
                 const CodingResult& result) {
  const NormalizedText& normalized = result.normalized;
  Require(normalized.origin.size() == normalized.text.size() + 1, "one origin per byte, plus one");
  for (size_t i = 1; i < normalized.origin.size(); ++i) {
    Require(normalized.origin[i - 1] <= normalized.origin[i], "origins do not go back");
  }
  Require(normalized.origin.back() == text.size(), "the last origin is the text's size");
  for (const PatternHit& hit : result.hits) {
    Require(hit.begin <= hit.end && hit.end <= normalized.text.size(), "hit inside the text");
    Require(hit.original_begin <= hit.original_end && hit.original_end <= text.size(),
            "hit inside the original");
  }
  if (result.status == AnswerStatus::kCoded) {
    Require(result.counted == result.proposed && !result.counted.empty(), "coded means counted");
  } else {
    Require(result.counted.empty(), "only coded answers count");
  }
  Require((result.status == AnswerStatus::kDisputed) == !result.reasons.empty(),
          "disputed exactly when there is a reason");
  (void)DescribeEvidence(codebook, result, text, 20);
  (void)JoinReasonDetails(result);
}

// Rows numbered upwards within the sheet, no more columns than a sheet has.
void CheckXlsxRows(const std::vector<XlsxRow>& rows) {
  int previous = 0;
  for (const XlsxRow& row : rows) {
    Require(row.number > previous && row.number <= 1048576, "rows go up within the sheet");
    Require(row.cells.size() <= 16384, "no more columns than XFD");
    previous = row.number;
  }
}

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = ValidUtf8SequenceLength(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

// The code tree as the readers promise it: GUIDs upper case without braces,
// a parent before its children.
void CheckRefiCodes(const std::vector<RefiCode>& codes) {
  for (size_t i = 0; i < codes.size(); ++i) {
    const std::string& guid = codes[i].guid;
    Require(!guid.empty(), "every code has a guid");
    Require(guid.find_first_of("{}abcdefghijklmnopqrstuvwxyz") == std::string::npos,
            "guids are upper case without braces");
    Require(codes[i].parent >= -1 && codes[i].parent < static_cast<int>(i),
            "a parent comes before its children");
  }
}

void CheckRefiProject(const RefiProject& project, const verbatim::Codebook& codebook) {
  CheckRefiCodes(project.codes);
  for (const RefiSource& source : project.sources) {
    for (size_t i = 0; i < source.codes.size(); ++i) {
      Require(source.codes[i] >= 0 && source.codes[i] < static_cast<int>(project.codes.size()),
              "a source's codes are codes of the project");
      Require(std::find(source.codes.begin(), source.codes.begin() + static_cast<long>(i),
                        source.codes[i]) == source.codes.begin() + static_cast<long>(i),
              "a source carries a code once");
    }
  }
  for (const std::string& dangling : project.dangling_code_refs) {
    Require(std::count(project.dangling_code_refs.begin(), project.dangling_code_refs.end(),
                       dangling) == 1,
            "a dangling reference is listed once");
    Require(std::none_of(project.codes.begin(), project.codes.end(),
                         [&](const RefiCode& code) { return code.guid == dangling; }),
            "a dangling reference names no code");
  }

  const RefiGold gold = GoldFromRefiProject(project, codebook, {});
  Require(gold.answers.size() + gold.merged_sources == project.sources.size(),
          "one gold answer per source name");
  Require(gold.bad_map_rows.empty() && gold.dropped_codings == 0, "no map, nothing dropped");
  for (const CodedAnswer& answer : gold.answers) {
    size_t previous = 0;
    for (const std::string& id : answer.codes) {
      const auto found = std::find_if(codebook.codes.begin(), codebook.codes.end(),
                                      [&](const CodeDefinition& code) { return code.id == id; });
      Require(found != codebook.codes.end(), "a gold code is a codebook id");
      const size_t index = static_cast<size_t>(found - codebook.codes.begin()) + 1;
      Require(index > previous, "gold codes in codebook order, each once");
      previous = index;
    }
  }
}

// The codebook of CodeAnswer's codebook text (not compiled: the gold maps
// names to ids and labels only). `Codebook` alone names the target here.
const verbatim::Codebook& AnswerCodebook() {
  static const verbatim::Codebook* const codebook = [] {
    LoadedCodebook loaded = LoadCodebookText(kAnswerCodebook, "fuzz.yaml");
    Require(!HasErrors(loaded.diagnostics), "the fixed codebook loads");
    return new verbatim::Codebook(std::move(loaded.codebook));
  }();
  return *codebook;
}

// `data` in a file of this process named with `extension`, removed by the
// caller; one per process since libFuzzer runs inputs one after the other.
std::string WriteTemporary(std::string_view data, const std::string& extension) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("verbatim-fuzz-" + std::to_string(::getpid()) + extension))
                               .string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  Require(static_cast<bool>(out), "the temporary file is written");
  return path;
}

}  // namespace

void XlsxReader(std::string_view data) {
  auto strings = ParseSharedStrings(data);
  Require(strings || !strings.error().message.empty(), "a refused sharedStrings part says why");
  auto rows = ParseWorksheet(data, {"a", "b", "c"});
  if (rows) {
    CheckXlsxRows(*rows);
  } else {
    Require(!rows.error().message.empty(), "a refused worksheet says why");
  }

  const std::string path = WriteTemporary(data, ".xlsx");
  auto sheet = ReadXlsxSheet(path, "");
  if (sheet) {
    CheckXlsxRows(sheet->rows);
  } else {
    Require(sheet.error().message.find(path) != std::string::npos ||
                sheet.error().location.file == path,
            "a refused workbook is named");
  }
  std::remove(path.c_str());
}

void DecisionsFile(std::string_view data) {
  std::istringstream in{std::string(data)};
  const LoadedDecisions loaded = ReadDecisionsStream(in, "fuzz.csv");
  for (const Diagnostic& diagnostic : loaded.diagnostics) {
    Require(!diagnostic.message.empty(), "a problem has a message");
    Require(diagnostic.location.file == "fuzz.csv", "a problem names the file");
  }
  const std::vector<DecisionRecord>& records = loaded.ledger.records();
  for (size_t i = 0; i < records.size(); ++i) {
    Require(!records[i].id.empty(), "no empty id");
    Require(loaded.ledger.Find(records[i].id) == &records[i], "one record per id");
  }
  if (!IsValidUtf8(data)) return;  // Invalid bytes are the strict reader's business.

  // What the tool writes, it reads back as it was.
  std::ostringstream written;
  WriteDecisions(written, loaded.ledger);
  std::istringstream again{written.str()};
  const LoadedDecisions reread = ReadDecisionsStream(again, "fuzz.csv");
  Require(reread.diagnostics.empty(), "a written ledger reads back without a problem");
  Require(reread.ledger.size() == records.size(), "a written ledger keeps every record");
  for (size_t i = 0; i < records.size() && i < reread.ledger.size(); ++i) {
    const DecisionRecord& back = reread.ledger.records()[i];
    Require(back.id == records[i].id && SameDecision(back, records[i]) &&
                back.proposed == records[i].proposed && back.text == records[i].text,
            "a written record reads back the same");
  }
}

void CsvInput(std::string_view data) {
  if (data.empty()) return;
  const unsigned char options_byte = static_cast<unsigned char>(data[0]);
  data.remove_prefix(1);
  constexpr char kDelimiters[] = {CsvParser::kAutoDelimiter, ',', ';', '\t'};
  const char delimiter = kDelimiters[options_byte & 3];
  const size_t chunk_size = 1 + ((options_byte >> 2) & 7);

  // Chunk boundaries must not change what is parsed.
  const std::vector<CsvRecord> whole = ParseAll(data, delimiter, CsvParser::kDefaultChunkSize);
  Require(SameRecords(whole, ParseAll(data, delimiter, chunk_size)),
          "small chunks parse like one chunk");
  for (size_t i = 1; i < whole.size(); ++i) {
    Require(whole[i].line > whole[i - 1].line, "records start on later lines");
  }

  InputOptions options;
  options.path = "fuzz.csv";
  options.format = InputFormat::kCsv;
  options.delimiter = delimiter;
  if (options_byte & 0x20) options.column = "2";
  if (options_byte & 0x40) options.id_column = "1";
  const long rows = ReadRecords(data, options);
  if (rows >= 0 && !StartsWithUtf16Bom(data) && !IsGzip(data)) {
    Require(static_cast<size_t>(rows) + 1 == whole.size(), "one row per record after the header");
  }
}

void LineInput(std::string_view data) {
  InputOptions options;
  options.path = "fuzz.jsonl";
  options.format = InputFormat::kJsonl;
  ReadRecords(data, options);
  options.id_column = "k";
  ReadRecords(data, options);

  options = InputOptions{};
  options.path = "fuzz.txt";
  options.format = InputFormat::kText;
  const long rows = ReadRecords(data, options);
  if (rows >= 0 && !StartsWithUtf16Bom(data) && !IsGzip(data)) {
    Require(static_cast<size_t>(rows) == CountLines(data), "one text row per line");
  }
}

void Codebook(std::string_view data) {
  LoadedCodebook loaded = LoadCodebookText(data, "fuzz.yaml");
  for (const Diagnostic& diagnostic : loaded.diagnostics) {
    Require(diagnostic.location.file == "fuzz.yaml", "diagnostics name the file");
    Require(!diagnostic.message.empty(), "diagnostics have a message");
  }
  if (HasErrors(loaded.diagnostics)) return;
  const std::vector<Diagnostic> checked = CheckCodebook(loaded.codebook);
  if (HasErrors(checked)) return;
  CompileOptions budget;
  budget.set_max_mem = int64_t{32} << 20;
  budget.pattern_max_mem = int64_t{4} << 20;
  std::vector<Diagnostic> diagnostics;
  auto compiled = CompiledCodebook::Compile(loaded.codebook, TheNormalizer(), budget, &diagnostics);
  Require(compiled.has_value() == !HasErrors(diagnostics), "compile fails exactly on errors");
  if (!compiled) return;
  CodingScratch scratch;
  CodingResult result;
  for (const CodeDefinition& code : loaded.codebook.codes) {
    for (const auto* texts : {&code.examples, &code.counterexamples}) {
      for (const auto& example : *texts) {
        CodeAnswer(**compiled, example.text, &scratch, &result);
        CheckResult(**compiled, example.text, result);
      }
    }
  }
}

void CodeAnswer(std::string_view data) {
  static const CompiledCodebook* const codebook = [] {
    LoadedCodebook loaded = LoadCodebookText(kAnswerCodebook, "fuzz.yaml");
    Require(!HasErrors(loaded.diagnostics), "the fixed codebook loads");
    std::vector<Diagnostic> diagnostics;
    auto compiled =
        CompiledCodebook::Compile(loaded.codebook, TheNormalizer(), CompileOptions{}, &diagnostics);
    Require(compiled.has_value(), "the fixed codebook compiles");
    return compiled->release();
  }();
  CodingScratch scratch;
  CodingResult result;
  verbatim::CodeAnswer(*codebook, data, &scratch, &result);
  if (result.status != AnswerStatus::kError) CheckResult(*codebook, data, result);

  NormalizedText fast;
  NormalizedText reference;
  codebook->normalizer().Normalize(data, &fast);
  codebook->normalizer().NormalizeWithIcu(data, &reference);
  Require(fast.text == reference.text, "table and ICU normalizations agree");
  Require(fast.origin == reference.origin, "table and ICU offsets agree");
  Require(fast.invalid_utf8_offset == reference.invalid_utf8_offset,
          "table and ICU agree on invalid UTF-8");
}

void QdpxReader(std::string_view data) {
  auto project = ParseRefiProject(data, "fuzz.qde");
  if (project) {
    CheckRefiProject(*project, AnswerCodebook());
  } else {
    Require(!project.error().message.empty() && project.error().location.file == "fuzz.qde",
            "a refused project says why and names it");
  }
  auto codes = ParseRefiCodebook(data, "fuzz.qdc");
  if (codes) {
    CheckRefiCodes(*codes);
  } else {
    Require(!codes.error().message.empty() && codes.error().location.file == "fuzz.qdc",
            "a refused codebook says why and names it");
  }

  const std::string path = WriteTemporary(data, ".qdpx");
  auto archived = ReadQdpx(path);
  if (archived) {
    CheckRefiProject(*archived, AnswerCodebook());
  } else {
    Require(!archived.error().message.empty() && archived.error().location.file.starts_with(path),
            "a refused archive says why and names it");
  }
  std::remove(path.c_str());
}

const std::vector<Target>& AllTargets() {
  static const std::vector<Target> targets = {{"csv_input", CsvInput},
                                              {"line_input", LineInput},
                                              {"codebook", Codebook},
                                              {"code_answer", CodeAnswer},
                                              {"xlsx_reader", XlsxReader},
                                              {"decisions_file", DecisionsFile},
                                              {"qdpx_reader", QdpxReader}};
  return targets;
}

}  // namespace verbatim::fuzz
