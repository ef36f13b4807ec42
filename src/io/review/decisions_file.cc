#include "io/review/decisions_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>

#include <fmt/format.h>

#include "io/input/csv_parser.h"
#include "io/input/utf8.h"
#include "io/output/atomic_file.h"
#include "io/output/csv_writer.h"
#include "io/output/numbered_backup.h"

namespace verbatim {
namespace {

const std::vector<std::string> kColumns = {"id",       "text_sha256",      "codes",    "decision",
                                           "comment",  "decided_at",       "codebook",
                                           "codebook_version", "proposed", "text"};
const std::vector<std::string> kRequired = {"id", "text_sha256", "codes", "decision"};

std::string Trim(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::vector<std::string> Split(const std::string& list) {
  std::vector<std::string> out;
  std::string current;
  for (char c : list + ";") {
    if (c == ';') {
      std::string item = Trim(current);
      if (!item.empty()) out.push_back(std::move(item));
      current.clear();
    } else {
      current += c;
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ";") + item;
  return out;
}

bool IsSha256Hex(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace


Result<std::string> ResolveDecisionsPath(const std::string& path) {
  namespace fs = std::filesystem;
  // Linux's own limit on links followed in one path (ELOOP past it).
  constexpr int kMaxLinks = 40;
  fs::path current = path;
  for (int links = 0; links <= kMaxLinks; ++links) {
    std::error_code error;
    const fs::file_status status = fs::symlink_status(current, error);
    if (!fs::is_symlink(status)) return links == 0 ? path : current.lexically_normal().string();
    fs::path target = fs::read_symlink(current, error);
    if (error) return MakeError("cannot follow the link " + current.string() + ": " + error.message());
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  return MakeError("cannot follow the link " + path + ": too many levels of symbolic links");
}

LoadedDecisions ReadDecisionsStream(std::istream& in, const std::string& name) {
  LoadedDecisions loaded;
  auto error = [&](int line, std::string message) {
    loaded.diagnostics.push_back(
        Diagnostic{Severity::kError, SourceLocation{name, line, 0}, std::move(message)});
  };
  CsvParser parser(in);
  CsvRecord record;
  if (!parser.Next(&record)) {
    error(0, "empty file: a decisions file starts with the header " + Join(kColumns));
    return loaded;
  }
  std::map<std::string, size_t> columns;
  std::vector<std::string> header_names;
  for (size_t i = 0; i < record.fields.size(); ++i) {
    std::string column = record.fields[i];
    if (i == 0 && column.rfind("\xEF\xBB\xBF", 0) == 0) column = column.substr(3);
    header_names.push_back(Trim(column));
    columns.emplace(Trim(column), i);
  }
  const size_t columns_in_header = record.fields.size();
  for (const std::string& column : kRequired) {
    if (!columns.count(column)) error(1, "no column '" + column + "': is this a decisions file?");
  }
  if (!loaded.diagnostics.empty()) return loaded;

  std::map<std::string, size_t> first_line;
  while (parser.Next(&record)) {
    const int line = static_cast<int>(record.line);
    if (record.error) {
      loaded.diagnostics.push_back(Diagnostic{
          Severity::kError,
          SourceLocation{name, static_cast<int>(record.error->line),
                         static_cast<int>(record.error->column)},
          record.error->message});
      continue;
    }
    // Strict: a row cut short would silently lose its last columns (and the
    // next apply would write it back so), invalid bytes would be written
    // back as they are. Either is an error naming the line.
    if (record.fields.size() < columns_in_header) {
      error(line, fmt::format("{} field(s) where the header has {} (a row cut short?)",
                              record.fields.size(), columns_in_header));
      continue;
    }
    bool bad_bytes = false;
    for (size_t i = 0; i < record.fields.size() && !bad_bytes; ++i) {
      const std::string& text = record.fields[i];
      for (size_t at = 0; at < text.size();) {
        const size_t length = ValidUtf8SequenceLength(text, at);
        if (length == 0) {
          const std::string column =
              i < header_names.size() ? "'" + header_names[i] + "'" : std::to_string(i + 1);
          error(line, fmt::format("invalid UTF-8 in column {} at byte {} of the field", column,
                                  at + 1));
          bad_bytes = true;
          break;
        }
        at += length;
      }
    }
    if (bad_bytes) continue;
    // Every cell minus the formula guard WriteDecisions adds.
    auto field = [&](const std::string& column) -> std::string {
      const auto found = columns.find(column);
      if (found == columns.end() || found->second >= record.fields.size()) return {};
      return std::string(StripFormulaGuard(record.fields[found->second]));
    };
    DecisionRecord decision;
    decision.id = Trim(field("id"));
    decision.text_sha256 = Trim(field("text_sha256"));
    decision.codes = Split(field("codes"));
    decision.decision = Trim(field("decision"));
    decision.comment = Trim(field("comment"));
    decision.decided_at = Trim(field("decided_at"));
    decision.codebook_id = Trim(field("codebook"));
    decision.codebook_version = Trim(field("codebook_version"));
    decision.proposed = Split(field("proposed"));
    decision.text = field("text");
    if (decision.id.empty()) {
      error(line, "decision without an id");
      continue;
    }
    if (!IsSha256Hex(decision.text_sha256)) {
      error(line, "answer " + decision.id + ": text_sha256 '" + decision.text_sha256 +
                      "' is not a SHA-256 (64 lower-case hex digits)");
      continue;
    }
    if (auto [it, added] = first_line.emplace(decision.id, record.line); !added) {
      error(line, "answer " + decision.id + " has two decisions (first on line " +
                      std::to_string(it->second) + ")");
      continue;
    }
    loaded.ledger.Upsert(std::move(decision));
  }
  if (parser.read_failed()) error(0, "read failed");
  return loaded;
}

LoadedDecisions ReadDecisionsFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadedDecisions loaded;
    loaded.diagnostics.push_back(Diagnostic{Severity::kError, SourceLocation{path, 0, 0},
                                            std::string("cannot open: ") + std::strerror(errno)});
    return loaded;
  }
  return ReadDecisionsStream(in, path);
}

CsvDialect DecisionsFileDialect(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string header;
  if (!in || !std::getline(in, header)) return CsvDialect::kStandard;
  const std::string_view bom = "\xEF\xBB\xBF";
  if (header.compare(0, bom.size(), bom) != 0) return CsvDialect::kStandard;
  const size_t separator = header.find_first_of(",;");
  return separator != std::string::npos && header[separator] == ';' ? CsvDialect::kExcelFr
                                                                     : CsvDialect::kStandard;
}

void WriteDecisions(std::ostream& out, const DecisionLedger& ledger, CsvDialect dialect) {
  WriteCsvPreamble(out, dialect);
  CsvWriter csv(out, CsvDelimiter(dialect));
  csv.WriteRow(kColumns);
  for (const DecisionRecord& r : ledger.records()) {
    csv.WriteRow({r.id, r.text_sha256, Join(r.codes), r.decision, r.comment, r.decided_at,
                  r.codebook_id, r.codebook_version, Join(r.proposed), r.text});
  }
}

Result<std::string> SaveDecisionsFile(const std::string& path, const DecisionLedger& ledger,
                                      KeepBackup backup, CsvDialect dialect) {
  std::string backup_name;
  if (backup == KeepBackup::kYes && std::filesystem::exists(path)) {
    auto kept = KeepNumberedBackup(path);
    if (!kept) return tl::unexpected(kept.error());
    backup_name = std::move(*kept);
  }
  auto file = AtomicFile::Open(path);
  if (!file) return tl::unexpected(file.error());
  WriteDecisions((*file)->stream(), ledger, dialect);
  if (auto committed = (*file)->Commit(); !committed) return tl::unexpected(committed.error());
  return backup_name;
}

}  // namespace verbatim
