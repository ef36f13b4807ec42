#include "io/refi/refi_code_tree.h"

#include <ostream>
#include <vector>

#include "io/refi/refi_ids.h"

namespace verbatim {

void AppendRefiCodeTree(const Codebook& codebook, pugi::xml_node codes) {
  std::vector<pugi::xml_node> nodes(codebook.codes.size());
  for (size_t i = 0; i < codebook.codes.size(); ++i) {
    const CodeDefinition& code = codebook.codes[i];
    pugi::xml_node parent = code.level == CodeLevel::kSubtheme && code.theme_index >= 0
                                ? nodes[static_cast<size_t>(code.theme_index)]
                                : codes;
    pugi::xml_node node = parent.append_child("Code");
    const int index = static_cast<int>(i);
    node.append_attribute("guid") = RefiCodeGuid(codebook, index).c_str();
    node.append_attribute("name") = RefiXmlText(RefiCodeName(code)).c_str();
    node.append_attribute("isCodable") = "true";
    node.append_attribute("color") = RefiCodeColor(codebook, index).c_str();
    // The schema wants <Description> before the nested codes: subthemes
    // always come after their theme, so appending keeps that order.
    node.append_child("Description").text() = RefiXmlText(RefiCodeDescription(code)).c_str();
    nodes[i] = node;
  }
}

void SaveRefiXml(const pugi::xml_document& document, std::ostream& out) {
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace verbatim
