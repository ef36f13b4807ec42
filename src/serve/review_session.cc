#include "serve/review_session.h"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/coder.h"
#include "core/decision.h"
#include "core/decision_apply.h"
#include "io/input/sha256.h"
#include "io/output/utc_time.h"
#include "io/review/decisions_file.h"
#include "io/review/file_lock.h"
#include "run/codebook_setup.h"
#include "serve/undo_journal.h"

namespace verbatim {
namespace {

using nlohmann::json;

// The decisions file as it is now; an absent file is an empty ledger.
Result<DecisionLedger> ReadLedger(const std::string& path) {
  if (!std::filesystem::exists(path)) return DecisionLedger();
  LoadedDecisions loaded = ReadDecisionsFile(path);
  if (HasErrors(loaded.diagnostics)) {
    std::string message = path + " has errors; it was left as it is and nothing was recorded:";
    for (const Diagnostic& diagnostic : loaded.diagnostics) {
      message += "\n" + FormatDiagnostic(diagnostic);
    }
    return MakeError(message);
  }
  return std::move(loaded.ledger);
}

// Changes whenever the answer's record in the file changes; "" for none.
std::string Revision(const DecisionRecord* record) {
  if (record == nullptr) return "";
  std::string fields;
  for (const std::string* field : {&record->id, &record->text_sha256, &record->decision,
                                   &record->comment, &record->decided_at}) {
    fields += *field;
    fields += '\x1f';
  }
  for (const std::string& code : record->codes) fields += code + ';';
  return Sha256Hex(fields).substr(0, 16);
}

std::string JoinCodeIds(const std::vector<int>& codes, const Codebook& book) {
  std::string joined;
  for (int code : codes) {
    if (!joined.empty()) joined += ';';
    joined += book.codes[static_cast<size_t>(code)].id;
  }
  return joined;
}

json CodeIds(const std::vector<int>& codes, const Codebook& book) {
  json ids = json::array();
  for (int code : codes) ids.push_back(book.codes[static_cast<size_t>(code)].id);
  return ids;
}

json ItemJson(const ReviewItem& item, const DecisionLedger& ledger, const Codebook& book) {
  json segments = json::array();
  size_t at = 0;
  for (const MarkSpan& mark : item.marks) {
    if (mark.begin > at) segments.push_back({{"text", item.text.substr(at, mark.begin - at)}});
    segments.push_back({{"text", item.text.substr(mark.begin, mark.end - mark.begin)},
                        {"mark", std::string(MarkKindName(mark.kind))},
                        {"codes", CodeIds(mark.codes, book)}});
    at = mark.end;
  }
  if (at < item.text.size()) segments.push_back({{"text", item.text.substr(at)}});
  json reasons = json::array();
  for (const ReviewNote& note : item.reasons) {
    reasons.push_back({{"reason", std::string(ReviewReasonName(note.reason))},
                       {"codes", CodeIds(note.codes, book)},
                       {"detail", note.detail}});
  }
  json out = {{"id", item.id},         {"segments", segments},
              {"proposed", CodeIds(item.proposed, book)},
              {"reasons", reasons},    {"decision", nullptr},
              {"revision", ""}};
  const DecisionMatch match = MatchDecision(ledger, book, item.id, item.text_sha256);
  if (match.record != nullptr) {
    const DecisionRecord& record = *match.record;
    json decision = {{"decision", record.decision},
                     {"codes", record.codes},
                     {"comment", record.comment},
                     {"decided_at", record.decided_at},
                     {"state", std::string(DecisionStateName(match.state))},
                     {"note", DescribeUnapplied(match)}};
    if (match.state == DecisionState::kStale) decision["old_text"] = record.text;
    out["decision"] = decision;
    out["revision"] = Revision(&record);
  }
  return out;
}

json Progress(const std::vector<ReviewItem>& items, const DecisionLedger& ledger,
              const Codebook& book) {
  size_t decided = 0, stale = 0;
  for (const ReviewItem& item : items) {
    switch (MatchDecision(ledger, book, item.id, item.text_sha256).state) {
      case DecisionState::kApplied: ++decided; break;
      case DecisionState::kStale:
      case DecisionState::kUnknownCode: ++stale; break;
      case DecisionState::kNone: break;
    }
  }
  return {{"decided", decided}, {"stale", stale}, {"left", items.size() - decided - stale},
          {"total", items.size()}};
}

// Invalid UTF-8 (a decision as typed, quoted in a message) is replaced, never thrown on.
SessionReply Reply(int status, const json& body) {
  return {status, body.dump(-1, ' ', false, json::error_handler_t::replace)};
}

}  // namespace

Result<std::unique_ptr<ReviewSession>> ReviewSession::Open(const ReviewSessionOptions& options) {
  std::unique_ptr<ReviewSession> session(new ReviewSession());
  session->options_ = options;
  CodebookSetup setup = SetUpCodebook(options.codebook_path);
  if (!setup.compiled) {
    std::string message = options.codebook_path + " has errors:";
    for (const Diagnostic& diagnostic : setup.diagnostics) {
      if (diagnostic.severity == Severity::kError) message += "\n" + FormatDiagnostic(diagnostic);
    }
    return MakeError(message);
  }
  session->codebook_ = std::move(setup.compiled);
  auto ledger = ReadLedger(options.decisions_path);
  if (!ledger) return tl::unexpected(ledger.error());

  auto reader = OpenInput(options.input);
  if (!reader) return tl::unexpected(reader.error());
  CodingScratch scratch;
  CodingResult result;
  InputRecord record;
  std::vector<ReviewItem> candidates;
  while ((*reader)->Next(&record)) {
    auto [it, added] = session->run_.try_emplace(record.id);
    if (!added) {
      ++it->second.occurrences;
      continue;
    }
    RunAnswer& answer = it->second;
    answer.text = record.text;
    answer.text_sha256 = Sha256Hex(record.text);
    answer.unreadable = !record.error.empty();
    if (answer.unreadable) continue;
    CodeAnswer(*session->codebook_, record.text, &scratch, &result);
    if (result.status != AnswerStatus::kDisputed && ledger->Find(record.id) == nullptr) continue;
    ReviewItem item;
    item.id = record.id;
    item.text = record.text;
    item.text_sha256 = answer.text_sha256;
    item.proposed = result.proposed;
    item.reasons = result.reasons;
    item.marks = AllEvidenceSpans(result, record.text);
    candidates.push_back(std::move(item));
  }
  // An id on several rows cannot be decided (review apply refuses it too).
  for (ReviewItem& item : candidates) {
    if (session->run_.at(item.id).occurrences != 1) continue;
    session->item_index_.emplace(item.id, session->items_.size());
    session->items_.push_back(std::move(item));
  }
  return session;
}

SessionReply ReviewSession::State() const {
  auto ledger = ReadLedger(options_.decisions_path);
  if (!ledger) return Reply(500, {{"error", ledger.error().message}});
  const Codebook& book = codebook_->codebook();
  json codes = json::array();
  for (const CodeDefinition& code : book.codes) {
    codes.push_back({{"id", code.id},
                     {"label", code.label},
                     {"description", code.description},
                     {"use_when", code.use_when},
                     {"not_when", code.not_when},
                     {"subtheme", code.level == CodeLevel::kSubtheme}});
  }
  json items = json::array();
  for (const ReviewItem& item : items_) items.push_back(ItemJson(item, *ledger, book));
  return Reply(200, {{"codebook", {{"id", book.info.id}, {"version", book.info.version},
                                   {"codes", codes}}},
                     {"decisions", options_.decisions_path},
                     {"undo", UndoCount()},
                     {"items", items},
                     {"progress", Progress(items_, *ledger, book)}});
}

size_t ReviewSession::UndoCount() const {
  auto resolved = ResolveDecisionsPath(options_.decisions_path);
  if (!resolved) return 0;
  auto journal = ReadUndoJournal(UndoJournalPath(*resolved));
  return journal ? journal->size() : 0;
}

SessionReply ReviewSession::Decide(const std::string& id, const std::string& decision,
                                   const std::string& comment, const std::string& revision) {
  const auto found = item_index_.find(id);
  if (found == item_index_.end()) {
    return Reply(404, {{"error", "answer '" + id + "' is not one of this run's answers to review"}});
  }
  const ReviewItem& item = items_[found->second];
  const Codebook& book = codebook_->codebook();

  // Checked as review apply checks a filled row, before anything is locked.
  DecisionRecord record;
  const bool remove = IsBlankDecision(decision);
  if (!remove) {
    ReviewedRow row;
    row.line = 1;
    row.id = id;
    row.text = item.text;
    row.proposed = JoinCodeIds(item.proposed, book);
    row.decision = decision;
    row.comment = comment;
    DecisionBatchOptions batch_options;
    batch_options.review_path = "answer " + id;
    batch_options.input_name = options_.input.path;
    batch_options.decided_at = UtcNow();
    DecisionBatch batch = BuildDecisionRecords({row}, run_, book, batch_options);
    if (!batch.diagnostics.empty() || batch.records.size() != 1) {
      std::string message;
      for (const Diagnostic& diagnostic : batch.diagnostics) {
        if (!message.empty()) message += "\n";
        message += diagnostic.message;
      }
      return Reply(422, {{"error", message}});
    }
    record = std::move(batch.records.front());
  }

  std::lock_guard<std::mutex> in_process(decide_mutex_);
  if (remove) return ChangeLocked(item, std::nullopt, revision, /*undoable=*/true);
  return ChangeLocked(item, std::move(record), revision, /*undoable=*/true);
}

SessionReply ReviewSession::Undo() {
  std::lock_guard<std::mutex> in_process(decide_mutex_);
  // The decisions file's lock covers the history too: another server on the
  // same folder cannot pop the same change.
  auto locked = LockDecisionsFile();
  if (!locked) return Reply(500, {{"error", FormatError(locked.error())}});
  const std::string& resolved = locked->path;
  const std::string journal_path = UndoJournalPath(resolved);
  auto journal = ReadUndoJournal(journal_path);
  if (!journal) return Reply(500, {{"error", journal.error().message}});
  if (journal->empty()) return Reply(404, {{"error", "nothing to undo"}});
  const UndoEntry entry = journal->back();
  const auto found = item_index_.find(entry.id);
  SessionReply reply;
  if (found == item_index_.end()) {
    reply = Reply(404, {{"error", "the last change was to answer " + entry.id +
                                      ", which is not one of this run's answers to review; "
                                      "it was left as it is"}});
  } else {
    reply = ChangeUnderLock(resolved, items_[found->second], entry.before, entry.revision_after,
                            /*undoable=*/false);
    if (reply.status == 500) return reply;  // Kept: undo can be tried again.
  }
  journal->pop_back();
  if (auto written = WriteUndoJournal(journal_path, *journal); !written) {
    return Reply(500, {{"error", FormatError(written.error())}});
  }
  json body = json::parse(reply.json);
  body["undo"] = journal->size();
  if (reply.status == 409) {
    body["error"] = "answer " + entry.id +
                    " was decided again after the change you undo (another tab, another "
                    "reviewer or review apply); undo left that newer decision as it is";
  }
  if (reply.status == 200) body["undone"] = entry.id;
  return Reply(reply.status, body);
}

SessionReply ReviewSession::ChangeLocked(const ReviewItem& item,
                                         std::optional<DecisionRecord> change,
                                         const std::string& revision, bool undoable) {
  auto locked = LockDecisionsFile();
  if (!locked) return Reply(500, {{"error", FormatError(locked.error())}});
  return ChangeUnderLock(locked->path, item, std::move(change), revision, undoable);
}

Result<ReviewSession::LockedDecisions> ReviewSession::LockDecisionsFile() const {
  auto resolved = ResolveDecisionsPath(options_.decisions_path);
  if (!resolved) return tl::unexpected(resolved.error());
  LockWait wait;
  wait.timeout_seconds = options_.lock_timeout_seconds;
  auto lock = FileLock::Acquire(*resolved, wait);
  if (!lock) return tl::unexpected(lock.error());
  return LockedDecisions{std::move(*resolved), std::move(*lock)};
}

SessionReply ReviewSession::ChangeUnderLock(const std::string& resolved, const ReviewItem& item,
                                            std::optional<DecisionRecord> change,
                                            const std::string& revision, bool undoable) {
  const Codebook& book = codebook_->codebook();
  const std::string& id = item.id;
  auto ledger = ReadLedger(resolved);
  if (!ledger) return Reply(500, {{"error", ledger.error().message}});

  const DecisionRecord* current = ledger->Find(id);
  if (Revision(current) != revision) {
    return Reply(409, {{"error", "answer " + id +
                                     " was decided meanwhile elsewhere (another tab, another "
                                     "reviewer or review apply); your decision was not saved: "
                                     "look at the decision now recorded and decide again"},
                       {"item", ItemJson(item, *ledger, book)},
                       {"progress", Progress(items_, *ledger, book)}});
  }
  UndoEntry undo;
  undo.id = id;
  if (current != nullptr) undo.before = *current;
  const bool changed = change ? ledger->Upsert(std::move(*change)) != UpsertOutcome::kUnchanged
                              : ledger->Remove(id);
  if (changed || !std::filesystem::exists(resolved)) {
    const bool existed = std::filesystem::exists(resolved);
    const CsvDialect dialect = existed ? DecisionsFileDialect(resolved) : CsvDialect::kStandard;
    const KeepBackup backup = backed_up_ ? KeepBackup::kNo : KeepBackup::kYes;
    if (auto saved = SaveDecisionsFile(resolved, *ledger, backup, dialect); !saved) {
      return Reply(500, {{"error", FormatError(saved.error()) + "; " + resolved +
                                       " was left as it was; nothing was recorded"}});
    }
    backed_up_ = backed_up_ || existed;
  }
  json body = {{"item", ItemJson(item, *ledger, book)},
               {"progress", Progress(items_, *ledger, book)}};
  if (changed && undoable) {
    // After the decisions file: a failure here costs this change's undo, not the decision.
    undo.revision_after = Revision(ledger->Find(id));
    const std::string journal_path = UndoJournalPath(resolved);
    auto journal = ReadUndoJournal(journal_path);
    Result<void> written = journal ? Result<void>() : tl::unexpected(journal.error());
    if (journal) {
      journal->push_back(std::move(undo));
      written = WriteUndoJournal(journal_path, *journal);
      body["undo"] = std::min(journal->size(), kUndoDepth);
    }
    if (!written) body["warning"] = "saved, but it cannot be undone: " + FormatError(written.error());
  }
  return Reply(200, body);
}

}  // namespace verbatim
