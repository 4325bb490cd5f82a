// Internal to scrapers/dashboard: what the server's handlers share.
#pragma once

#include <httplib.h>

#include "scrapers/dashboard/login_throttle.hpp"
#include "scrapers/dashboard/server.hpp"
#include "scrapers/dashboard/sessions.hpp"
#include "scrapers/dashboard/shared_database.hpp"

namespace scrapers::dashboard {

struct DashboardServer::State {
  State(DashboardConfig c, tracking::Database db)
      : config(std::move(c)), database(std::move(db)), sessions(config.token) {}
  DashboardConfig config;
  SharedDatabase database;
  Sessions sessions;
  LoginThrottle login_throttle;
  httplib::Server server;
};

// Registers every /api/ route (routes.cpp).
void add_api_routes(DashboardServer::State& state);
// Writes an API answer as JSON.
void send(httplib::Response& res, const ApiResponse& answer);

}  // namespace scrapers::dashboard
