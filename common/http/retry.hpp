// RetryingTransport: retries transient failures with exponential backoff and jitter.
//
// Retried: network errors, timeouts, and responses (or http_status errors) with a
// status is_retryable_status() accepts (408, 425, 429, 500, 502, 503, 504; see
// common/util/error.hpp) — never any other 4xx, and never too_large,
// invalid_argument, blocked or interrupted. POST and PATCH are not idempotent, so for
// them only is_refused_before_acting() statuses (408/425/429/503) are retried.
// The wait before attempt n+1 is base_delay * multiplier^(n-1), capped at
// max_delay, scaled by a uniform factor in [1 - jitter, 1 + jitter]; a Retry-After
// header (seconds or HTTP-date) replaces it, capped at max_retry_after. Sleeps go
// through the Clock, so an interrupt ends the wait with ErrorKind::interrupted.
// After the last attempt the last Response (or Error) is returned as it is.
// Each retry is logged: "GET <url> attempt 2/4 after 503, waiting 1.2 s".
// One thread at a time (the jitter generator is not shared safely).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string_view>

#include "common/http/message.hpp"
#include "common/util/clock.hpp"

namespace scrapers::http {

struct RetryPolicy {
  int max_attempts = 4;  // including the first
  std::chrono::milliseconds base_delay{1000};
  double multiplier = 2.0;
  std::chrono::milliseconds max_delay{30000};
  double jitter = 0.2;  // 0 = none; at most 1
  std::chrono::milliseconds max_retry_after{120000};
};

// Environment: HTTP_MAX_ATTEMPTS, HTTP_RETRY_BASE_MS, HTTP_RETRY_MAX_WAIT_MS (caps both
// the backoff and Retry-After). Malformed values are invalid_argument.
Result<RetryPolicy> retry_policy_from_env();

// The wait a Retry-After value asks for: delta-seconds or an IMF-fixdate / RFC 850 /
// asctime HTTP-date relative to `now` (a date in the past means 0). nullopt for
// anything unparseable. Not capped: callers cap it.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

class RetryingTransport final : public Transport {
 public:
  RetryingTransport(std::unique_ptr<Transport> inner, Clock& clock, RetryPolicy policy = {},
                    std::uint64_t seed = std::random_device{}());

  Result<Response> send(const Request& request) override;

  // The backoff before attempt `attempt` + 1 (attempt >= 1), jitter included.
  std::chrono::milliseconds backoff(int attempt);

 private:
  std::unique_ptr<Transport> inner_;
  Clock& clock_;
  RetryPolicy policy_;
  std::mt19937_64 rng_;
};

}  // namespace scrapers::http
