#include "tracking/job_guard.hpp"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "common/util/log.hpp"
#include "common/util/signals.hpp"
#include "tracking/job_output.hpp"
#include "tracking/jobs.hpp"

namespace scrapers::tracking {

// Refreshes heartbeat_at on its own connection until stopped.
class JobGuard::Heartbeat {
 public:
  Heartbeat(const Database& main, std::string job_id, std::chrono::milliseconds interval)
      : main_(main), job_id_(std::move(job_id)), interval_(interval), thread_([this] { loop(); }) {}
  ~Heartbeat() { stop(); }
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  int count() const { return count_.load(); }

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
      lock.unlock();
      beat();
      lock.lock();
    }
  }

  void beat() {
    if (!db_) {
      auto opened = main_.open_another();
      if (!opened) return warn_once("heartbeat connection failed: " + opened.error().describe());
      db_ = std::make_unique<Database>(std::move(opened).value());
    }
    auto still_running = record_heartbeat(*db_, job_id_);
    if (!still_running) {
      if (still_running.error().kind == ErrorKind::database) db_.reset();
      return warn_once("heartbeat of job " + job_id_ + " failed: " + still_running.error().describe());
    }
    ++count_;
    if (!*still_running) warn_once("job " + job_id_ + " is no longer running (was it reaped?)");
    else warned_ = false;
  }

  void warn_once(const std::string& message) {
    if (!warned_) log::warn(message);
    warned_ = true;
  }

  const Database& main_;
  std::string job_id_;
  std::chrono::milliseconds interval_;
  std::unique_ptr<Database> db_;  // used by the thread only
  bool warned_ = false;           // thread only
  std::atomic<int> count_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after everything it uses exists
};

JobGuard::JobGuard(Database& db, std::string job_id, JobGuardOptions options)
    : db_(db), job_id_(std::move(job_id)) {
  attempt_ = update_job_status(db_, job_id_, JobStatus::running).value_or_throw();
  heartbeat_ = std::make_unique<Heartbeat>(db_, job_id_, options.heartbeat_interval);
}

JobGuard::JobGuard(Database& db, const AdoptedJob& adopted, JobGuardOptions options)
    : db_(db), job_id_(adopted.id), attempt_(adopted.attempt) {
  heartbeat_ = std::make_unique<Heartbeat>(db_, job_id_, options.heartbeat_interval);
}

JobGuard::~JobGuard() {
  if (finished_) return;
  const std::string reason = interrupted()                    ? "interrupted by signal"
                             : std::uncaught_exceptions() > 0 ? "run aborted by an exception"
                                                              : "run ended without reporting success";
  (void)finish(false, std::nullopt, reason);
}

int JobGuard::heartbeats() const { return heartbeat_ ? heartbeat_->count() : 0; }

Status JobGuard::succeed(nlohmann::json output) {
  auto checked = with_minimum_counts(output);
  if (!checked) {
    const Error problem = checked.error();
    (void)finish(false, std::move(output), problem.describe());
    return problem;
  }
  return finish(true, std::move(checked).value(), std::nullopt);
}

Status JobGuard::fail(const std::string& error, std::optional<nlohmann::json> output) {
  if (output) output = fill_minimum_counts(std::move(*output));
  return finish(false, std::move(output), error);
}

Status JobGuard::finish(bool success, std::optional<nlohmann::json> output, std::optional<std::string> error) {
  if (finished_) {
    return make_error(ErrorKind::internal, "job " + job_id_ + " has already ended");
  }
  finished_ = true;
  if (heartbeat_) heartbeat_->stop();
  const JobStatus status = success ? JobStatus::success : JobStatus::failed;
  auto written = update_job_status(db_, job_id_, status, output, error);
  if (!written && written.error().kind == ErrorKind::database) {
    log::warn("recording the end of job " + job_id_ +
              " failed, retrying on a new connection: " + written.error().describe());
    if (auto fresh = db_.open_another()) {
      written = update_job_status(*fresh, job_id_, status, output, error);
    }
  }
  if (!written) {
    log::error("job " + job_id_ + " could not be marked " + std::string(to_string(status)) + ": " +
               written.error().describe());
    return std::move(written).error();
  }
  return Ok{};
}

}  // namespace scrapers::tracking
