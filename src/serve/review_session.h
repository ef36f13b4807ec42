// What the review screen (`verbatim review serve`) shows and records: the
// disputed answers of a run with their evidence, and every decision, saved
// at once in the decisions file.
//
// Design: a decision from the screen goes through exactly what `review
// apply` does with a filled row: BuildDecisionRecords checks it against the
// run's answers and the codebook (same messages), then the decisions
// file's lock is taken, the file is read, the record upserted and the file
// replaced atomically, in the dialect it is already written in. The
// session's first save keeps the file as it was before the session under
// the first free "<path>.bak", "<path>.bak.1", … (io/review/decisions_file.h);
// later saves of the same session add no backup, so a long session does not
// leave one file per keystroke. A reply says "saved" only after the
// rename, so killing the server loses nothing the page showed as saved.
// Each answer's decision has a revision (a hash of its record as in the
// file); a change names the revision it replaces, and a change made on a
// stale view (another tab, another reviewer, a `review apply` meanwhile) is
// refused as a conflict, with the decision that is there now. The answers
// are coded once, when the session opens; every change made here can be
// undone, even after a restart (serve/undo_journal.h); the decisions file is read anew
// for every request, so the screen always shows what the file holds.
// Thread-safe: the server calls it from several threads.
#ifndef VERBATIM_SERVE_REVIEW_SESSION_H_
#define VERBATIM_SERVE_REVIEW_SESSION_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/compiled_codebook.h"
#include "core/evidence_marks.h"
#include "core/review_merge.h"
#include "core/status.h"
#include "io/input/input_reader.h"
#include "io/review/file_lock.h"

namespace verbatim {

struct ReviewSessionOptions {
  std::string codebook_path;
  InputOptions input;
  std::string decisions_path;  // Created at the first decision if absent.
  double lock_timeout_seconds = 10;
};

// One answer on the screen: one the machine disputed, or one with a
// recorded decision.
struct ReviewItem {
  std::string id;
  std::string text;
  std::string text_sha256;
  std::vector<int> proposed;           // Code indices, codebook order.
  std::vector<ReviewNote> reasons;
  std::vector<MarkSpan> marks;         // AllEvidenceSpans.
};

// An HTTP-shaped answer: status (200, 404, 409, 422, 500) and a JSON body.
struct SessionReply {
  int status = 200;
  std::string json;
};

class ReviewSession {
 public:
  // Loads the codebook, reads and codes the input. Errors: the codebook has
  // errors (every diagnostic in the message), the input cannot be opened.
  static Result<std::unique_ptr<ReviewSession>> Open(const ReviewSessionOptions& options);

  // {"codebook": {...codes with id, label, definition, level}, "decisions":
  // path, "undo": changes that can be undone, "items": [item...], "progress": {...}}; an item carries its
  // decision (or null) with its state (applied, stale, unknown_code), its
  // revision and, when stale, the text as decided. 500 when the decisions
  // file cannot be read.
  SessionReply State() const;

  // Records `decision` (the decision language of docs/review.md; blank
  // removes the answer's decision) with `comment` for answer `id`, if its
  // current revision is `revision` ("" for none); the change can be undone
  // (Undo). 200 {"item", "progress", "undo"; "warning" when the change was
  // saved but its undo could not be recorded};
  // 404 unknown id; 409 {"error", "item": as it is now}; 422 {"error": the
  // review apply message}; 500 lock or file error.
  SessionReply Decide(const std::string& id, const std::string& decision,
                      const std::string& comment, const std::string& revision);

  // Undoes the last change made through Decide, in any tab or earlier
  // session (serve/undo_journal.h): puts back the record it replaced. 200
  // {"item", "progress", "undone": id, "undo": changes left to undo}; 404
  // nothing to undo; 409 the answer was decided again since (the newer
  // decision is kept and this undo is dropped); 500 lock or file error
  // (the undo is kept, to be tried again).
  SessionReply Undo();

  const std::vector<ReviewItem>& items() const { return items_; }
  const std::string& decisions_path() const { return options_.decisions_path; }

 private:
  ReviewSession() = default;

  // Sets (or, without `change`, removes) the decision of `item` in the
  // decisions file, if the answer's revision there is `revision`; records
  // the change in the undo journal when `undoable`. REQUIRES: decide_mutex_ held.
  SessionReply ChangeLocked(const ReviewItem& item, std::optional<DecisionRecord> change,
                            const std::string& revision, bool undoable);
  // The same, with the lock of the decisions file `resolved` already held.
  SessionReply ChangeUnderLock(const std::string& resolved, const ReviewItem& item,
                               std::optional<DecisionRecord> change, const std::string& revision,
                               bool undoable);
  size_t UndoCount() const;
  // The decisions file's real path (links followed), and its lock held.
  struct LockedDecisions {
    std::string path;
    FileLock lock;
  };
  Result<LockedDecisions> LockDecisionsFile() const;

  ReviewSessionOptions options_;
  std::unique_ptr<CompiledCodebook> codebook_;
  std::unordered_map<std::string, RunAnswer> run_;
  std::vector<ReviewItem> items_;
  std::unordered_map<std::string, size_t> item_index_;
  std::mutex decide_mutex_;  // One read-modify-write at a time in this process.
  bool backed_up_ = false;   // The file before this session is kept; guarded by decide_mutex_.
};

}  // namespace verbatim

#endif  // VERBATIM_SERVE_REVIEW_SESSION_H_
