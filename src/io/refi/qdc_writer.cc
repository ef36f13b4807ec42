#include "io/refi/qdc_writer.h"

#include <pugixml.hpp>

#include "io/refi/refi_code_tree.h"

namespace verbatim {

void WriteQdc(const Codebook& codebook, std::ostream& out) {
  pugi::xml_document document;
  pugi::xml_node declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "utf-8";
  pugi::xml_node root = document.append_child("CodeBook");
  root.append_attribute("xmlns") = "urn:QDA-XML:codebook:1.0";
  root.append_attribute("origin") = "verbatim " VERBATIM_VERSION;
  AppendRefiCodeTree(codebook, root.append_child("Codes"));
  SaveRefiXml(document, out);
}

}  // namespace verbatim
