// The queue's SQL against a real PostgreSQL: claim order and exclusivity under
// concurrent claimers, run_at, dependencies and their cascade, paused sources, unique
// keys, the retry path, guarded transitions, cancel, retry, rescue, requeue, progress.
#include "tracking/queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <thread>

#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tracking/jobs.hpp"

namespace scrapers::testing {
namespace {

using namespace std::chrono_literals;
using tracking::AttemptEnd;
using tracking::FinishKind;
using Json = nlohmann::json;

class Queue : public TrackingTest {
 protected:
  static tracking::EnqueueParams job(const std::string& program = "try-run", int priority = 0) {
    tracking::EnqueueParams p;
    p.program = program;
    p.args = {"--flag", "value"};
    p.script_type = "test-" + program;
    p.priority = priority;
    return p;
  }
  std::string enqueue(const tracking::EnqueueParams& p) {
    auto queued = tracking::enqueue_job(*db_, p);
    EXPECT_TRUE(queued.ok()) << queued.error().describe();
    return queued ? queued->id : std::string();
  }
  std::vector<tracking::ClaimedJob> claim(int limit = 10, const std::string& worker = "host-a:1",
                                          std::vector<std::string> programs = {}) {
    auto claimed = tracking::claim_jobs(*db_, {worker, limit, std::move(programs)});
    EXPECT_TRUE(claimed.ok()) << claimed.error().describe();
    return claimed ? *claimed : std::vector<tracking::ClaimedJob>{};
  }
  static std::vector<std::string> ids(const std::vector<tracking::ClaimedJob>& jobs) {
    std::vector<std::string> out;
    for (const auto& j : jobs) out.push_back(j.id);
    return out;
  }
  static AttemptEnd failure(bool retryable, std::chrono::milliseconds delay = 0ms, std::string error = "boom") {
    AttemptEnd end;
    end.failed = true;
    end.error = std::move(error);
    end.retryable = retryable;
    end.retry_delay = delay;
    return end;
  }
  FinishKind finish(const std::string& id, int attempt, const AttemptEnd& end,
                    const std::string& worker = "host-a:1") {
    auto outcome = tracking::finish_attempt(*db_, id, worker, attempt, end);
    EXPECT_TRUE(outcome.ok()) << outcome.error().describe();
    return outcome ? outcome->kind : FinishKind::lost;
  }
  void make_runnable_now() { sql_->exec("UPDATE pipeline_jobs SET run_at = now() WHERE status = 'queued'"); }
};

TEST_F(Queue, ClaimsHighestPriorityFirstThenOldestAndRecordsTheClaim) {
  const auto a = enqueue(job("try-run", 0));
  const auto b = enqueue(job("try-run", 5));
  const auto c = enqueue(job("try-run", 0));
  const auto d = enqueue(job("try-run", 5));
  auto first = claim(1);
  ASSERT_EQ(ids(first), std::vector<std::string>{b});
  EXPECT_EQ(first[0].attempt, 1);
  EXPECT_EQ(first[0].program, "try-run");
  EXPECT_EQ(first[0].args, (std::vector<std::string>{"--flag", "value"}));
  EXPECT_EQ(first[0].script_type, "test-try-run");
  EXPECT_EQ(first[0].max_attempts, 3);
  EXPECT_EQ(ids(claim(10)), (std::vector<std::string>{d, a, c}));
  EXPECT_EQ(column(b, "status"), "running");
  EXPECT_EQ(column(b, "worker"), "host-a:1");
  EXPECT_TRUE(is_true(b, "started_at IS NOT NULL AND heartbeat_at IS NOT NULL AND attempt = 1"));
  EXPECT_TRUE(claim(10).empty());
}

TEST_F(Queue, FutureRunAtProgramFilterAndStandaloneRowsAreNotClaimed) {
  auto later = job();
  later.run_at = std::chrono::system_clock::now() + 1h;
  const auto waiting = enqueue(later);
  auto earlier = job();
  earlier.run_at = std::chrono::system_clock::now() - 1min;
  const auto due = enqueue(earlier);
  const auto other = enqueue(job("chereads-work"));
  ASSERT_TRUE(tracking::create_job(*db_, tracking::JobType::scrape, {{"scriptType", "standalone"}}).ok());
  EXPECT_EQ(ids(claim(10, "host-a:1", {"chereads-work", "nothing"})), std::vector<std::string>{other});
  EXPECT_EQ(ids(claim(10)), std::vector<std::string>{due});
  EXPECT_EQ(column(waiting, "status"), "queued");
  EXPECT_TRUE(claim(10).empty());
}

TEST_F(Queue, ConcurrentClaimersTakeEveryJobExactlyOnce) {
  sql_->exec(
      "INSERT INTO pipeline_jobs (job_type, input, max_attempts, priority) SELECT 'scrape', "
      "'{\"program\": \"try-run\", \"args\": []}', 3, i % 3 FROM generate_series(1, 500) AS i");
  std::mutex mutex;
  std::vector<std::string> all;
  std::vector<std::thread> claimers;
  for (int w = 0; w < 6; ++w) {
    claimers.emplace_back([&, w] {
      auto db = open();
      if (!db) return;
      while (true) {
        auto got = tracking::claim_jobs(*db, {"host:" + std::to_string(w), 7, {}});
        if (!got || got->empty()) return;
        std::lock_guard lock(mutex);
        for (const auto& j : *got) all.push_back(j.id);
      }
    });
  }
  for (auto& t : claimers) t.join();
  EXPECT_EQ(all.size(), 500u);
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), 500u);
  EXPECT_EQ(sql_->scalar("SELECT count(*) FROM pipeline_jobs WHERE status = 'running' AND attempt = 1"), "500");
}

