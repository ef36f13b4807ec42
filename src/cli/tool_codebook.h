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

// The line a command prints when it needs a codebook and none was given:
// "verbatim <command>: --codebook is required (the codebook YAML that defines
// your codes)". No codebook is ever taken by default: a survey coded with
// another survey's codebook gives plausible, wrong counts.
std::string CodebookRequiredMessage(std::string_view command);

// Loads, checks and compiles `path` (run/codebook_setup.h). With errors:
// prints every diagnostic and "verbatim <command>: <path> has errors
// (above)" on `err`, returns null. With warnings only: prints "<path>: N
// warning(s); run 'verbatim check <path>' to see them".
std::unique_ptr<CompiledCodebook> SetUpToolCodebook(const std::string& path,
                                                    std::string_view command, std::ostream& err);

}  // namespace verbatim

#endif  // VERBATIM_CLI_TOOL_CODEBOOK_H_
