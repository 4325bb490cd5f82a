#include "scrapers/dashboard/api_response.hpp"

#include "tracking/database.hpp"

namespace scrapers::dashboard {

ApiResponse error_response(int status, const std::string& message) {
  return ApiResponse{status, Json{{"error", tracking::one_line(message)}}};
}

ApiResponse error_response(const Error& error) {
  int status = 500;
  switch (error.kind) {
    case ErrorKind::invalid_argument: status = 400; break;
    case ErrorKind::unauthorized: status = 401; break;
    case ErrorKind::not_found: status = 404; break;
    case ErrorKind::database: status = 503; break;
    default: break;
  }
  return error_response(status, error.describe());
}

}  // namespace scrapers::dashboard
