// How a child's ending becomes the end of its job's attempt (tracking::AttemptEnd), as
// pure functions of the wait status, so the policy is testable without processes:
//  - exit 0: not failed. Any other exit or a signal: failed, with the error
//    "exited with status N" / "killed by signal SIGSEGV (11)" (written only when the
//    program never ended the row itself).
//  - failed attempts are retryable, except exit status 2 (bad arguments or a refused
//    adoption: another attempt cannot fix it); the delay is backoff_delay(attempt,
//    base, max, jitter) and an anti-bot block waits `max`.
// RetryPolicy::from_env() reads JOB_RETRY_BASE_DELAY (default 30s) and
// JOB_RETRY_MAX_DELAY (default 1h); an invalid value is logged and the default kept.
#pragma once

#include <chrono>
#include <string>

#include "tracking/queue.hpp"

namespace scrapers::worker {

struct RetryPolicy {
  std::chrono::milliseconds base{std::chrono::seconds(30)};
  std::chrono::milliseconds max{std::chrono::hours(1)};

  static RetryPolicy from_env();
};

// "exited with status N" or "killed by signal SIGSEGV (11)" for a waitpid() status.
std::string describe_wait_status(int wait_status);
bool ended_cleanly(int wait_status);  // exit status 0

// The ending of attempt `attempt` whose child ended with `wait_status`; `jitter` in [0, 1).
tracking::AttemptEnd attempt_end_for(int wait_status, int attempt, const RetryPolicy& policy, double jitter);

// A failed attempt for a reason no retry can fix (unknown program, bad arguments).
tracking::AttemptEnd final_failure(std::string error);

// A failed attempt that another one may fix (the worker's hard stop, a start failure).
tracking::AttemptEnd retryable_failure(std::string error, int attempt, const RetryPolicy& policy, double jitter);

}  // namespace scrapers::worker
