// Workers coming and going: a worker killed outright (its job comes back through the
// heartbeat and another worker finishes it), a graceful SIGTERM (the job goes back
// without using an attempt), schedules with several workers, and the command line.
#include <gtest/gtest.h>

#include <csignal>
#include <thread>

#include "tests/integration/worker/worker_fixture.hpp"
#include "tracking/queue_schedules.hpp"

namespace scrapers::testing {
namespace {

using namespace std::chrono_literals;

class WorkerLifecycle : public WorkerTest {};

tracking::ScheduleSpec every_minute(const std::string& name, const std::vector<std::string>& args) {
  tracking::ScheduleSpec spec;
  spec.name = name;
  spec.cron = "* * * * *";
  spec.program = "try-run";
  spec.args = args;
  return spec;
}

TEST_F(WorkerLifecycle, AJobOfAWorkerKilledOutrightIsRetriedByAnotherWorkerWithTheAttemptCounted) {
  const Env fast{{"JOB_HEARTBEAT_INTERVAL", "500ms"}};
  const std::string job = enqueue({"--seconds", "2"}, 0, 3);
  auto doomed = start_worker({"--concurrency", "1", "--poll", "100ms"}, fast);
  ASSERT_TRUE(reaches(job, "status = 'running' AND input ? 'seconds'")) << doomed.err_so_far();
  doomed.send_signal(SIGKILL);
  doomed.wait(10s);
  const auto killed_at = std::chrono::steady_clock::now();
  auto rescuer = start_worker({"--concurrency", "1", "--poll", "100ms"}, fast);
  // Stale after 3 heartbeat intervals (rounded up to 2 s); twice that is plenty.
  ASSERT_TRUE(reaches(job, "attempt = 2 AND status = 'running'", 4s)) << rescuer.err_so_far();
  EXPECT_LT(std::chrono::steady_clock::now() - killed_at, 4s);
  ASSERT_TRUE(reaches(job, "status = 'success'", 20s)) << rescuer.err_so_far();
  EXPECT_EQ(text(job, "attempt"), "2");
  EXPECT_EQ(text(job, "errors->0->>'error'").rfind("worker lost", 0), 0u) << text(job, "errors");
  rescuer.send_signal(SIGTERM);
  EXPECT_EQ(rescuer.wait(30s).exit_code, 0);
}

TEST_F(WorkerLifecycle, SigtermPutsTheRunningJobBackWithoutUsingAnAttemptAndAnotherWorkerFinishesIt) {
  const std::string job = enqueue({"--seconds", "30"}, 0, 3);
  auto first = start_worker({"--concurrency", "1", "--poll", "100ms"});
  ASSERT_TRUE(reaches(job, "status = 'running' AND input ? 'seconds'")) << first.err_so_far();
  first.send_signal(SIGTERM);
  const ProcessResult stopped = first.wait(20s);
  EXPECT_EQ(stopped.exit_code, 0) << stopped.err;
  EXPECT_EQ(text(job, "status"), "queued");
  EXPECT_EQ(text(job, "attempt"), "0");
  // The second worker finishes it quickly: make the job short.
  sql_->exec("UPDATE pipeline_jobs SET input = jsonb_set(input, '{args}', '[\"--seconds\", \"0\"]') WHERE id = '" +
             job + "'");
  const ProcessResult second = run_worker({"--poll", "100ms", "--exit-when-idle", "500ms"});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(text(job, "status"), "success");
  EXPECT_EQ(text(job, "attempt"), "1");
}

// A closed terminal (SIGHUP) used to kill the worker outright; it now stops like SIGTERM.
TEST_F(WorkerLifecycle, SighupStopsTheWorkerGracefullyAndPutsItsJobBack) {
  const std::string job = enqueue({"--seconds", "30"}, 0, 3);
  auto worker = start_worker({"--concurrency", "1", "--poll", "100ms"});
  ASSERT_TRUE(reaches(job, "status = 'running' AND input ? 'seconds'")) << worker.err_so_far();
  worker.send_signal(SIGHUP);
  const ProcessResult stopped = worker.wait(20s);
  EXPECT_EQ(stopped.term_signal, 0) << "killed by the signal";
  EXPECT_EQ(stopped.exit_code, 0) << stopped.err;
  EXPECT_EQ(text(job, "status"), "queued");
  EXPECT_EQ(text(job, "attempt"), "0");
}

TEST_F(WorkerLifecycle, AJobThatIgnoresTheShutdownIsKilledAfterTheTimeoutAndItsAttemptCounts) {
  const std::string job = enqueue({"--seconds", "30"}, 0, 3);
  auto worker = start_worker({"--concurrency", "1", "--poll", "100ms", "--shutdown-timeout", "1s"});
  ASSERT_TRUE(reaches(job, "status = 'running' AND input ? 'seconds'")) << worker.err_so_far();
  std::vector<pid_t> children = children_of(worker.pid());
  ASSERT_EQ(children.size(), 1u);
  ::kill(children.front(), SIGSTOP);  // a stopped program cannot honour SIGTERM
  worker.send_signal(SIGTERM);
  const ProcessResult stopped = worker.wait(20s);
  EXPECT_EQ(stopped.exit_code, 0) << stopped.err;
  EXPECT_EQ(text(job, "attempt"), "1");
  EXPECT_EQ(text(job, "errors->0->>'error'"), "stopped by the worker's shutdown (killed by signal SIGKILL (9))");
  EXPECT_EQ(text(job, "status"), "queued");  // retryable: back with a backoff
}

TEST_F(WorkerLifecycle, ThreeSchedulersOverTwoSlotsEnqueueExactlyOneJobPerSlot) {
  const tracking::ScheduleSpec spec = every_minute("every-minute", {});
  ASSERT_TRUE(tracking::add_schedule(*db_, spec).ok());
  const auto base = std::chrono::system_clock::now() + std::chrono::hours(1);
  for (int slot = 0; slot < 2; ++slot) {
    const auto at = base + std::chrono::minutes(slot);
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
      threads.emplace_back([&] {
        auto db = open();
        for (int i = 0; i < 5; ++i) {
          auto jobs = tracking::enqueue_due_slots(*db, at, [&](const tracking::Schedule&) { return at; });
          EXPECT_TRUE(jobs.ok()) << jobs.error().describe();
        }
      });
    }
    for (auto& t : threads) t.join();
  }
  EXPECT_EQ(count("input->>'schedule' = 'every-minute'"), 2);
  EXPECT_EQ(std::stoll(*sql_->scalar("SELECT count(DISTINCT input->>'slot') FROM pipeline_jobs")), 2);
}

TEST_F(WorkerLifecycle, ThreeWorkersTurnADueScheduleSlotIntoOneJobThatRuns) {
  ASSERT_TRUE(tracking::add_schedule(*db_, every_minute("smoke", {"--seconds", "0"})).ok());
  // Not across a minute boundary: the workers must all see the same latest slot.
  while (std::chrono::system_clock::now().time_since_epoch() % std::chrono::minutes(1) > 50s) {
    std::this_thread::sleep_for(500ms);
  }
  sql_->exec("UPDATE job_schedules SET last_slot_at = now() - interval '3 minutes'");  // the current slot is due
  std::vector<RunningProcess> workers;
  for (int w = 0; w < 3; ++w) workers.push_back(start_worker({"--poll", "100ms", "--exit-when-idle", "1s"}));
  for (auto& worker : workers) EXPECT_EQ(worker.wait(60s).exit_code, 0);
  EXPECT_EQ(count("input->>'schedule' = 'smoke'"), 1);
  EXPECT_EQ(count("input->>'schedule' = 'smoke' AND status = 'success'"), 1);
}

void expect_usage_error(const ProcessResult& r, const std::string& needle) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.rfind("pipeline-jobs worker: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
}

TEST_F(WorkerLifecycle, BadWorkerArgumentsAreOneLineUsageErrors) {
  expect_usage_error(run_worker({"--concurrency", "0"}), "--concurrency");
  expect_usage_error(run_worker({"--concurrency", "257"}), "--concurrency");
  expect_usage_error(run_worker({"--poll", "soon"}), "--poll");
  expect_usage_error(run_worker({"--exit-when-idle", "-1s"}), "--exit-when-idle");
  expect_usage_error(run_worker({"--programs", "try-run,nope"}), "unknown program 'nope' (known: ");
  EXPECT_EQ(count("true"), 0);
}

}  // namespace
}  // namespace scrapers::testing
