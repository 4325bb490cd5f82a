#include "scrapers/worker/attempt_end.hpp"

#include <sys/wait.h>

#include <cstring>

#include "common/util/backoff.hpp"
#include "scrapers/runtime/duration.hpp"
#include "scrapers/runtime/exit_codes.hpp"

namespace scrapers::worker {
namespace {

std::string signal_name(int signal_number) {
  const char* abbrev = ::sigabbrev_np(signal_number);
  return abbrev != nullptr ? std::string("SIG") + abbrev : std::string("signal");
}

}  // namespace

RetryPolicy RetryPolicy::from_env() {
  RetryPolicy policy;
  policy.base = runtime::duration_from_env("JOB_RETRY_BASE_DELAY", policy.base);
  policy.max = runtime::duration_from_env("JOB_RETRY_MAX_DELAY", policy.max);
  return policy;
}

std::string describe_wait_status(int wait_status) {
  if (WIFEXITED(wait_status)) return "exited with status " + std::to_string(WEXITSTATUS(wait_status));
  if (WIFSIGNALED(wait_status)) {
    const int sig = WTERMSIG(wait_status);
    return "killed by signal " + signal_name(sig) + " (" + std::to_string(sig) + ")";
  }
  return "ended with wait status " + std::to_string(wait_status);
}

bool ended_cleanly(int wait_status) { return WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0; }

tracking::AttemptEnd attempt_end_for(int wait_status, int attempt, const RetryPolicy& policy, double jitter) {
  if (ended_cleanly(wait_status)) return tracking::AttemptEnd{};
  const bool usage = WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == runtime::exit_code::usage;
  if (usage) return final_failure(describe_wait_status(wait_status));
  return retryable_failure(describe_wait_status(wait_status), attempt, policy, jitter);
}

tracking::AttemptEnd final_failure(std::string error) {
  tracking::AttemptEnd end;
  end.failed = true;
  end.error = std::move(error);
  end.retryable = false;
  return end;
}

tracking::AttemptEnd retryable_failure(std::string error, int attempt, const RetryPolicy& policy, double jitter) {
  tracking::AttemptEnd end = final_failure(std::move(error));
  end.retryable = true;
  end.retry_delay = backoff_delay(attempt, policy.base, policy.max, jitter);
  end.blocked_retry_delay = policy.max;
  return end;
}

}  // namespace scrapers::worker
