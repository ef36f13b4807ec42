#include "cli/cli.h"

#include <unistd.h>

#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/commands.h"

namespace verbatim {

int ExitCodeFor(Outcome outcome) {
  switch (outcome) {
    case Outcome::kSuccess:
      return 0;
    case Outcome::kDataError:
    case Outcome::kOutputError:
      return 1;
    case Outcome::kUsage:
      return 2;
    case Outcome::kInternal:
      return 70;
  }
  return 70;
}

namespace {

// "counts merge" for a nested subcommand, "check" for a plain one.
std::string CommandName(const CLI::App& sub) {
  std::string name = sub.get_name();
  for (const CLI::App* nested : sub.get_subcommands()) {
    if (nested->parsed()) name += " " + nested->get_name();
  }
  return name;
}

// The outcome once `out`'s last writes are known: a command that printed
// its results to a full disk has not succeeded.
Outcome CheckStandardOutput(const std::string& command, Outcome outcome, std::ostream& out,
                            std::ostream& err, const std::function<bool()>& close_out) {
  out.flush();
  bool written = static_cast<bool>(out);
  if (close_out && !close_out()) written = false;
  if (written || outcome == Outcome::kOutputError) return outcome;
  err << "verbatim " << command << ": cannot write to standard output\n";
  return outcome == Outcome::kSuccess ? Outcome::kOutputError : outcome;
}

}  // namespace

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
           const std::function<bool()>& close_out) {
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
    return ExitCodeFor(code == 0 ? Outcome::kSuccess : Outcome::kUsage);
  }

  CommandContext context{out, err, isatty(STDERR_FILENO) != 0, isatty(STDOUT_FILENO) != 0};
  for (auto& [sub, run] : commands) {
    if (!sub->parsed()) continue;
    try {
      const Outcome outcome = run(context);
      return ExitCodeFor(CheckStandardOutput(CommandName(*sub), outcome, out, err, close_out));
    } catch (const std::filesystem::filesystem_error& e) {
      err << "verbatim: " << e.what() << "\n";
      return ExitCodeFor(Outcome::kDataError);
    } catch (const std::exception& e) {
      err << "verbatim: internal error: " << e.what() << "\n";
      return ExitCodeFor(Outcome::kInternal);
    }
  }
  return ExitCodeFor(Outcome::kUsage);
}

}  // namespace verbatim
