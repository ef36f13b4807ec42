// `verbatim review serve DIR [--port N] [--decisions FILE]`: the review
// screen for a run's output folder (serve/review_server.h), a subcommand of
// `review` (cmd_review.cc).
#ifndef VERBATIM_CLI_REVIEW_SERVE_H_
#define VERBATIM_CLI_REVIEW_SERVE_H_

#include <functional>

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace verbatim {

// Adds `serve` under `review`; the runner runs it when it was parsed.
std::function<Outcome(CommandContext&)> SetupReviewServe(CLI::App& review);

}  // namespace verbatim

#endif  // VERBATIM_CLI_REVIEW_SERVE_H_
