// The queue worker's side of a job, for tests of what a program records under the
// queue: claiming a job as the worker would, and ending an attempt whose program
// exited 1 (the worker itself would retry a plain failure).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "tracking/queue.hpp"

namespace scrapers::testing {

// Enqueues `program args` (3 attempts) and claims it as `worker`; returns the job id.
inline std::string enqueue_and_claim(tracking::Database& db, const std::string& worker, const std::string& program,
                                     const std::vector<std::string>& args = {}) {
  tracking::EnqueueParams params;
  params.program = program;
  params.args = args;
  params.max_attempts = 3;
  auto queued = tracking::enqueue_job(db, params);
  EXPECT_TRUE(queued.ok()) << queued.error().describe();
  auto claimed = tracking::claim_jobs(db, {worker, 1, {}});
  EXPECT_TRUE(claimed.ok() && claimed->size() == 1u);
  return queued ? queued->id : std::string();
}

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
