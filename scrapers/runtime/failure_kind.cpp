#include "scrapers/runtime/failure_kind.hpp"

namespace scrapers::runtime {

tracking::FailureKind failure_kind_of(const Error& error) {
  using tracking::FailureKind;
  switch (error.kind) {
    case ErrorKind::network:
    case ErrorKind::timeout:
    case ErrorKind::database:
    case ErrorKind::io:
    case ErrorKind::internal:
    case ErrorKind::interrupted: return FailureKind::retryable;
    case ErrorKind::http_status:
      return is_retryable_status(error.http_status) ? FailureKind::retryable : FailureKind::permanent;
    case ErrorKind::blocked: return FailureKind::blocked;
    case ErrorKind::too_large:
    case ErrorKind::bad_encoding:
    case ErrorKind::bad_content_type:
    case ErrorKind::layout_changed:
    case ErrorKind::missing_field:
    case ErrorKind::parse:
    case ErrorKind::invalid_argument:
    case ErrorKind::not_found:
    case ErrorKind::quota_exhausted:
    case ErrorKind::unauthorized: return FailureKind::permanent;
  }
  return FailureKind::retryable;
}

}  // namespace scrapers::runtime
