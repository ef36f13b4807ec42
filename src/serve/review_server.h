// The HTTP side of `verbatim review serve`: the review page and its two
// calls, on 127.0.0.1 only, for whoever holds the printed URL.
//
// Design: the server is a thin shell around ReviewSession (every decision
// is its Decide). What it adds is access control, because any web page the
// reviewer opens can send requests to 127.0.0.1: every request must carry
// the random token of the printed URL (query `token`, or the
// X-Verbatim-Token header that the page's own calls use), compared in
// constant time; a request whose Origin is not this server's (another
// site's script) or whose Host is not 127.0.0.1/localhost with this port
// (DNS rebinding) is refused with 403 before any handler runs. The page
// forbids every other source by its Content-Security-Policy.
//
// Routes: GET / (the page), GET /api/state (ReviewSession::State), POST
// /api/decide with JSON {"id", "decision", "comment", "revision"}
// (ReviewSession::Decide), POST /api/undo (ReviewSession::Undo).
#ifndef VERBATIM_SERVE_REVIEW_SERVER_H_
#define VERBATIM_SERVE_REVIEW_SERVER_H_

#include <functional>
#include <string>

#include "core/status.h"
#include "serve/review_session.h"

namespace verbatim {

// 32 hex digits from the system's random source (std::random_device).
std::string NewAccessToken();

struct ServeOptions {
  int port = 0;           // 0: a free port chosen by the system.
  std::string token;      // REQUIRES: not empty.
  // Called once listening, with the page's URL (token included).
  std::function<void(const std::string& url)> on_listening;
};

// Serves until the process is stopped. Errors: the port cannot be bound
// (taken, or not allowed), naming it.
Result<void> ServeReview(ReviewSession& session, const ServeOptions& options);

}  // namespace verbatim

#endif  // VERBATIM_SERVE_REVIEW_SERVER_H_