TEST_F(Queue, DependentsWaitForSuccessAndInheritTheEdition) {
  const auto work = *sql_->scalar("INSERT INTO works (title) VALUES ('W') RETURNING id::text");
  const auto edition = *sql_->scalar("INSERT INTO editions (work_id) VALUES ($1) RETURNING id::text", {work});
  const auto parent = enqueue(job("chereads-work"));
  auto dependent = job("chereads-segment", 10);
  dependent.after = {parent};
  const auto child = enqueue(dependent);
  auto claimed = claim(10);
  ASSERT_EQ(ids(claimed), std::vector<std::string>{parent});
  sql_->query("UPDATE pipeline_jobs SET edition_id = $2, work_id = $3 WHERE id = $1", {parent, edition, work});
  EXPECT_TRUE(claim(10).empty()) << "the parent is still running";
  EXPECT_EQ(finish(parent, 1, AttemptEnd{}), FinishKind::succeeded);
  auto next = claim(10);
  ASSERT_EQ(ids(next), std::vector<std::string>{child});
  EXPECT_EQ(next[0].depends_on, std::vector<std::string>{parent});
  EXPECT_EQ(next[0].dependency_edition_id, edition);
  EXPECT_EQ(next[0].dependency_work_id, work);
  EXPECT_FALSE(next[0].edition_id.has_value());
}

TEST_F(Queue, AFinalFailureFailsTheChainTransitively) {
  const auto parent = enqueue(job());
  auto p1 = job();
  p1.after = {parent};
  const auto child = enqueue(p1);
  auto p2 = job();
  p2.after = {child};
  const auto grandchild = enqueue(p2);
  const auto unrelated = enqueue(job());
  ASSERT_EQ(claim(1).at(0).id, parent);
  auto outcome = tracking::finish_attempt(*db_, parent, "host-a:1", 1, failure(false));
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->kind, FinishKind::failed);
  EXPECT_EQ(outcome->dependents_failed, (std::vector<std::string>{child, grandchild}));
  EXPECT_EQ(column(child, "error"), "dependency " + parent + " failed");
  EXPECT_EQ(column(grandchild, "error"), "dependency " + child + " failed");
  EXPECT_TRUE(is_true(grandchild, "status = 'failed' AND finished_at IS NOT NULL"));
  EXPECT_EQ(column(unrelated, "status"), "queued");
}

