#include "cli/tool_codebook.h"

#include "run/codebook_setup.h"

namespace verbatim {

std::string CodebookRequiredMessage(std::string_view command) {
  return "verbatim " + std::string(command) +
         ": --codebook is required (the codebook YAML that defines your codes)";
}

std::unique_ptr<CompiledCodebook> SetUpToolCodebook(const std::string& path,
                                                    std::string_view command, std::ostream& err) {
  CodebookSetup setup = SetUpCodebook(path);
  if (!setup.compiled) {
    PrintDiagnostics(err, setup.diagnostics);
    err << "verbatim " << command << ": " << path << " has errors (above)\n";
    return nullptr;
  }
  if (!setup.diagnostics.empty()) {
    err << path << ": " << setup.diagnostics.size() << " warning(s); run 'verbatim check " << path
        << "' to see them\n";
  }
  return std::move(setup.compiled);
}

}  // namespace verbatim
