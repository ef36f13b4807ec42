// verbatim import <format> ...: files of other tools into verbatim's own.
#include <CLI/CLI.hpp>
#include <vector>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/import_qdpx_command.h"

namespace verbatim {

CommandRunner SetupImportCommand(CLI::App& app) {
  app.require_subcommand(1);
  const std::vector<ImportSubcommand> formats = {
      AddImportQdpxCommand(app),
  };
  return [formats](CommandContext& context) {
    for (const ImportSubcommand& format : formats) {
      if (format.app->parsed()) return format.run(context);
    }
    return Outcome::kUsage;
  };
}

}  // namespace verbatim
