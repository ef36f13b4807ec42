// What verbatim's REFI-QDA files (io/refi/) share: deterministic GUIDs,
// theme colours, and the code tree of a codebook.
//
// Design: REFI-QDA identifies every code, source, selection and coding by a
// GUID. Random GUIDs would make two exports of the same run differ; these
// are derived from a SHA-256 of what they name (the kind of object and its
// verbatim ids), so an export is reproducible byte for byte and a code keeps
// its GUID from one export to the next.
#ifndef VERBATIM_IO_REFI_REFI_IDS_H_
#define VERBATIM_IO_REFI_REFI_IDS_H_

#include <string>
#include <string_view>

#include "core/codebook.h"

namespace verbatim {

// "XXXXXXXX-XXXX-8XXX-YXXX-XXXXXXXXXXXX" (upper-case hex, RFC 9562 version 8,
// "custom") from SHA-256 of `kind` and `key`: the same arguments give the
// same GUID, different ones a different GUID (barring SHA-256 collisions).
std::string RefiGuid(std::string_view kind, std::string_view key);

// The GUID of a code of `codebook`: RefiGuid("code", codebook id + '/' + code id).
std::string RefiCodeGuid(const Codebook& codebook, int code);

// "#RRGGBB": the colour of the code's theme (a subtheme takes its theme's),
// from a fixed palette of distinct colours taken in theme order, cycling
// after the palette's end.
std::string RefiCodeColor(const Codebook& codebook, int code);

// The code's name in a REFI-QDA file: its label, or its id when it has none.
std::string RefiCodeName(const CodeDefinition& code);

// The code's description in a REFI-QDA file: the description, "Use when:"
// and "Not when:" paragraphs, and a last line "verbatim id: ID" by which
// import finds the code again whatever a tool did to its name.
std::string RefiCodeDescription(const CodeDefinition& code);

// The id a description written by RefiCodeDescription names, or "".
std::string CodeIdFromRefiDescription(std::string_view description);

// The number of Unicode code points in text[0, byte): REFI-QDA counts
// selection positions in characters. A byte that does not start a valid
// UTF-8 sequence counts as one character.
size_t CodePointOffset(std::string_view text, size_t byte);

// `text` made fit for XML 1.0 (element text and attribute values): each
// invalid UTF-8 byte and each control character XML forbids (all below
// U+0020 but tab, LF and CR) becomes U+FFFD. A CSV cell may hold either;
// pugixml would write them as they are and no tool could read the file.
std::string RefiXmlText(std::string_view text);

}  // namespace verbatim

#endif  // VERBATIM_IO_REFI_REFI_IDS_H_
