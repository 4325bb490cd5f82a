#include "scrapers/dashboard/server.hpp"

#include <csignal>

#include "scrapers/dashboard/server_state.hpp"
#include "scrapers/dashboard/web_assets.hpp"

namespace scrapers::dashboard {
namespace {

constexpr std::size_t kMaxTarget = 2048;
constexpr std::size_t kMaxBody = 64 * 1024;

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

bool is_api(const httplib::Request& req) { return req.path.rfind("/api/", 0) == 0; }

void add_static_routes(httplib::Server& server) {
  const auto serve = [](const httplib::Request& req, httplib::Response& res) {
    const WebAsset* asset = find_web_asset(req.path);
    if (asset == nullptr) {
      res.status = 404;
      return;
    }
    res.set_content(std::string(asset->body), std::string(asset->content_type).c_str());
  };
  server.Get("/", serve).Get("/app.js", serve).Get("/app.css", serve);
  server.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
}

}  // namespace

void send(httplib::Response& res, const ApiResponse& answer) {
  res.status = answer.status;
  res.set_content(answer.body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
}

DashboardServer::DashboardServer(DashboardConfig config, tracking::Database db)
    : state_(std::make_unique<State>(std::move(config), std::move(db))) {
  httplib::Server& server = state_->server;
  server.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"}});
  server.set_payload_max_length(kMaxBody);
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.target.size() <= kMaxTarget) return httplib::Server::HandlerResponse::Unhandled;
    send(res, error_response(414, "the request target is longer than 2048 bytes"));
    return httplib::Server::HandlerResponse::Handled;
  });
  // An error without a body (an unknown path, a method not served) gets a JSON one under /api/.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (is_api(req)) {
      send(res, error_response(res.status, res.status == 404 ? "no such endpoint" : "request refused"));
    } else {
      res.set_content(std::to_string(res.status) + "\n", "text/plain");
    }
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send(res, error_response(500, "internal error"));
  });
  add_static_routes(server);
  add_api_routes(*state_);
}

DashboardServer::~DashboardServer() { stop(); }

Result<int> DashboardServer::bind() {
  std::signal(SIGPIPE, SIG_IGN);
  const ListenAddress& at = state_->config.listen;
  const int port = at.port == 0 ? state_->server.bind_to_any_port(at.host)
                                : (state_->server.bind_to_port(at.host, at.port) ? at.port : -1);
  if (port <= 0) {
    return make_error(ErrorKind::io, "cannot listen on " + at.url(at.port) + " (in use, or not an address here)");
  }
  return port;
}

bool DashboardServer::run() { return state_->server.listen_after_bind(); }

void DashboardServer::stop() { state_->server.stop(); }

}  // namespace scrapers::dashboard
