// Chooses a CSV column from its header for --column and --id-column.
//
// Design: users type column names by hand ("quelle est votre opinion ?"),
// while Google Forms writes the whole question as the header ("Quelle est
// votre opinion ?", with a non-breaking space before '?'). So a name that
// does not match exactly is compared folded: ASCII case, the accents of
// Latin-1 letters (plus œ, Œ, Ÿ), all white space (including U+00A0 and
// U+202F) and the typographic apostrophe are ignored. This is deliberately
// small and table-driven rather than full ICU case folding: headers are
// short, and the rule must be easy to explain in an error message.
#ifndef VERBATIM_IO_COLUMN_SELECTOR_H_
#define VERBATIM_IO_COLUMN_SELECTOR_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace verbatim {

// The comparison key described above: "Qu’est-ce  Été" -> "qu'est-ceete".
// Bytes it does not know (other scripts, invalid UTF-8) are kept as they are.
std::string FoldHeaderName(std::string_view name);

// Finds `spec` among `headers` and returns its 0-based index. Tried in
// order: an exact header name, a folded header name, a 1-based index (all
// digits). Errors (located at `header_location`, with `option` such as
// "--column" in the message): no match (the message lists the columns: the
// first 20, each cut to 60 bytes), a folded name matching several columns
// (the message lists them), an index of 0 or past the last column.
// REQUIRES: !spec.empty().
Result<size_t> SelectColumn(const std::vector<std::string>& headers, const std::string& spec,
                            std::string_view option, const SourceLocation& header_location);

// The default text column: the last whose folded header is not a timestamp
// or an id ("horodateur", "timestamp", "horodatage", or an id name of
// DefaultIdColumn). Error (at
// `header_location`, listing the columns) when every column is one of those.
Result<size_t> DefaultTextColumn(const std::vector<std::string>& headers,
                                 const SourceLocation& header_location);

// The default id column: the first whose folded header is one of the names
// survey tools export ids under: "id" (also "ID"), "response id",
// "respondent_id", "identifiant" (compared folded, so "Response ID" and
// " Identifiant " match). nullopt when there is none (ids are then row
// numbers).
std::optional<size_t> DefaultIdColumn(const std::vector<std::string>& headers);

}  // namespace verbatim

#endif  // VERBATIM_IO_COLUMN_SELECTOR_H_
