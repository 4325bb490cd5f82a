#include "tracking/job_guard.hpp"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "common/util/log.hpp"
#include "common/util/progress_stamp.hpp"
#include "common/util/signals.hpp"
#include "tracking/job_output.hpp"
#include "tracking/jobs.hpp"
#include "tracking/queue_internal.hpp"

namespace scrapers::tracking {
namespace {

// One round trip on a running job: heartbeat_at = now() (and progress when given);
// nullopt when the job is not running any more, else whether a cancel was requested.
Result<std::optional<bool>> pulse(Database& db, const std::string& job_id, const JobProgress* progress) {
  std::optional<std::string> total, item;
  if (progress && progress->total) total = std::to_string(*progress->total);
  if (progress) item = progress->item;
  return detail::in_transaction(db, "recording progress of job " + job_id, [&](pqxx::work& tx) {
    auto rows = tx.exec_params(
        "UPDATE pipeline_jobs SET heartbeat_at = now(), progress = CASE WHEN $2 THEN jsonb_build_object("
        "'done', $3::bigint, 'total', $4::bigint, 'item', $5::text, 'updated_at', " +
            detail::iso_utc("now()") +
            ") ELSE progress END "
            "WHERE id = $1::uuid AND status = 'running' RETURNING cancel_requested_at IS NOT NULL",
        job_id, progress != nullptr, progress ? progress->done : 0LL, detail::nullable(total),
        detail::nullable(item));
    return rows.empty() ? std::nullopt : std::optional<bool>(rows[0][0].as<bool>());
  });
}

// Records this attempt's {attempt, error, at, worker, kind, retryable} in errors, in
// place of any entry the attempt already had (the program is the authority on its own
// attempt and writes before the worker does).
Status append_error_entry(Database& db, const std::string& job_id, const std::string& error, FailureKind kind) {
  return detail::in_transaction(db, "recording the error of job " + job_id, [&](pqxx::work& tx) {
    tx.exec_params(
        "UPDATE pipeline_jobs SET errors = (SELECT coalesce(jsonb_agg(e.entry ORDER BY e.n), '[]'::jsonb) "
        "  FROM jsonb_array_elements(errors) WITH ORDINALITY AS e(entry, n) "
        "  WHERE NOT e.entry @> jsonb_build_object('attempt', attempt)) || jsonb_build_array((" +
            detail::error_entry_sql("$2") +
            ")->0 || jsonb_build_object('kind', $3::text, 'retryable', $4::boolean)) "
            "WHERE id = $1::uuid AND status = 'running'",
        job_id, detail::safe_text(error), std::string(to_string(kind)), is_retryable(kind));
  });
}

// The ending written on `db`: the errors entry first (a failure), then the status.
Result<int> write_ending(Database& db, const std::string& job_id, int attempt, JobStatus status,
                         const std::optional<nlohmann::json>& output, const std::optional<std::string>& error,
                         FailureKind kind) {
  if (status == JobStatus::failed && error) {
    if (auto entry = append_error_entry(db, job_id, *error, kind); !entry) return std::move(entry).error();
  }
  return end_running_job(db, job_id, attempt, status, output, error);
}

// A cancel was requested: raise the interrupt flag (once), so the run stops between items.
void note_cancel(const std::string& job_id) {
  if (cancel_raised()) return;
  log::warn("job " + job_id + ": cancel requested, stopping after the item in hand");
  raise_cancel();
}

}  // namespace

std::string_view to_string(FailureKind kind) {
  switch (kind) {
    case FailureKind::retryable: return "retryable";
    case FailureKind::permanent: return "permanent";
    case FailureKind::blocked: return "blocked";
    case FailureKind::cancelled: return "cancelled";
  }
  return "retryable";
}

bool is_retryable(FailureKind kind) { return kind == FailureKind::retryable || kind == FailureKind::blocked; }

// Refreshes heartbeat_at on its own connection until stopped.
class JobGuard::Heartbeat {
 public:
  Heartbeat(const Database& main, std::string job_id, const JobGuardOptions& options)
      : main_(main),
        job_id_(std::move(job_id)),
        interval_(options.heartbeat_interval),
        stall_timeout_(options.stall_timeout),
        thread_([this] { loop(); }) {}
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

