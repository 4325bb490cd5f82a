// finish_attempt() reading the program's own verdict on its failure: the errors entry a
// JobGuard writes for the attempt (kind, retryable) decides whether the job is retried
// and with which delay; without one (the program never ended the row) the worker's
// view decides.
#include <gtest/gtest.h>

#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tests/support/worker_side.hpp"
#include "tracking/job_adoption.hpp"
#include "tracking/job_guard.hpp"
#include "tracking/queue.hpp"

namespace scrapers::testing {
namespace {

using namespace std::chrono_literals;
using tracking::AttemptEnd;
using tracking::FailureKind;
using tracking::FinishKind;
using Json = nlohmann::json;

constexpr const char* kWorker = "host-w:7";

class QueueFinish : public TrackingTest {
 protected:
  // Enqueues a job and claims it as kWorker; returns its id.
  std::string claimed_job() { return enqueue_and_claim(*db_, kWorker, "try-run"); }
  // The program's side: adopt the claimed row and fail it with `kind`.
  void program_fails(const std::string& id, const std::string& error, FailureKind kind) {
    auto adopted = tracking::adopt_job(*db_, {id, std::string(kWorker), Json::object(), {}});
    ASSERT_TRUE(adopted.ok()) << adopted.error().describe();
    tracking::JobGuard guard(*db_, *adopted, tracking::JobGuardOptions{1h});
    ASSERT_TRUE(guard.fail(error, Json{{"total", 1}, {"success", 0}, {"failed", 1}}, kind).ok());
  }
  // The worker's side after the child exited 1: it would retry a plain failure.
  tracking::FinishOutcome finish(const std::string& id) {
    return testing::finish_exit_status_1(*db_, id, kWorker, 10s);
  }
};

TEST_F(QueueFinish, APermanentFailureIsNotRetriedWhateverTheWorkerThinks) {
  const auto id = claimed_job();
  program_fails(id, "HTTP 404 (https://example.com/x)", FailureKind::permanent);
  const auto outcome = finish(id);
  EXPECT_EQ(outcome.kind, FinishKind::failed);
  EXPECT_EQ(outcome.error, "HTTP 404 (https://example.com/x)");
  EXPECT_TRUE(is_true(id, "status = 'failed' AND finished_at IS NOT NULL"));
  const auto errors = Json::parse(*column(id, "errors"));
  ASSERT_EQ(errors.size(), 1u) << "the program's entry, not a second one: " << errors;
  EXPECT_EQ(errors[0]["kind"], "permanent");
  EXPECT_EQ(errors[0]["retryable"], false);
  EXPECT_EQ(errors[0]["worker"], kWorker);
}

TEST_F(QueueFinish, ARetryableFailureIsRetriedWithTheNormalDelay) {
  const auto id = claimed_job();
  program_fails(id, "connection refused", FailureKind::retryable);
  EXPECT_EQ(finish(id).kind, FinishKind::retrying);
  EXPECT_TRUE(is_true(id,
                      "status = 'queued' AND run_at > now() + interval '5 seconds' "
                      "AND run_at < now() + interval '1 minute'"));
}

TEST_F(QueueFinish, ABlockIsRetriedWithTheLongDelay) {
  const auto id = claimed_job();
  program_fails(id, "3 consecutive blocked answers", FailureKind::blocked);
  EXPECT_EQ(finish(id).kind, FinishKind::retrying);
  EXPECT_TRUE(is_true(id, "status = 'queued' AND run_at > now() + interval '50 minutes'"));
}

TEST_F(QueueFinish, ACancelledRunIsNotRetried) {
  const auto id = claimed_job();
  ASSERT_EQ(tracking::cancel_job(*db_, id)->kind, tracking::CancelKind::stop_requested);
  program_fails(id, "cancelled", FailureKind::cancelled);
  const auto outcome = finish(id);
  EXPECT_EQ(outcome.kind, FinishKind::failed);
  EXPECT_EQ(outcome.error, "cancelled");
  EXPECT_EQ(column(id, "errors->0->>'kind'"), "cancelled");
}

TEST_F(QueueFinish, WithoutTheProgramsEntryTheWorkersViewDecides) {
  const auto id = claimed_job();  // the child crashed: the row is still running
  const auto outcome = finish(id);
  EXPECT_EQ(outcome.kind, FinishKind::retrying);
  EXPECT_EQ(outcome.error, "exit status 1");
  EXPECT_TRUE(is_true(id, "run_at < now() + interval '1 minute'"));
  EXPECT_EQ(column(id, "errors->0->'retryable'"), std::nullopt) << "the worker's entry carries no verdict";
}

TEST_F(QueueFinish, AnEntryFromAnEarlierAttemptDoesNotDecideThisOne) {
  const auto id = claimed_job();
  program_fails(id, "HTTP 503", FailureKind::retryable);
  ASSERT_EQ(finish(id).kind, FinishKind::retrying);
  sql_->exec("UPDATE pipeline_jobs SET run_at = now()");
  ASSERT_EQ(tracking::claim_jobs(*db_, {kWorker, 1, {}})->size(), 1u);
  // Attempt 2 crashes: no entry of its own, so the worker's (non-retryable) view decides.
  AttemptEnd end;
  end.failed = true;
  end.error = "killed by SIGSEGV";
  end.retryable = false;
  auto outcome = tracking::finish_attempt(*db_, id, kWorker, 2, end);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->kind, FinishKind::failed);
}

TEST_F(QueueFinish, AGracefulRequeueDropsTheEntryOfTheUncountedAttempt) {
  const auto id = claimed_job();
  program_fails(id, "interrupted by signal", FailureKind::retryable);  // the worker's SIGTERM
  ASSERT_EQ(*tracking::requeue_without_attempt(*db_, id, kWorker, 1), tracking::RequeueKind::requeued);
  EXPECT_EQ(column(id, "errors"), "[]");
  ASSERT_EQ(tracking::claim_jobs(*db_, {kWorker, 1, {}})->at(0).attempt, 1) << "the attempt number is reused";
  program_fails(id, "HTTP 404", FailureKind::permanent);
  EXPECT_EQ(finish(id).kind, FinishKind::failed) << "decided by this run's entry, not the dropped one";
}

TEST_F(QueueFinish, TheProgramsEntryReplacesAnEarlierOneForTheSameAttempt) {
  const auto id = claimed_job();
  sql_->exec("UPDATE pipeline_jobs SET errors = '[{\"attempt\": 1, \"error\": \"stale\", \"retryable\": true}]'");
  program_fails(id, "layout changed", FailureKind::permanent);
  const auto errors = Json::parse(*column(id, "errors"));
  ASSERT_EQ(errors.size(), 1u) << errors;
  EXPECT_EQ(errors[0]["error"], "layout changed");
  EXPECT_EQ(finish(id).kind, FinishKind::failed);
}

}  // namespace
}  // namespace scrapers::testing
