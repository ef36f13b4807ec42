#include "serve/review_server.h"

#include <random>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "serve/review_page.h"

namespace verbatim {
namespace {

bool SameToken(const std::string& given, const std::string& token) {
  if (given.size() != token.size()) return false;
  unsigned char difference = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i] ^ token[i]);
  }
  return difference == 0;
}

void Refuse(httplib::Response& response, const std::string& why) {
  response.status = 403;
  response.set_content("verbatim review serve: refused: " + why + "\n", "text/plain");
}

void SendJson(httplib::Response& response, const SessionReply& reply) {
  response.status = reply.status;
  response.set_content(reply.json, "application/json");
}

}  // namespace

std::string NewAccessToken() {
  std::random_device random;
  std::string token;
  for (int i = 0; i < 4; ++i) token += fmt::format("{:08x}", random());
  return token;
}

Result<void> ServeReview(ReviewSession& session, const ServeOptions& options) {
  httplib::Server server;
  const std::string host = "127.0.0.1";
  const int port = options.port == 0 ? server.bind_to_any_port(host)
                                     : (server.bind_to_port(host, options.port) ? options.port : -1);
  if (port <= 0) {
    return MakeError(fmt::format("cannot listen on {}:{} (taken, or not allowed); choose another "
                                 "with --port, or --port 0 for any free one",
                                 host, options.port));
  }
  const std::string origin = fmt::format("http://{}:{}", host, port);
  const std::string allowed_hosts[] = {fmt::format("{}:{}", host, port),
                                       fmt::format("localhost:{}", port)};
  const std::string token = options.token;

  server.set_pre_routing_handler([&](const httplib::Request& request,
                                     httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    const std::string request_host = request.get_header_value("Host");
    if (request_host != allowed_hosts[0] && request_host != allowed_hosts[1]) {
      Refuse(response, "Host '" + request_host + "' is not this server");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (request.has_header("Origin") && request.get_header_value("Origin") != origin &&
        request.get_header_value("Origin") != "http://" + allowed_hosts[1]) {
      Refuse(response, "requests from another origin (" + request.get_header_value("Origin") +
                           ") are not served");
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::string given = request.has_header("X-Verbatim-Token")
                                  ? request.get_header_value("X-Verbatim-Token")
                                  : request.get_param_value("token");
    if (!SameToken(given, token)) {
      Refuse(response, "no valid token: open the URL that review serve printed");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  server.Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_header("Content-Security-Policy",
                        "default-src 'none'; script-src 'unsafe-inline'; style-src "
                        "'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; "
                        "form-action 'none'; frame-ancestors 'none'");
    response.set_content(std::string(ReviewPageHtml()), "text/html; charset=utf-8");
  });
  server.Get("/api/state", [&](const httplib::Request&, httplib::Response& response) {
    SendJson(response, session.State());
  });
  server.Post("/api/decide", [&](const httplib::Request& request, httplib::Response& response) {
    const auto body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
    auto field = [&](const char* key) {
      if (!body.is_object() || !body.contains(key) || !body[key].is_string()) return std::string();
      return body[key].get<std::string>();
    };
    if (!body.is_object() || field("id").empty()) {
      SendJson(response, {400, nlohmann::json({{"error", "expected a JSON object with an id"}})
                                   .dump()});
      return;
    }
    SendJson(response,
             session.Decide(field("id"), field("decision"), field("comment"), field("revision")));
  });

  server.Post("/api/undo", [&](const httplib::Request&, httplib::Response& response) {
    SendJson(response, session.Undo());
  });

  if (options.on_listening) options.on_listening(origin + "/?token=" + token);
  if (!server.listen_after_bind()) {
    return MakeError(fmt::format("the server on {} stopped with an error", origin));
  }
  return {};
}

}  // namespace verbatim
