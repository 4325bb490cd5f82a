// The dashboard's web server (cpp-httplib): the page, its script and style (embedded,
// web_assets.hpp) and the JSON API under /api/ (routes.hpp).
//
// Security guarantees, for every response: Content-Security-Policy "default-src 'self';
// script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';
// frame-ancestors 'none'; base-uri 'none'; form-action 'self'" (no inline script or
// style), X-Content-Type-Options: nosniff, X-Frame-Options: DENY, Referrer-Policy:
// no-referrer, Cache-Control: no-store. A request line whose target exceeds 2048 bytes
// is refused with 414, a body over 64 KiB with 413. Reads need a session only when the
// server listens on a non-loopback address; every action needs DASHBOARD_TOKEN to be
// set, a session (login) and the session's CSRF token (routes.hpp says how).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "common/util/error.hpp"
#include "scrapers/dashboard/listen_address.hpp"
#include "tracking/database.hpp"

namespace scrapers::dashboard {

struct DashboardConfig {
  ListenAddress listen;
  std::optional<std::string> token;  // DASHBOARD_TOKEN; empty or nullopt: actions off
};

class DashboardServer {
 public:
  DashboardServer(DashboardConfig config, tracking::Database db);
  ~DashboardServer();
  DashboardServer(const DashboardServer&) = delete;
  DashboardServer& operator=(const DashboardServer&) = delete;

  // Binds the listening socket; returns the port (the chosen one for port 0).
  Result<int> bind();
  // Serves until stop() (from another thread or a signal handler thread); false when
  // the server failed instead.
  bool run();
  void stop();

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace scrapers::dashboard