TEST_F(Queue, EnqueueRejectsUnknownOrFailedDependenciesWithoutARow) {
  auto p = job();
  p.after = {"00000000-0000-4000-8000-000000000000"};
  auto unknown = tracking::enqueue_job(*db_, p);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
  const auto failed = enqueue(job());
  claim(1);
  finish(failed, 1, failure(false));
  p.after = {failed};
  auto after_failed = tracking::enqueue_job(*db_, p);
  ASSERT_FALSE(after_failed.ok());
  EXPECT_EQ(after_failed.error().kind, ErrorKind::invalid_argument);
  p.after = {"not-a-uuid"};
  EXPECT_EQ(tracking::enqueue_job(*db_, p).error().kind, ErrorKind::invalid_argument);
  p.after = {};
  p.program = "";
  EXPECT_EQ(tracking::enqueue_job(*db_, p).error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(sql_->scalar("SELECT count(*) FROM pipeline_jobs"), "1");
}

TEST_F(Queue, APausedSourcesJobsStayQueued) {
  const auto source = *sql_->scalar(
      "INSERT INTO sources (name, domain, status) VALUES ('S', 's.example', 'paused') "
      "RETURNING id::text");
  auto p = job();
  p.source_id = source;
  const auto held = enqueue(p);
  EXPECT_TRUE(claim(10).empty());
  EXPECT_EQ(column(held, "status"), "queued");
  sql_->exec("UPDATE sources SET status = 'active'");
  EXPECT_EQ(ids(claim(10)), std::vector<std::string>{held});
}

TEST_F(Queue, AUniqueKeyHoldsOneQueuedOrRunningJob) {
  auto p = job();
  p.unique_key = "edition-42";
  auto first = tracking::enqueue_job(*db_, p);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->created);
  auto second = tracking::enqueue_job(*db_, p);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->created);
  EXPECT_EQ(second->id, first->id);
  claim(1);
  EXPECT_EQ(tracking::enqueue_job(*db_, p)->status, "running");
  finish(first->id, 1, AttemptEnd{});
  auto third = tracking::enqueue_job(*db_, p);
  EXPECT_TRUE(third->created);
  EXPECT_NE(third->id, first->id);
}

