// The job boundary every program runs its work through.
//
// run_tracked_job() creates the job (queued), marks it running under a JobGuard
// (heartbeats on a second connection), calls the body and ends the job:
//   body returns a JobResult that is not failed -> success with its output   -> exit 0
//   body returns a failed JobResult             -> failed with its error and
//                                                  output (counts kept)      -> exit 1
//   body throws (ErrorException, libpqxx, any)  -> failed with the one-line,
//                                                  password-free message     -> exit 1
//   a SIGINT/SIGTERM/SIGHUP arrived (scrapers::interrupted()) before, during
//   or right after the body                     -> failed "interrupted by signal",
//                                                  output kept if returned   -> exit 130
//   a second SIGINT                             -> exit 130 at once; the row is left
//                                                  `running` for a reap (signals.hpp)
//   a cancel was requested (`pipeline-jobs cancel`: seen by the heartbeat or a
//   progress write, which raise the interrupt flag, or cancel_requested_at found
//   set after a SIGINT/SIGTERM, e.g. the worker stopping the child)
//                                               -> failed "cancelled", kind
//                                                  cancelled, output kept    -> exit 130
// Every failure is recorded with its FailureKind (tracking/job_guard.hpp) in the row's
// `errors` entry, so the queue retries only what a retry can fix: a body's JobResult
// says it; a thrown ErrorException is classified by failure_kind_of(); any other
// exception is retryable; an interrupt is retryable.
// A job that cannot be created or started leaves a log line and exits 1; a created job
// whose `running` update fails is ended `failed` ("the job could not be started: ..."),
// never left `queued`.
// When $PIPELINE_JOB_ID names an existing row, that row is adopted instead of creating
// one (tracking/job_adoption.hpp): a queued row, or a running row whose worker equals
// $PIPELINE_JOB_WORKER (the caller that claimed it, whose attempt is not counted
// again). The spec's input is merged into the row's input and its ids are written. A
// row that cannot be adopted (finished, claimed by someone else, unknown, not a UUID)
// is one log line and exit 2, the row untouched. Outputs must
// carry total/success/failed (tracking/job_output.hpp); one that does not ends failed.
// install_interrupt_handlers() is called here, so signals only set the flag.
// The heartbeat interval is JobSpec::heartbeat_interval, else $JOB_HEARTBEAT_INTERVAL
// (e.g. 15s, 500ms), else 15 s. $JOB_STALL_TIMEOUT (default 10m, 0 = never) is how long
// the run may make no progress before its heartbeat stops (tracking/job_guard.hpp).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "scrapers/runtime/exit_codes.hpp"
#include "tracking/database.hpp"
#include "tracking/job_guard.hpp"
#include "tracking/jobs.hpp"

namespace scrapers::runtime {

inline constexpr const char* kAdoptJobVariable = "PIPELINE_JOB_ID";
inline constexpr const char* kAdoptJobWorkerVariable = "PIPELINE_JOB_WORKER";

struct JobSpec {
  tracking::JobType type = tracking::JobType::scrape;
  nlohmann::json input = nlohmann::json::object();  // carries "scriptType"
  tracking::JobIds ids;                             // the ids known at creation
  std::optional<std::chrono::milliseconds> heartbeat_interval;
};

// What a body reports. `failed` runs still record their output (partial counts).
struct JobResult {
  nlohmann::json output = nlohmann::json::object();
  bool failed = false;
  std::string error;  // used when failed; "run failed" when empty
  tracking::FailureKind failure_kind = tracking::FailureKind::retryable;  // used when failed

  static JobResult success(nlohmann::json output) { return {std::move(output), false, {}}; }
  static JobResult failure(std::string error, nlohmann::json output = nlohmann::json::object(),
                           tracking::FailureKind kind = tracking::FailureKind::retryable) {
    return {std::move(output), true, std::move(error), kind};
  }
};

// What the body may do to its own job while it runs. Failures throw ErrorException
// (which ends the job failed).
class JobContext {
 public:
  JobContext(tracking::Database& db, const tracking::JobGuard& guard) : db_(db), guard_(guard) {}

  const std::string& job_id() const { return guard_.job_id(); }
  int attempt() const { return guard_.attempt(); }
  tracking::Database& db() { return db_; }
  // Records ids as they become known (only the given ones are written).
  void set_ids(const tracking::JobIds& ids);
  // input = input || patch (e.g. {"totalSegments": 12} once known).
  void merge_input(const nlohmann::json& patch);
  // True once SIGINT/SIGTERM arrived or a cancel was requested: stop at the next safe point.
  bool interrupted() const;
  // Records progress on the row at most about once a second (always when `force`);
  // each write also learns whether a cancel was requested (then interrupted() turns
  // true). A failure is logged, never thrown.
  void record_progress(const tracking::JobProgress& progress, bool force = false);

 private:
  tracking::Database& db_;
  const tracking::JobGuard& guard_;
  std::optional<std::chrono::steady_clock::time_point> last_progress_;
  bool progress_warned_ = false;
};

using JobBody = std::function<JobResult(JobContext&)>;

int run_tracked_job(tracking::Database& db, const JobSpec& spec, const JobBody& body);

// True when $PIPELINE_JOB_ID names a row for this run to adopt: a program that would
// end without a job ("nothing to do") must still run one, so that row gets its ending.
bool adopting_a_job();

// Loads .env, applies LOG_LEVEL and opens DATABASE_URL, logging the target (never the
// password). On failure the Error says what is wrong in one line.
Result<tracking::Database> connect_database(const std::string& dotenv_path = ".env");

// The heartbeat interval from $JOB_HEARTBEAT_INTERVAL, or 15 s (unset or invalid).
std::chrono::milliseconds heartbeat_interval_from_env();

}  // namespace scrapers::runtime
