// The decision language of the review file's `decision` column
// (docs/review.md, "The decision language").
//
// Design: parsing (syntax only, no codebook) is separate from checking the
// ids against a codebook and from resolving a decision into a code set, so
// that the same parse serves `review apply` (check + resolve), the refusal
// check of `code` (is this row already applied?) and the tests. A written
// decision is never guessed at: anything the grammar does not accept is an
// error with the character where it went wrong and, for a misspelt id, a
// did-you-mean suggestion.
//
// Grammar (spaces around tokens are free; case does not matter, since code
// ids are lower case by the codebook format and spreadsheets capitalize the
// first letter of a cell):
//   ok                      accept the machine's proposal
//   none                    no code at all
//   +id -id …               the proposal with codes added (+) or removed (-);
//                           every id has its own sign; ' ' ',' ';' separate
//   =id;id …                exactly these codes (';' ',' or ' ' separate)
// A single leading apostrophe (a spreadsheet's "this is text" marker) is
// ignored. An empty or blank cell is no decision (IsBlankDecision).
#ifndef VERBATIM_CORE_DECISION_H_
#define VERBATIM_CORE_DECISION_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/codebook.h"
#include "core/status.h"

namespace verbatim {

enum class DecisionKind { kAccept, kReject, kEdit, kSet };
inline constexpr DecisionKind kAllDecisionKinds[] = {DecisionKind::kAccept, DecisionKind::kReject,
                                                     DecisionKind::kEdit, DecisionKind::kSet};
// Stable names: "ok", "none", "edit", "set".
std::string_view DecisionKindName(DecisionKind kind);

// A code id as written in a decision, lower-cased, with the 1-based
// character (UTF-8 code point) of the cell where it starts, for messages.
struct WrittenCode {
  std::string id;
  int column = 0;
};

struct Decision {
  DecisionKind kind = DecisionKind::kAccept;
  std::vector<WrittenCode> add;     // kEdit: ids after '+', in written order, no duplicates.
  std::vector<WrittenCode> remove;  // kEdit: ids after '-', likewise.
  std::vector<WrittenCode> codes;   // kSet: the ids, likewise.
};

// True when the cell holds no decision: empty, or only spaces (ASCII or
// no-break), tabs and line ends.
bool IsBlankDecision(std::string_view written);

// The cell without surrounding blanks (as IsBlankDecision counts them):
// how comments are compared and stored.
std::string TrimCell(std::string_view cell);

// The decision as it is compared and stored: surrounding blanks and a
// leading apostrophe removed. "  'ok " -> "ok".
std::string TrimDecision(std::string_view written);

// The decision in a canonical written form, so that two spellings of one
// decision compare equal: "ok", "none", "=a;b" (ids lower-cased, in written
// order, ';'-separated), "-a +b" (removals first). A cell that does not
// parse comes back trimmed (TrimDecision), as written.
std::string CanonicalDecisionText(std::string_view written);

// Parses one cell. Errors carry the message and location.column (1-based,
// in characters of `written`); file and line are the caller's to fill.
// The message quotes the cell and, when the cell looks like a spreadsheet
// formula error (#NAME?, #VALUE!, Err:508…) or a bare code id, says what
// to write instead. REQUIRES: !IsBlankDecision(written).
Result<Decision> ParseDecision(std::string_view written);

// Every id the decision names that `codebook` lacks, one Error each (column
// set), with "did you mean 'x'?" when a codebook id is close. Empty: all
// ids are known.
std::vector<Error> CheckDecisionCodes(const Decision& decision, const Codebook& codebook);

// The code set a decision leads to, from the proposal the reviewer saw
// (code indices). Returns code indices in codebook order, canonical: a theme
// together with one of its subthemes is dropped (the subtheme implies it).
// - ok: the proposal; none: nothing; =: the codes written.
// - +/-: the proposal, then each '-' removes its code (a theme takes its
//   subthemes with it; removing a code that is not there changes nothing),
//   then each '+' adds its code.
// Errors: an id the codebook lacks (run CheckDecisionCodes first for the
// full list with suggestions). REQUIRES: `proposed` indices are valid.
Result<std::vector<int>> ResolveDecision(const Decision& decision, const std::vector<int>& proposed,
                                         const Codebook& codebook);

// Sorts code indices into codebook order, removes duplicates and drops a
// theme that one of its subthemes implies.
std::vector<int> CanonicalCodeSet(std::vector<int> codes, const Codebook& codebook);

}  // namespace verbatim

#endif  // VERBATIM_CORE_DECISION_H_
