#include "scrapers/dashboard/shared_database.hpp"

#include "common/util/log.hpp"

namespace scrapers::dashboard {

SharedDatabase::SharedDatabase(tracking::Database db) : settings_(std::move(db)) {}

ApiResponse SharedDatabase::run(const std::function<ApiResponse(tracking::Database&)>& work) {
  std::lock_guard lock(mutex_);
  if (!live_) {
    auto opened = settings_.open_another();
    if (!opened) {
      log::warn("dashboard: " + opened.error().describe());
      return error_response(503, opened.error().describe());
    }
    live_.emplace(std::move(*opened));
  }
  ApiResponse response = work(*live_);
  if (response.status == 503) live_.reset();
  return response;
}

}  // namespace scrapers::dashboard
