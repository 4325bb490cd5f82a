// The queue worker's side of an attempt whose program exited 1, for tests that check
// what the program recorded decides: the worker itself would retry a plain failure.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "tracking/queue.hpp"

namespace scrapers::testing {

inline tracking::FinishOutcome finish_exit_status_1(tracking::Database& db, const std::string& job_id,
                                                    const std::string& worker,
                                                    std::chrono::milliseconds retry_delay) {
  tracking::AttemptEnd end;
  end.failed = true;
  end.error = "exit status 1";
  end.retryable = true;
  end.retry_delay = retry_delay;
  end.blocked_retry_delay = std::chrono::hours(1);
  auto outcome = tracking::finish_attempt(db, job_id, worker, 1, end);
  EXPECT_TRUE(outcome.ok()) << outcome.error().describe();
  return outcome ? *outcome : tracking::FinishOutcome{};
}

}  // namespace scrapers::testing
