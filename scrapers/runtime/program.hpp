// A scraper program's main(), after its arguments are parsed and validated:
// connect to the database (DATABASE_URL, .env), build the services (HTTP, assets,
// site URLs) and hand both to the program's body, which creates its job with
// run_tracked_job(). Failing to reach the database or a configuration error is one
// log line and a non-zero exit (1 for the database, 2 for configuration), before any
// job row can exist.
#pragma once

#include <functional>

#include "common/http/transport_factory.hpp"
#include "scrapers/runtime/exit_codes.hpp"
#include "scrapers/runtime/services.hpp"
#include "tracking/database.hpp"

namespace scrapers::runtime {

using ProgramBody = std::function<int(tracking::Database& db, Services& services)>;

int run_program(const http::TransportSettings& transport, const ProgramBody& body);

}  // namespace scrapers::runtime
