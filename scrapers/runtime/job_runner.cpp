#include "scrapers/runtime/job_runner.hpp"

#include <exception>

#include "common/util/env.hpp"
#include "common/util/log.hpp"
#include "common/util/signals.hpp"
#include "scrapers/runtime/duration.hpp"
#include "scrapers/runtime/failure_kind.hpp"
#include "tracking/job_adoption.hpp"
#include "tracking/queue.hpp"

namespace scrapers::runtime {
namespace {

constexpr const char* kInterrupted = "interrupted by signal";
constexpr const char* kCancelled = "cancelled";
constexpr std::chrono::seconds kProgressInterval{1};

tracking::CreateJobParams create_params(const JobSpec& spec) {
  tracking::CreateJobParams params;
  params.job_type = spec.type;
  params.input = spec.input;
  params.source_id = spec.ids.source_id;
  params.work_id = spec.ids.work_id;
  params.edition_id = spec.ids.edition_id;
  params.segment_id = spec.ids.segment_id;
  return params;
}

// Runs the body, turning any exception into a failed JobResult with a one-line message.
JobResult call_body(tracking::Database& db, JobContext& context, const JobBody& body) {
  try {
    return body(context);
  } catch (const std::exception& e) {
    const Error error = db.to_error(e, "");
    return JobResult::failure(error.describe(), nlohmann::json::object(), failure_kind_of(error));
  } catch (...) {
    return JobResult::failure("unknown error");
  }
}

// Whether the run stopped because a cancel was requested: seen by the guard, or found
// on the row after a signal (a worker may SIGTERM the child of a cancelled job).
bool cancel_was_requested(tracking::Database& db, const tracking::JobGuard& guard) {
  if (cancel_raised()) return true;
  auto requested = tracking::cancel_requested(db, guard.job_id());
  return requested && *requested;
}

int end_job(tracking::Database& db, tracking::JobGuard& guard, JobResult result) {
  if (scrapers::interrupted()) {
    const bool cancelled = cancel_was_requested(db, guard);
    (void)guard.fail(cancelled ? kCancelled : kInterrupted, std::move(result.output),
                     cancelled ? tracking::FailureKind::cancelled : tracking::FailureKind::retryable);
    return exit_code::interrupted;
  }
  if (result.failed) {
    (void)guard.fail(result.error.empty() ? "run failed" : result.error, std::move(result.output),
                     result.failure_kind);
    return exit_code::job_failed;
  }
  return guard.succeed(std::move(result.output)) ? exit_code::ok : exit_code::job_failed;
}

// Runs `emplace_guard` (which marks the job running, or takes it over); a failure is
// one log line and its one-line reason.
template <class EmplaceGuard>
std::optional<std::string> start_guard(tracking::Database& db, const std::string& job_id,
                                       const EmplaceGuard& emplace_guard) {
  try {
    emplace_guard();
    return std::nullopt;
  } catch (const std::exception& e) {
    std::string reason = db.to_error(e, "").describe();
    log::error("cannot start job " + job_id + ": " + reason);
    return reason;
  }
}

// Ends the new row whose start failed, so it does not stay `queued` for ever; on a
// fresh connection when the main one failed.
void fail_unstarted(tracking::Database& db, const std::string& job_id, const std::string& reason) {
  const std::string error = "the job could not be started: " + reason;
  auto ended = tracking::fail_unstarted_job(db, job_id, error);
  if (!ended && ended.error().kind == ErrorKind::database) {
    if (auto fresh = db.open_another()) ended = tracking::fail_unstarted_job(*fresh, job_id, error);
  }
  if (!ended) log::error("job " + job_id + " could not be marked failed: " + ended.error().describe());
}

// Starts `guard` on a new queued row; returns the exit code when that fails.
int start_new_job(tracking::Database& db, const JobSpec& spec, const tracking::JobGuardOptions& options,
                  std::optional<tracking::JobGuard>& guard) {
  auto job_id = tracking::create_job(db, create_params(spec));
  if (!job_id) {
    log::error("cannot create the job: " + job_id.error().describe());
    return exit_code::job_failed;
  }
  const auto failed = start_guard(db, *job_id, [&] { guard.emplace(db, *job_id, options); });
  if (!failed) return exit_code::ok;
  fail_unstarted(db, *job_id, *failed);
  return exit_code::job_failed;
}

// Starts `guard` on the row PIPELINE_JOB_ID names (see job_adoption.hpp). A row that
// cannot be adopted is a usage error and stays untouched.
int start_adopted_job(tracking::Database& db, const JobSpec& spec, const std::string& job_id,
                      const tracking::JobGuardOptions& options, std::optional<tracking::JobGuard>& guard) {
  tracking::AdoptParams params;
  params.job_id = job_id;
  params.claimed_by = env::get(kAdoptJobWorkerVariable);
  params.input_patch = spec.input;
  params.ids = spec.ids;
  auto adopted = tracking::adopt_job(db, params);
  if (!adopted) {
    log::error(std::string(kAdoptJobVariable) + ": " + adopted.error().describe());
    return adopted.error().kind == ErrorKind::database ? exit_code::job_failed : exit_code::usage;
  }
  const auto failed = start_guard(db, job_id, [&] { guard.emplace(db, *adopted, options); });
  return failed ? exit_code::job_failed : exit_code::ok;
}

}  // namespace

void JobContext::set_ids(const tracking::JobIds& ids) {
  tracking::set_job_ids(db_, job_id(), ids).value_or_throw();
}

void JobContext::merge_input(const nlohmann::json& patch) {
  tracking::merge_job_input(db_, job_id(), patch).value_or_throw();
}

bool JobContext::interrupted() const { return scrapers::interrupted(); }

void JobContext::record_progress(const tracking::JobProgress& progress, bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && last_progress_ && now - *last_progress_ < kProgressInterval) return;
  last_progress_ = now;
  auto written = guard_.report_progress(progress);
  if (!written && !progress_warned_) {
    log::warn("recording the progress of job " + job_id() + " failed: " + written.error().describe());
  }
  progress_warned_ = !written;
}

std::chrono::milliseconds heartbeat_interval_from_env() {
  return duration_from_env("JOB_HEARTBEAT_INTERVAL", std::chrono::seconds(15), /*allow_zero=*/false);
}

int run_tracked_job(tracking::Database& db, const JobSpec& spec, const JobBody& body) {
  install_interrupt_handlers();
  tracking::JobGuardOptions options;
  options.heartbeat_interval = spec.heartbeat_interval.value_or(heartbeat_interval_from_env());
  options.stall_timeout = duration_from_env("JOB_STALL_TIMEOUT", options.stall_timeout);
  std::optional<tracking::JobGuard> guard;
  const auto adopted_id = env::get(kAdoptJobVariable);
  const int started = adopted_id ? start_adopted_job(db, spec, *adopted_id, options, guard)
                                 : start_new_job(db, spec, options, guard);
  if (!guard) return started;
  if (scrapers::interrupted()) return end_job(db, *guard, JobResult::failure(kInterrupted));
  JobContext context(db, *guard);
  return end_job(db, *guard, call_body(db, context, body));
}

bool adopting_a_job() { return env::get(kAdoptJobVariable).has_value(); }

Result<tracking::Database> connect_database(const std::string& dotenv_path) {
  env::load_dotenv(dotenv_path);
  log::configure_from_env();
  auto db = tracking::connect_from_env(dotenv_path);
  if (db) log::debug("connected to " + db->target());
  return db;
}

}  // namespace scrapers::runtime
