// A human coding made in another tool, as gold for `verbatim agree`: the
// codes of a REFI-QDA project (io/refi/qdpx_reader.h) mapped to the ids of a
// verbatim codebook.
//
// Design: a tool's code is known by its name, which an analyst may have
// typed or changed; a code verbatim exported also carries "verbatim id: ID"
// in its description (refi_ids.h). A code maps to a codebook id, first
// match wins: the --map file's row for its name; its name as a code id; the
// id its description names; its name as the label of exactly one code. A
// --map row with an empty code drops that name on purpose. Every name left
// is reported: the caller refuses the gold when one of them codes an answer,
// since the gold would silently miss it.
#ifndef VERBATIM_IO_REFI_REFI_GOLD_H_
#define VERBATIM_IO_REFI_REFI_GOLD_H_

#include <map>
#include <string>
#include <vector>

#include "core/codebook.h"
#include "core/status.h"
#include "io/input/code_sets_reader.h"
#include "io/refi/qdpx_reader.h"

namespace verbatim {

// Tool name -> code id ("" to drop the name).
using CodeNameMap = std::map<std::string, std::string>;

// Reads a CSV with columns "name" and "code" (other columns ignored).
// Errors name the file and line: a missing column, a name given twice.
Result<CodeNameMap> ReadCodeNameMap(const std::string& path);

struct UnmappedCode {
  std::string name;
  size_t sources = 0;  // How many sources it codes.
};

struct RefiGold {
  // One per source, named by the source's name, in project order; codes in
  // codebook order, each once. Sources with the same name are merged.
  std::vector<CodedAnswer> answers;
  std::vector<UnmappedCode> unmapped;  // Project order.
  // --map rows whose code is not in the codebook ("name -> code").
  std::vector<std::string> bad_map_rows;
  size_t dropped_codings = 0;  // Codings of names mapped to "" on purpose.
  size_t merged_sources = 0;   // Sources whose name an earlier source had.
};

RefiGold GoldFromRefiProject(const RefiProject& project, const Codebook& codebook,
                             const CodeNameMap& map);

// The code names of `unmapped` that code at least one source, joined by
// ", " with their counts ("Commits (3 answers)"); "" when none does.
std::string DescribeUsedUnmapped(const std::vector<UnmappedCode>& unmapped);

// Reads the project at `path` and maps it; an error when a code that codes
// an answer cannot be mapped or a --map row names an unknown code (the
// message lists them and says how to fix it with --map). For `agree --gold
// project.qdpx`.
Result<std::vector<CodedAnswer>> ReadQdpxGold(const std::string& path, const Codebook& codebook,
                                              const CodeNameMap& map);

}  // namespace verbatim

#endif  // VERBATIM_IO_REFI_REFI_GOLD_H_
