// The codebook of a command that uses a codebook without being about it
// (explain, diff, terms): its warnings are summed up in one line, since
// `verbatim check` is where they are read; its errors are all shown.
#ifndef VERBATIM_CLI_TOOL_CODEBOOK_H_
#define VERBATIM_CLI_TOOL_CODEBOOK_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "core/compiled_codebook.h"

namespace verbatim {

// Loads, checks and compiles `path` (run/codebook_setup.h). With errors:
// prints every diagnostic and "verbatim <command>: <path> has errors
// (above)" on `err`, returns null. With warnings only: prints "<path>: N
// warning(s); run 'verbatim check <path>' to see them".
std::unique_ptr<CompiledCodebook> SetUpToolCodebook(const std::string& path,
                                                    std::string_view command, std::ostream& err);

}  // namespace verbatim

#endif  // VERBATIM_CLI_TOOL_CODEBOOK_H_
