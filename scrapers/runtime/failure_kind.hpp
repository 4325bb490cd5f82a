// Which failures a retry can fix: an Error's kind mapped to the failure kind a job
// records on its row (tracking::FailureKind, read by the queue's finish_attempt()).
//
// Guarantees (one table, failure_kind_of()):
//   retryable  network, timeout, database, io, internal, interrupted, and http_status
//              with a transient status (is_retryable_status: 408, 425, 429, 5xx gateway)
//   permanent  invalid_argument, not_found, layout_changed, missing_field, parse,
//              bad_content_type, bad_encoding, too_large, quota_exhausted, unauthorized,
//              and http_status with any other status (e.g. 404)
//   blocked    blocked (an anti-bot answer: retried after the long delay)
// Anything that is not an ErrorException (a libpqxx or std exception) is retryable.
#pragma once

#include "common/util/error.hpp"
#include "tracking/job_guard.hpp"

namespace scrapers::runtime {

tracking::FailureKind failure_kind_of(const Error& error);

}  // namespace scrapers::runtime
