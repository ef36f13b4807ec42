// The review screen's undo history: which decision each screen change
// replaced, kept in a file beside the decisions file ("<decisions>.undo",
// JSON Lines, oldest first), so that `u` still undoes after the tab is
// closed, in another tab, or after the server was stopped or killed.
//
// Design: an entry holds the whole record the change replaced (or none,
// when the answer had no decision), so that undo puts back exactly what was
// in the decisions file, date and comment included, even for a decision
// that had gone stale; and the revision the change produced, so that undo
// refuses, as a conflict, to overwrite a decision made after it. The file is
// replaced atomically at each change and keeps the newest kUndoDepth
// entries. It is written after the decisions file: a kill between the two
// loses that change's undo, never the decision.
#ifndef VERBATIM_SERVE_UNDO_JOURNAL_H_
#define VERBATIM_SERVE_UNDO_JOURNAL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/decision_ledger.h"
#include "core/status.h"

namespace verbatim {

inline constexpr size_t kUndoDepth = 500;

struct UndoEntry {
  std::string id;
  std::optional<DecisionRecord> before;  // Absent: the answer had no decision.
  std::string revision_after;            // The answer's revision the change left ("" for none).
};

// "<decisions path>.undo".
std::string UndoJournalPath(const std::string& decisions_path);

// The entries, oldest first; an absent file is an empty history. Errors: the
// file cannot be read, or a line is not an entry (naming the file and line).
Result<std::vector<UndoEntry>> ReadUndoJournal(const std::string& path);

// Replaces the file atomically with the newest kUndoDepth of `entries`; an
// empty history removes the file.
Result<void> WriteUndoJournal(const std::string& path, const std::vector<UndoEntry>& entries);

}  // namespace verbatim

#endif  // VERBATIM_SERVE_UNDO_JOURNAL_H_
