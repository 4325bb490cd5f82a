#include "scrapers/worker/worker_loop.hpp"

#include <algorithm>

#include "common/util/log.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "scrapers/worker/child_process.hpp"
#include "scrapers/worker/job_launch.hpp"
#include "scrapers/worker/worker_signals.hpp"
#include "tracking/jobs.hpp"
#include "tracking/queue_schedules.hpp"

namespace scrapers::worker {
namespace {

using std::chrono::milliseconds;

std::string seconds_text(milliseconds d) { return std::to_string((d.count() + 999) / 1000) + "s"; }

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ",") + name;
  return out;
}

// Three heartbeat intervals, in whole seconds (rounded up, at least 1).
std::chrono::seconds stale_after(milliseconds heartbeat) {
  return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(heartbeat * 3));
}

}  // namespace

WorkerLoop::WorkerLoop(const WorkerOptions& options, tracking::Database db)
    : options_(options),
      worker_(tracking::this_worker()),
      own_dir_(own_directory()),
      retry_(RetryPolicy::from_env()),
      heartbeat_(runtime::heartbeat_interval_from_env()),
      link_(std::move(db)),
      endings_(worker_),
      random_(std::random_device{}()) {}

int WorkerLoop::run() {
  install_worker_signals();
  log::info("worker " + worker_ + " started: concurrency " + std::to_string(options_.concurrency) + ", programs " +
            (options_.programs.empty() ? std::string("all") : joined(options_.programs)) + ", poll " +
            std::to_string(options_.poll.count()) + "ms");
  while (true) {
    if (stop_requests() > 0 && !stopping_)
      begin_shutdown();  // first: a child stopped by the same signal goes back
    collect();
    if (!stopping_) {
      if (idle_for_long(turn())) break;
      wait_for_event(options_.poll);
      continue;
    }
    if (!children_.empty() && (stop_requests() > 1 || Clock::now() >= hard_deadline_)) hard_stop();
    endings_.flush(link_);
    if (children_.empty() && (endings_.empty() || Clock::now() >= hard_deadline_)) break;
    const auto left = std::chrono::ceil<milliseconds>(hard_deadline_ - Clock::now());
    wait_for_event(std::clamp(left, milliseconds(10), std::min(options_.poll, milliseconds(500))));
  }
  if (!endings_.empty()) {
    log::warn(std::to_string(endings_.size()) +
              " job ending(s) not written (database unavailable); the heartbeat rescue will settle them");
  }
  log::info("worker " + worker_ + " stopped");
  return 0;
}

bool WorkerLoop::turn() {
  endings_.flush(link_);
  tracking::Database* db = link_.get();
  if (db == nullptr) return false;
  if (!children_.empty()) watch_cancels(*db);
  if (link_.up() && Clock::now() >= next_maintenance_) maintain(*db);
  const int free_slots = options_.concurrency - static_cast<int>(children_.size());
  const std::size_t claimed = free_slots > 0 && link_.up() ? claim(*db, free_slots) : 0;
  endings_.flush(link_);
  return link_.up() && claimed == 0 && children_.empty() && endings_.empty();
}

void WorkerLoop::collect() {
  for (auto& ended : children_.reap()) {
    const tracking::ClaimedJob& job = ended.child.job;
    const bool put_back = ended.child.shutdown && !ended_cleanly(ended.wait_status);
    log::debug("job " + job.id + ": program " + describe_wait_status(ended.wait_status));
    endings_.add(
        {job.id, job.attempt, put_back,
         put_back ? tracking::AttemptEnd{} : attempt_end_for(ended.wait_status, job.attempt, retry_, jitter())});
  }
}

void WorkerLoop::watch_cancels(tracking::Database& db) {
  auto ids = tracking::cancel_requested_jobs(db, worker_);
  if (!ids) {
    link_.failed(ids.error(), "watching for cancel requests");
    return;
  }
  for (const auto& id : *ids) {
    if (children_.stop(id)) log::info("job " + id + ": cancel requested, stopping its program (SIGTERM)");
  }
}

void WorkerLoop::maintain(tracking::Database& db) {
  next_maintenance_ = Clock::now() + heartbeat_;
  auto rescued = tracking::rescue_stale_jobs(db, stale_after(heartbeat_));  // logs each rescued job
  if (!rescued) {
    link_.failed(rescued.error(), "rescuing stale jobs");
    return;
  }
  auto scheduled = tracking::enqueue_due_slots(db, std::chrono::system_clock::now());  // logs each job
  if (!scheduled) link_.failed(scheduled.error(), "enqueueing scheduled jobs");
}

std::size_t WorkerLoop::claim(tracking::Database& db, int free_slots) {
  auto jobs = tracking::claim_jobs(db, {worker_, free_slots, options_.programs});
  if (!jobs) {
    link_.failed(jobs.error(), "claiming jobs");
    return 0;
  }
  for (const auto& job : *jobs) launch(job);
  return jobs->size();
}

void WorkerLoop::launch(const tracking::ClaimedJob& job) {
  const std::string name = "job " + job.id + " (" + job.program + ", attempt " + std::to_string(job.attempt) +
                           " of " + std::to_string(job.max_attempts) + ")";
  auto argv = job_command(job, own_dir_);
  auto pid = argv ? spawn_child(*argv, job_environment(job.id, worker_)) : Result<pid_t>(argv.error());
  if (!pid) {
    const Error& e = pid.error();
    log::warn(name + " cannot run: " + e.describe());
    endings_.add({job.id, job.attempt, false,
                  e.kind == ErrorKind::invalid_argument
                      ? final_failure(e.describe())
                      : retryable_failure(e.describe(), job.attempt, retry_, jitter())});
    return;
  }
  log::info(name + " started, pid " + std::to_string(*pid));
  children_.add({job, *pid});
}

void WorkerLoop::begin_shutdown() {
  stopping_ = true;
  hard_deadline_ = Clock::now() + options_.shutdown_timeout;
  const std::size_t running = children_.stop_all();
  log::info("worker " + worker_ + " stopping: " + std::to_string(running) +
            " running job(s) asked to stop and go back to the queue (up to " +
            seconds_text(options_.shutdown_timeout) + ")");
}

void WorkerLoop::hard_stop() {
  log::warn(std::to_string(children_.size()) + " job(s) still running at the end of the shutdown: killing them");
  for (auto& ended : children_.kill_all()) {
    const tracking::ClaimedJob& job = ended.child.job;
    endings_.add(
        {job.id, job.attempt, false,
         retryable_failure("stopped by the worker's shutdown (" + describe_wait_status(ended.wait_status) + ")",
                           job.attempt, retry_, jitter())});
  }
}

bool WorkerLoop::idle_for_long(bool idle) {
  if (!options_.exit_when_idle) return false;
  if (!idle) {
    idle_since_.reset();
    return false;
  }
  const auto now = Clock::now();
  if (!idle_since_) idle_since_ = now;
  if (now - *idle_since_ < *options_.exit_when_idle) return false;
  log::info("worker " + worker_ + ": nothing to do for " + seconds_text(*options_.exit_when_idle) + ", exiting");
  return true;
}

}  // namespace scrapers::worker
