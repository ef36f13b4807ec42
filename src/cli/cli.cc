#include "cli/cli.h"

#include <unistd.h>

#include <exception>
#include <filesystem>
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/commands.h"

namespace verbatim {

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"verbatim: code open-ended survey answers with a rule-based codebook"};
  app.set_version_flag("--version", std::string("verbatim ") + VERBATIM_VERSION);
  app.require_subcommand(1);

  std::vector<std::pair<CLI::App*, CommandRunner>> commands;
  for (const CommandRegistration& registration : AllCommands()) {
    CLI::App* sub = app.add_subcommand(registration.name, registration.description);
    commands.emplace_back(sub, registration.setup(*sub));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0 in CLI11.
    const int code = app.exit(e, out, err);
    return code == 0 ? kExitSuccess : kExitUsage;
  }

  CommandContext context{out, err, isatty(STDERR_FILENO) != 0, isatty(STDOUT_FILENO) != 0};
  for (auto& [sub, run] : commands) {
    if (!sub->parsed()) continue;
    try {
      return run(context);
    } catch (const std::filesystem::filesystem_error& e) {
      err << "verbatim: " << e.what() << "\n";
      return kExitDataError;
    } catch (const std::exception& e) {
      err << "verbatim: internal error: " << e.what() << "\n";
      return kExitDataError;
    }
  }
  return kExitUsage;
}

}  // namespace verbatim
