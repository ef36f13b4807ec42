// Reads REFI-QDA projects (.qdpx) and codebooks (.qdc) as other tools
// (NVivo, MAXQDA, ATLAS.ti, QualCoder) and verbatim write them: the code
// tree and, for a project, which codes each source carries.
//
// Design: only what a gold coding needs is read. Element names are compared
// without a namespace prefix; GUIDs are compared without braces and case
// (the standard allows "{…}", tools differ in case). A coding counts for
// its source whether it sits on the source itself or on any selection of it
// (text, PDF, picture, audio, video), so an answer coded on a few words is
// coded. Notes, sets, links, graphs, users and variables are ignored.
#ifndef VERBATIM_IO_REFI_QDPX_READER_H_
#define VERBATIM_IO_REFI_QDPX_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace verbatim {

struct RefiCode {
  std::string guid;  // Upper case, no braces.
  std::string name;
  std::string description;
  std::string color;  // As written ("#RRGGBB"), or "".
  int parent = -1;    // Index in the list of its parent code; -1 at the top.
};

struct RefiSource {
  std::string name;
  // Indices of the codes coding it or any of its selections, each once, in
  // the order of first coding.
  std::vector<int> codes;
};

struct RefiProject {
  std::vector<RefiCode> codes;  // Document order: a parent before its children.
  std::vector<RefiSource> sources;
  // CodeRef targets that name no code of the project (upper case), each once.
  std::vector<std::string> dangling_code_refs;
};

// Reads project.qde from the .qdpx archive at `path`. Errors name the file:
// not a zip archive, no project.qde, XML that is not well-formed (with the
// byte offset), no <Project> root, a code without a guid.
Result<RefiProject> ReadQdpx(const std::string& path);

// Parses a project.qde document; `name` names it in messages.
Result<RefiProject> ParseRefiProject(std::string_view xml, const std::string& name);

// Reads a .qdc codebook's code tree. Errors as ReadQdpx's, for a <CodeBook>
// root.
Result<std::vector<RefiCode>> ReadQdc(const std::string& path);

// Parses a .qdc document; `name` names it in messages.
Result<std::vector<RefiCode>> ParseRefiCodebook(std::string_view xml, const std::string& name);

}  // namespace verbatim

#endif  // VERBATIM_IO_REFI_QDPX_READER_H_
