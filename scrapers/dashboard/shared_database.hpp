// One database connection shared by the dashboard's request threads.
//
// Guarantees: requests use the connection one at a time (a mutex); a request that fails
// with a database error (503: the server went away, the network broke) drops the
// connection, and the next request opens a new one from the same settings, so the
// dashboard outlives a PostgreSQL restart. Opening fails as a 503 answer, never a throw.
#pragma once

#include <functional>
#include <mutex>
#include <optional>

#include "scrapers/dashboard/api_response.hpp"
#include "tracking/database.hpp"

namespace scrapers::dashboard {

class SharedDatabase {
 public:
  explicit SharedDatabase(tracking::Database db);

  ApiResponse run(const std::function<ApiResponse(tracking::Database&)>& work);

 private:
  std::mutex mutex_;
  tracking::Database settings_;             // opened once; only its settings are reused
  std::optional<tracking::Database> live_;  // the connection requests use
};

}  // namespace scrapers::dashboard
