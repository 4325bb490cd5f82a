#include "common/util/error.hpp"

namespace scrapers {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::network: return "network";
    case ErrorKind::timeout: return "timeout";
    case ErrorKind::http_status: return "http_status";
    case ErrorKind::blocked: return "blocked";
    case ErrorKind::too_large: return "too_large";
    case ErrorKind::bad_encoding: return "bad_encoding";
    case ErrorKind::bad_content_type: return "bad_content_type";
    case ErrorKind::layout_changed: return "layout_changed";
    case ErrorKind::missing_field: return "missing_field";
    case ErrorKind::parse: return "parse";
    case ErrorKind::invalid_argument: return "invalid_argument";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::quota_exhausted: return "quota_exhausted";
    case ErrorKind::unauthorized: return "unauthorized";
    case ErrorKind::interrupted: return "interrupted";
    case ErrorKind::io: return "io";
    case ErrorKind::database: return "database";
    case ErrorKind::internal: return "internal";
  }
  return "internal";
}

bool Error::retryable() const {
  switch (kind) {
    case ErrorKind::network:
    case ErrorKind::timeout: return true;
    case ErrorKind::http_status: return is_retryable_status(http_status);
    default: return false;
  }
}

std::string Error::describe() const {
  if (context.empty()) return message;
  return message + " (" + context + ")";
}

Error make_error(ErrorKind kind, std::string message, std::string context) {
  return Error{kind, std::move(message), std::move(context), 0};
}

bool is_retryable_status(int status) noexcept {
  switch (status) {
    case 408:
    case 425:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504: return true;
    default: return false;
  }
}

bool is_refused_before_acting(int status) noexcept {
  return status == 408 || status == 425 || status == 429 || status == 503;
}

ErrorException::ErrorException(Error error) : std::runtime_error(error.describe()), error_(std::move(error)) {}

}  // namespace scrapers
