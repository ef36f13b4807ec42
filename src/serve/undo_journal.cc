#include "serve/undo_journal.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "io/output/atomic_file.h"

namespace verbatim {
namespace {

using nlohmann::json;

json RecordJson(const DecisionRecord& record) {
  return {{"id", record.id},
          {"text_sha256", record.text_sha256},
          {"codes", record.codes},
          {"decision", record.decision},
          {"comment", record.comment},
          {"decided_at", record.decided_at},
          {"codebook_id", record.codebook_id},
          {"codebook_version", record.codebook_version},
          {"proposed", record.proposed},
          {"text", record.text}};
}

DecisionRecord RecordFromJson(const json& in) {
  DecisionRecord record;
  record.id = in.at("id").get<std::string>();
  record.text_sha256 = in.at("text_sha256").get<std::string>();
  record.codes = in.at("codes").get<std::vector<std::string>>();
  record.decision = in.at("decision").get<std::string>();
  record.comment = in.at("comment").get<std::string>();
  record.decided_at = in.at("decided_at").get<std::string>();
  record.codebook_id = in.at("codebook_id").get<std::string>();
  record.codebook_version = in.at("codebook_version").get<std::string>();
  record.proposed = in.at("proposed").get<std::vector<std::string>>();
  record.text = in.at("text").get<std::string>();
  return record;
}

}  // namespace

std::string UndoJournalPath(const std::string& decisions_path) { return decisions_path + ".undo"; }

Result<std::vector<UndoEntry>> ReadUndoJournal(const std::string& path) {
  std::vector<UndoEntry> entries;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return entries;
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(path + ": cannot be read (the review screen's undo history)");
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    try {
      const json parsed = json::parse(line);
      UndoEntry entry;
      entry.id = parsed.at("id").get<std::string>();
      entry.revision_after = parsed.at("revision_after").get<std::string>();
      if (!parsed.at("before").is_null()) entry.before = RecordFromJson(parsed.at("before"));
      entries.push_back(std::move(entry));
    } catch (const json::exception& e) {
      return MakeError(path + ":" + std::to_string(line_number) +
                       ": not an undo entry (" + e.what() +
                       "); remove the file to start a new undo history (the decisions are not in it)");
    }
  }
  if (in.bad()) return MakeError(path + ": read error (the review screen's undo history)");
  return entries;
}

Result<void> WriteUndoJournal(const std::string& path, const std::vector<UndoEntry>& entries) {
  if (entries.empty()) {
    std::error_code error;
    std::filesystem::remove(path, error);
    if (error) return MakeError(path + ": cannot be removed: " + error.message());
    return {};
  }
  auto file = AtomicFile::Open(path);
  if (!file) return tl::unexpected(file.error());
  const size_t first = entries.size() > kUndoDepth ? entries.size() - kUndoDepth : 0;
  for (size_t i = first; i < entries.size(); ++i) {
    const UndoEntry& entry = entries[i];
    const json line = {{"id", entry.id},
                       {"before", entry.before ? RecordJson(*entry.before) : json(nullptr)},
                       {"revision_after", entry.revision_after}};
    (*file)->stream() << line.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
  return (*file)->Commit();
}

}  // namespace verbatim
