// How a child's wait status becomes its attempt's ending: errors naming the exit status
// or the signal, exit status 2 never retried, retry delays within the backoff bounds.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <csignal>

#include "scrapers/worker/attempt_end.hpp"

namespace scrapers::worker {
namespace {

using namespace std::chrono_literals;

constexpr int exited(int code) { return (code & 0xff) << 8; }  // the wait status of exit(code)
constexpr int killed(int signal_number) { return signal_number; }

TEST(AttemptEnd, WaitStatusesAreDescribedByExitStatusOrSignalName) {
  EXPECT_EQ(describe_wait_status(exited(0)), "exited with status 0");
  EXPECT_EQ(describe_wait_status(exited(130)), "exited with status 130");
  EXPECT_EQ(describe_wait_status(killed(SIGSEGV)), "killed by signal SIGSEGV (11)");
  EXPECT_EQ(describe_wait_status(killed(SIGKILL)), "killed by signal SIGKILL (9)");
  EXPECT_EQ(describe_wait_status(killed(SIGABRT)), "killed by signal SIGABRT (6)");
}

TEST(AttemptEnd, ExitStatusZeroIsNotAFailure) {
  EXPECT_FALSE(attempt_end_for(exited(0), 1, RetryPolicy{}, 0.5).failed);
}

TEST(AttemptEnd, ACrashIsARetryableFailureWithTheBackoffDelay) {
  const RetryPolicy policy{1000ms, 10000ms};
  const auto end = attempt_end_for(killed(SIGSEGV), 3, policy, 0.0);
  EXPECT_TRUE(end.failed);
  EXPECT_TRUE(end.retryable);
  EXPECT_EQ(end.error, "killed by signal SIGSEGV (11)");
  EXPECT_EQ(end.retry_delay, 2000ms);  // ceiling 4 s, half of it with no jitter
  EXPECT_EQ(end.blocked_retry_delay, 10000ms);
}

TEST(AttemptEnd, ExitStatusTwoIsNeverRetried) {
  const auto end = attempt_end_for(exited(2), 1, RetryPolicy{}, 0.5);
  EXPECT_TRUE(end.failed);
  EXPECT_FALSE(end.retryable);
  EXPECT_EQ(end.error, "exited with status 2");
}

TEST(AttemptEnd, OtherNonZeroExitStatusesAreRetried) {
  for (int code : {1, 3, 130}) EXPECT_TRUE(attempt_end_for(exited(code), 1, RetryPolicy{}, 0.5).retryable) << code;
}

TEST(AttemptEnd, RetryDelaysNeverExceedTheMaximum) {
  const RetryPolicy policy{100ms, 200ms};
  for (int attempt = 1; attempt < 40; ++attempt) {
    EXPECT_LE(retryable_failure("x", attempt, policy, 0.999).retry_delay, 200ms) << attempt;
  }
}

}  // namespace
}  // namespace scrapers::worker