  // True while the main thread has made no progress for the stall bound (logged once per stall).
  bool stalled() {
    const auto idle = since_last_progress();
    if (stall_timeout_.count() <= 0 || idle < stall_timeout_) {
      stall_logged_ = false;
      return false;
    }
    if (!stall_logged_) {
      log::warn("job " + job_id_ + ": no progress for " + std::to_string(idle.count() / 1000) +
                " s (JOB_STALL_TIMEOUT " + std::to_string(stall_timeout_.count()) +
                " ms): heartbeat stopped so the stale job can be reaped");
    }
    stall_logged_ = true;
    return true;
  }

  void beat() {
    if (stalled()) return;
    if (!db_) {
      auto opened = main_.open_another();
      if (!opened) return warn_once("heartbeat connection failed: " + opened.error().describe());
      db_ = std::make_unique<Database>(std::move(opened).value());
    }
    auto state = pulse(*db_, job_id_, nullptr);
    if (!state) {
      if (state.error().kind == ErrorKind::database) db_.reset();
      return warn_once("heartbeat of job " + job_id_ + " failed: " + state.error().describe());
    }
    ++count_;
    if (!*state) return warn_once("job " + job_id_ + " is no longer running (was it reaped?)");
    warned_ = false;
    if (**state) note_cancel(job_id_);
  }

  void warn_once(const std::string& message) {
    if (!warned_) log::warn(message);
    warned_ = true;
  }

  const Database& main_;
  std::string job_id_;
  std::chrono::milliseconds interval_;
  std::chrono::milliseconds stall_timeout_;
  std::unique_ptr<Database> db_;  // used by the thread only
  bool warned_ = false;           // thread only
  bool stall_logged_ = false;     // thread only
  std::atomic<int> count_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after everything it uses exists
};

JobGuard::JobGuard(Database& db, std::string job_id, JobGuardOptions options)
    : db_(db), job_id_(std::move(job_id)) {
  attempt_ = update_job_status(db_, job_id_, JobStatus::running).value_or_throw();
  heartbeat_ = std::make_unique<Heartbeat>(db_, job_id_, options);
}

JobGuard::JobGuard(Database& db, const AdoptedJob& adopted, JobGuardOptions options)
    : db_(db), job_id_(adopted.id), attempt_(adopted.attempt) {
  heartbeat_ = std::make_unique<Heartbeat>(db_, job_id_, options);
}

JobGuard::~JobGuard() {
  if (finished_) return;
  if (cancel_raised()) {
    (void)finish(false, std::nullopt, "cancelled", FailureKind::cancelled);
    return;
  }
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

Status JobGuard::fail(const std::string& error, std::optional<nlohmann::json> output, FailureKind kind) {
  if (output) output = fill_minimum_counts(std::move(*output));
  return finish(false, std::move(output), error, kind);
}

Result<bool> JobGuard::report_progress(const JobProgress& progress) const {
  note_progress();
  auto state = pulse(db_, job_id_, &progress);
  if (!state) return std::move(state).error();
  const bool cancel = state->value_or(false);
  if (cancel) note_cancel(job_id_);
  return cancel;
}

Status JobGuard::finish(bool success, std::optional<nlohmann::json> output, std::optional<std::string> error,
                        FailureKind kind) {
  if (finished_) {
    return make_error(ErrorKind::internal, "job " + job_id_ + " has already ended");
  }
  finished_ = true;
  if (heartbeat_) heartbeat_->stop();
  const JobStatus status = success ? JobStatus::success : JobStatus::failed;
  auto written = write_ending(db_, job_id_, attempt_, status, output, error, kind);
  if (!written && written.error().kind == ErrorKind::database) {
    log::warn("recording the end of job " + job_id_ +
              " failed, retrying on a new connection: " + written.error().describe());
    if (auto fresh = db_.open_another()) {
      written = write_ending(*fresh, job_id_, attempt_, status, output, error, kind);
    }
  }
  if (!written) {
    log::error("job " + job_id_ + " could not be marked " + std::string(to_string(status)) + ": " +
               written.error().describe());
    // The ending itself was refused (a value the database would not take), not lost to
    // a reap: the job still ends, failed, with the reason instead of the run's result.
    if (written.error().kind != ErrorKind::invalid_argument) {
      (void)end_running_job(db_, job_id_, attempt_, JobStatus::failed, std::nullopt,
                            "the run's result could not be recorded: " + written.error().describe());
    }
    return std::move(written).error();
  }
  return Ok{};
}

}  // namespace scrapers::tracking
