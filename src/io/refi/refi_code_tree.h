// The codebook as a REFI-QDA <Codes> tree, shared by the codebook (.qdc)
// and project (.qdpx) writers. Internal to io/refi: it exposes pugixml.
#ifndef VERBATIM_IO_REFI_REFI_CODE_TREE_H_
#define VERBATIM_IO_REFI_REFI_CODE_TREE_H_

#include <pugixml.hpp>

#include "core/codebook.h"

namespace verbatim {

// Appends one <Code> per theme to `codes` (a <Codes> element), each with its
// subthemes nested, in codebook order: guid RefiCodeGuid, name RefiCodeName,
// isCodable true, color RefiCodeColor, <Description> RefiCodeDescription.
void AppendRefiCodeTree(const Codebook& codebook, pugi::xml_node codes);

// pugixml's output, indented by two spaces, UTF-8, with the declaration.
void SaveRefiXml(const pugi::xml_document& document, std::ostream& out);

}  // namespace verbatim

#endif  // VERBATIM_IO_REFI_REFI_CODE_TREE_H_