TEST_F(Queue, ConcurrentEnqueuesWithOneUniqueKeyCreateOneRow) {
  std::mutex mutex;
  std::vector<tracking::EnqueuedJob> results;
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      auto db = open();
      auto p = job();
      p.unique_key = "same";
      for (int n = 0; n < 5 && db; ++n) {
        auto r = tracking::enqueue_job(*db, p);
        std::lock_guard lock(mutex);
        if (r) results.push_back(*r);
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(results.size(), 30u);
  EXPECT_EQ(std::count_if(results.begin(), results.end(), [](const auto& r) { return r.created; }), 1);
  for (const auto& r : results) EXPECT_EQ(r.id, results[0].id);
  EXPECT_EQ(sql_->scalar("SELECT count(*) FROM pipeline_jobs"), "1");
}

TEST_F(Queue, ARetryableFailureRetriesUntilMaxAttemptsKeepingEveryError) {
  const auto id = enqueue(job());
  for (int attempt = 1; attempt <= 3; ++attempt) {
    auto claimed = claim(1);
    ASSERT_EQ(ids(claimed), std::vector<std::string>{id}) << attempt;
    EXPECT_EQ(claimed[0].attempt, attempt);
    const auto kind = finish(id, attempt, failure(true, 60s, "error " + std::to_string(attempt)));
    if (attempt < 3) {
      EXPECT_EQ(kind, FinishKind::retrying);
      EXPECT_TRUE(
          is_true(id, "status = 'queued' AND run_at > now() + interval '50 seconds' AND finished_at IS NULL"));
      EXPECT_TRUE(claim(1).empty()) << "not before run_at";
      make_runnable_now();
    } else {
      EXPECT_EQ(kind, FinishKind::failed);
    }
  }
  EXPECT_TRUE(is_true(id, "status = 'failed' AND attempt = 3 AND error = 'error 3' AND finished_at IS NOT NULL"));
  const auto errors = Json::parse(*column(id, "errors"));
  ASSERT_EQ(errors.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(errors[i]["attempt"], i + 1);
    EXPECT_EQ(errors[i]["error"], "error " + std::to_string(i + 1));
    EXPECT_EQ(errors[i]["worker"], "host-a:1");
    EXPECT_TRUE(errors[i]["at"].is_string());
  }
}

TEST_F(Queue, ANonRetryableFailureFailsAtOnce) {
  const auto id = enqueue(job());
  claim(1);
  EXPECT_EQ(finish(id, 1, failure(false)), FinishKind::failed);
  EXPECT_TRUE(is_true(id, "status = 'failed' AND attempt = 1 AND jsonb_array_length(errors) = 1"));
}

TEST_F(Queue, TheRowAsTheProgramEndedItWinsOverTheWorkersView) {
  const auto failed = enqueue(job());
  const auto succeeded = enqueue(job());
  claim(2);
  // The programs ended their rows themselves (JobGuard) before the worker saw them exit.
  ASSERT_TRUE(tracking::update_job_status(*db_, failed, tracking::JobStatus::failed, Json{{"failed", 3}},
                                          std::string("3 of 48 chapters failed"))
                  .ok());
  ASSERT_TRUE(tracking::update_job_status(*db_, succeeded, tracking::JobStatus::success).ok());
  EXPECT_EQ(finish(failed, 1, failure(true, 0ms, "exit status 1")), FinishKind::retrying);
  EXPECT_EQ(column(failed, "errors::jsonb->0->>'error'"), "3 of 48 chapters failed");
  EXPECT_TRUE(is_true(failed, "status = 'queued' AND finished_at IS NULL AND output->>'failed' = '3'"));
  EXPECT_EQ(finish(succeeded, 1, failure(true, 0ms, "killed by SIGSEGV")), FinishKind::succeeded);
  EXPECT_TRUE(is_true(succeeded, "status = 'success' AND errors = '[]'"));
}

TEST_F(Queue, ALateFinishFromAnOldClaimIsLostAndWritesNothing) {
  const auto id = enqueue(job());
  claim(1);
  sql_->exec("UPDATE pipeline_jobs SET heartbeat_at = now() - interval '10 minutes'");
  ASSERT_EQ(tracking::rescue_stale_jobs(*db_, 60s)->size(), 1u);
  EXPECT_EQ(finish(id, 1, AttemptEnd{}), FinishKind::lost) << "rescued and queued again";
  EXPECT_EQ(column(id, "status"), "queued");
  ASSERT_EQ(claim(1).at(0).attempt, 2);  // the same worker name claims it again
  EXPECT_EQ(finish(id, 1, failure(true)), FinishKind::lost) << "attempt 1 is over";
  EXPECT_EQ(finish(id, 2, AttemptEnd{}, "host-b:2"), FinishKind::lost) << "another worker";
  EXPECT_EQ(column(id, "status"), "running");
  EXPECT_EQ(finish(id, 2, AttemptEnd{}), FinishKind::succeeded);
  EXPECT_EQ(tracking::finish_attempt(*db_, "00000000-0000-4000-8000-000000000000", "w", 1, {}).error().kind,
            ErrorKind::not_found);
}

TEST_F(Queue, CancellingQueuedRunningFinishedAndUnknownJobs) {
  const auto queued = enqueue(job());
  auto dep = job();
  dep.after = {queued};
  const auto dependent = enqueue(dep);
  auto cancelled = tracking::cancel_job(*db_, queued);
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().describe();
  EXPECT_EQ(cancelled->kind, tracking::CancelKind::cancelled);
  EXPECT_TRUE(is_true(queued, "status = 'failed' AND error = 'cancelled' AND finished_at IS NOT NULL"));
  EXPECT_EQ(column(dependent, "error"), "dependency " + queued + " cancelled");

  const auto running = enqueue(job());
  dep.after = {running};
  const auto waits = enqueue(dep);
  claim(1);
  EXPECT_FALSE(*tracking::cancel_requested(*db_, running));
  EXPECT_EQ(tracking::cancel_job(*db_, running)->kind, tracking::CancelKind::stop_requested);
  EXPECT_TRUE(*tracking::cancel_requested(*db_, running));
  EXPECT_EQ(column(running, "status"), "running");
  EXPECT_EQ(finish(running, 1, failure(true, 0ms, "cancelled")), FinishKind::failed) << "never retried";
  EXPECT_EQ(column(waits, "error"), "dependency " + running + " cancelled");

  const auto done = enqueue(job());
  claim(1);
  finish(done, 1, AttemptEnd{});
  auto finished = tracking::cancel_job(*db_, done);
  ASSERT_FALSE(finished.ok());
  EXPECT_EQ(finished.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(finished.error().message, "job " + done + " already finished (success)");
  EXPECT_EQ(tracking::cancel_job(*db_, "00000000-0000-4000-8000-000000000000").error().kind, ErrorKind::not_found);
}

TEST_F(Queue, RetryingAFailedJobGivesItOneMoreAttempt) {
  auto p = job();
  p.max_attempts = 1;
  const auto id = enqueue(p);
  claim(1);
  finish(id, 1, failure(true, 0ms, "first"));
  EXPECT_EQ(column(id, "status"), "failed");
  auto retried = tracking::retry_job(*db_, id);
  ASSERT_TRUE(retried.ok()) << retried.error().describe();
  EXPECT_TRUE(is_true(id, "status = 'queued' AND max_attempts = 2 AND error IS NULL AND run_at IS NULL"));
  EXPECT_EQ(column(id, "jsonb_array_length(errors)"), "1");
  EXPECT_EQ(claim(1).at(0).attempt, 2);
  EXPECT_EQ(tracking::retry_job(*db_, id).error().kind, ErrorKind::invalid_argument) << "running";
  EXPECT_EQ(tracking::retry_job(*db_, "00000000-0000-4000-8000-000000000000").error().kind, ErrorKind::not_found);
  const auto standalone = *tracking::create_job(*db_, tracking::JobType::scrape, {{"scriptType", "x"}});
  ASSERT_TRUE(tracking::update_job_status(*db_, standalone, tracking::JobStatus::failed).ok());
  EXPECT_EQ(tracking::retry_job(*db_, standalone).error().kind, ErrorKind::invalid_argument);
}

TEST_F(Queue, StaleJobsAreRetriedWithAttemptsLeftElseFailedWithTheirDependents) {
  auto once = job();
  once.max_attempts = 1;
  const auto last_chance = enqueue(once);
  auto dep = job();
  dep.after = {last_chance};
  const auto dependent = enqueue(dep);
  const auto again = enqueue(job());
  const auto fresh = enqueue(job());
  ASSERT_EQ(claim(10).size(), 3u);
  sql_->query("UPDATE pipeline_jobs SET heartbeat_at = now() - interval '5 minutes' WHERE id IN ($1, $2)",
              {last_chance, again});
  auto rescued = tracking::rescue_stale_jobs(*db_, 60s);
  ASSERT_TRUE(rescued.ok()) << rescued.error().describe();
  ASSERT_EQ(rescued->size(), 2u);
  EXPECT_TRUE(
      is_true(again, "status = 'queued' AND attempt = 1 AND error LIKE 'worker lost: no heartbeat since %'"));
  EXPECT_EQ(column(again, "errors::jsonb->0->>'worker'"), "host-a:1");
  EXPECT_TRUE(
      is_true(last_chance, "status = 'failed' AND error LIKE 'worker lost: %' AND finished_at IS NOT NULL"));
  EXPECT_EQ(column(dependent, "error"), "dependency " + last_chance + " failed");
  EXPECT_EQ(column(fresh, "status"), "running");
}

TEST_F(Queue, GracefulRequeueDoesNotUseAnAttempt) {
  const auto id = enqueue(job());
  claim(1);
  EXPECT_EQ(*tracking::requeue_without_attempt(*db_, id, "host-a:1", 1), tracking::RequeueKind::requeued);
  EXPECT_TRUE(is_true(id, "status = 'queued' AND attempt = 0"));
  EXPECT_EQ(*tracking::requeue_without_attempt(*db_, id, "host-a:1", 1), tracking::RequeueKind::lost);
  EXPECT_EQ(claim(1, "host-b:2").at(0).attempt, 1);
  ASSERT_TRUE(tracking::cancel_job(*db_, id).ok());
  EXPECT_EQ(*tracking::requeue_without_attempt(*db_, id, "host-b:2", 1), tracking::RequeueKind::cancelled);
  EXPECT_TRUE(is_true(id, "status = 'failed' AND error = 'cancelled'"));
}

}  // namespace
}  // namespace scrapers::testing
