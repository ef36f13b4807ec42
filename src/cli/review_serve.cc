#include "cli/review_serve.h"

#include <filesystem>
#include <memory>

#include "cli/cli.h"
#include "cli/code_command.h"
#include "cli/run_input.h"
#include "io/input/run_manifest_reader.h"
#include "serve/review_server.h"
#include "serve/review_session.h"

namespace verbatim {
namespace {

struct ServeFlags {
  std::string dir;
  int port = 0;
  std::string decisions;
  double lock_timeout = 10;
};

Outcome RunServe(const ServeFlags& flags, CommandContext& context) {
  const char* const kName = "verbatim review serve: ";
  const std::string manifest_path = (std::filesystem::path(flags.dir) / "run.json").string();
  auto manifest = ReadRunManifest(manifest_path);
  if (!manifest) {
    context.err << kName << FormatError(manifest.error()) << " (review serve needs the run.json "
                << "that `verbatim code --out " << flags.dir << "` writes)\n";
    return Outcome::kDataError;
  }
  auto input = MakeInputOptions(InputFlagsOfRun(InputFlags{}, *manifest));
  if (!input) {
    context.err << kName << input.error().message << '\n';
    return Outcome::kDataError;
  }
  if (input->path.empty() || input->path == "-" || manifest->codebook_path.empty()) {
    context.err << kName << manifest_path << " names no input file or no codebook: the run "
                << "read standard input, so its answers cannot be read again\n";
    return Outcome::kUsage;
  }
  ReviewSessionOptions options;
  options.codebook_path = manifest->codebook_path;
  options.input = *input;
  // The decisions file: the flag's, else the one the run applied, else DIR's.
  options.decisions_path = !flags.decisions.empty() ? flags.decisions
                           : manifest->decisions ? manifest->decisions->path
                           : (std::filesystem::path(flags.dir) / "decisions.csv").string();
  options.lock_timeout_seconds = flags.lock_timeout;
  auto session = ReviewSession::Open(options);
  if (!session) {
    context.err << kName << FormatError(session.error()) << '\n';
    return Outcome::kDataError;
  }
  ServeOptions serve;
  serve.port = flags.port;
  serve.token = NewAccessToken();
  serve.on_listening = [&](const std::string& url) {
    context.out << "Review screen for " << flags.dir << " (" << (*session)->items().size()
                << " answer(s) to review): open\n  " << url << "\n"
                << "Every decision is saved at once in " << options.decisions_path
                << " (the previous version kept as " << options.decisions_path << ".bak). "
                << "Stop with Ctrl-C.\nApply them: "
                << CodeCommandLine(*manifest, flags.dir, options.decisions_path) << std::endl;
  };
  if (auto served = ServeReview(**session, serve); !served) {
    context.err << kName << FormatError(served.error()) << '\n';
    return Outcome::kUsage;
  }
  return Outcome::kSuccess;
}

}  // namespace

std::function<Outcome(CommandContext&)> SetupReviewServe(CLI::App& review) {
  CLI::App* serve = review.add_subcommand(
      "serve", "Serve a review screen on 127.0.0.1 for a run's output folder: decide its disputed "
               "answers in the browser, each decision saved at once in the decisions file");
  auto flags = std::make_shared<ServeFlags>();
  serve->add_option("dir", flags->dir, "The run's output folder (with its run.json)")->required();
  serve->add_option("--port", flags->port, "Port on 127.0.0.1 (default: 0, any free port)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--decisions", flags->decisions,
                    "The decisions file (default: the one the run applied, else DIR/decisions.csv)");
  serve->add_option("--lock-timeout", flags->lock_timeout,
                    "Seconds a save waits for another process holding the decisions file's lock "
                    "(default: 10)")
      ->check(CLI::NonNegativeNumber);
  return [flags, serve](CommandContext& context) {
    return serve->parsed() ? RunServe(*flags, context) : Outcome::kUsage;
  };
}

}  // namespace verbatim
