// The worker as users run it: several `pipeline-jobs worker` processes on one queue,
// each job run once as its program's process, priorities, crashes, retries, cancels
// and rows naming a program nobody knows.
#include <gtest/gtest.h>

#include <csignal>
#include <map>
#include <regex>

#include "tests/integration/worker/worker_fixture.hpp"

namespace scrapers::testing {
namespace {

using namespace std::chrono_literals;

// How often each job id appears in "job <id> (...) started" lines of the logs.
std::map<std::string, int> starts_in(const std::vector<std::string>& logs) {
  static const std::regex started("job ([0-9a-f-]{36}) \\([^)]*\\) started");
  std::map<std::string, int> starts;
  for (const auto& log : logs) {
    for (std::sregex_iterator it(log.begin(), log.end(), started), end; it != end; ++it) ++starts[(*it)[1]];
  }
  return starts;
}

class WorkerQueue : public WorkerTest {};

TEST_F(WorkerQueue, FourWorkersRunFiveHundredJobsOfMixedPriorityEachExactlyOnce) {
  for (int i = 0; i < 500; ++i) enqueue({"--seconds", "0"}, i % 5);
  std::vector<RunningProcess> workers;
  for (int w = 0; w < 4; ++w) {
    workers.push_back(start_worker({"--concurrency", "4", "--poll", "200ms", "--exit-when-idle", "2s"}));
  }
  std::vector<std::string> logs;
  for (auto& worker : workers) {
    const ProcessResult r = worker.wait(240s);
    EXPECT_EQ(r.exit_code, 0) << r.err.substr(r.err.size() > 2000 ? r.err.size() - 2000 : 0);
    logs.push_back(r.err);
  }
  EXPECT_EQ(count("status = 'success' AND attempt = 1"), 500);
  EXPECT_EQ(count("jsonb_array_length(errors) > 0"), 0);
  const auto starts = starts_in(logs);
  EXPECT_EQ(starts.size(), 500u);
  for (const auto& [id, n] : starts) EXPECT_EQ(n, 1) << "job " << id << " started " << n << " times";
}

TEST_F(WorkerQueue, OnAnIdleQueueHigherPriorityStartsFirst) {
  const std::vector<int> priorities{0, 3, 1, 4, 2};
  std::vector<std::string> ids;
  for (int p : priorities) ids.push_back(enqueue({"--seconds", "0"}, p));
  const ProcessResult r = run_worker({"--concurrency", "1", "--poll", "100ms", "--exit-when-idle", "500ms"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = sql_->query(
      "SELECT priority::text FROM pipeline_jobs WHERE status = 'success' ORDER BY started_at");
  std::vector<std::string> order;
  for (const auto& row : rows) order.push_back(row[0].value_or("?"));
  EXPECT_EQ(order, (std::vector<std::string>{"4", "3", "2", "1", "0"}));
}

TEST_F(WorkerQueue, AChildKilledBySignalFailsItsAttemptNamingTheSignalAndTheWorkerKeepsRunning) {
  const std::string crash = enqueue({"--seconds", "60"}, 1, 1);
  auto worker = start_worker({"--concurrency", "2", "--poll", "100ms"});
  ASSERT_TRUE(reaches(crash, "status = 'running'")) << worker.err_so_far();
  std::vector<pid_t> children;
  ASSERT_TRUE(eventually([&] { return !(children = children_of(worker.pid())).empty(); }, 10s));
  ASSERT_EQ(children.size(), 1u);
  ::kill(children.front(), SIGSEGV);
  ASSERT_TRUE(reaches(crash, "status = 'failed'")) << worker.err_so_far();
  EXPECT_EQ(text(crash, "error"), "killed by signal SIGSEGV (11)");
  EXPECT_EQ(text(crash, "attempt"), "1");
  const std::string next = enqueue({"--seconds", "0"});
  EXPECT_TRUE(reaches(next, "status = 'success'")) << worker.err_so_far();
  EXPECT_FALSE(worker.wait_for(0ms).has_value()) << "the worker ended";
  worker.send_signal(SIGTERM);
  EXPECT_EQ(worker.wait(30s).exit_code, 0);
}

TEST_F(WorkerQueue, ARetryableFailureIsRetriedWithBackoffUntilMaxAttemptsKeepingEveryError) {
  const std::string failing = enqueue({"--fail"}, 0, 3);
  const std::string usage = enqueue({"--seconds", "-5"}, 0, 3);  // try-run's own parser rejects it
  const ProcessResult r = run_worker({"--concurrency", "2", "--poll", "100ms", "--exit-when-idle", "1500ms"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(text(failing, "status"), "failed");
  EXPECT_EQ(text(failing, "attempt"), "3");
  EXPECT_EQ(text(failing, "jsonb_array_length(errors)"), "3");
  EXPECT_EQ(text(failing, "errors->2->>'error'"), "failed on purpose");
  EXPECT_EQ(text(usage, "status"), "failed");
  EXPECT_EQ(text(usage, "attempt"), "1");
  EXPECT_EQ(text(usage, "error").rfind("invalid arguments for try-run: ", 0), 0u) << text(usage, "error");
}

TEST_F(WorkerQueue, CancellingARunningJobStopsItsProgramAndItIsNotRetried) {
  const std::string job = enqueue({"--seconds", "60"}, 0, 3);
  auto worker = start_worker({"--concurrency", "1", "--poll", "100ms"});
  ASSERT_TRUE(reaches(job, "status = 'running' AND input ? 'seconds'")) << worker.err_so_far();  // adopted
  auto cancelled = tracking::cancel_job(*db_, job);
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().describe();
  EXPECT_EQ(cancelled->kind, tracking::CancelKind::stop_requested);
  ASSERT_TRUE(reaches(job, "status <> 'running'", 20s)) << worker.err_so_far();
  EXPECT_EQ(text(job, "status"), "failed");
  EXPECT_EQ(text(job, "attempt"), "1");
  const std::string error = text(job, "error");
  EXPECT_TRUE(error.find("cancel") != std::string::npos || error.find("interrupted") != std::string::npos)
      << error;
  std::this_thread::sleep_for(500ms);  // a retry would have been queued and claimed by now
  EXPECT_EQ(text(job, "status"), "failed");
  worker.send_signal(SIGTERM);
  EXPECT_EQ(worker.wait(30s).exit_code, 0);
}

TEST_F(WorkerQueue, AJobNamingAnUnknownProgramFailsAtOnceAndTheWorkerGoesOn) {
  const std::string unknown = *sql_->scalar(
      "INSERT INTO pipeline_jobs (job_type, status, attempt, input, max_attempts) "
      "VALUES ('scrape', 'queued', 0, '{\"program\": \"nope\", \"args\": []}', 3) RETURNING id::text");
  const std::string fine = enqueue({"--seconds", "0"}, -1);
  const ProcessResult r = run_worker({"--concurrency", "1", "--poll", "100ms", "--exit-when-idle", "500ms"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(text(unknown, "status"), "failed");
  EXPECT_EQ(text(unknown, "error"), "unknown program 'nope'");
  EXPECT_EQ(text(unknown, "attempt"), "1");
  EXPECT_EQ(text(fine, "status"), "success");
}

}  // namespace
}  // namespace scrapers::testing
