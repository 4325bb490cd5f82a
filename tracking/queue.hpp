// pipeline_jobs as a queue: enqueue, claim, finish, retry, cancel and rescue (a running
// job's progress is written by its JobGuard, tracking/job_guard.hpp),
// each one self-contained transaction (safe behind a transaction-mode pooler: no session
// advisory locks, no LISTEN, no prepared statements kept across transactions).
//
// A queued job's program and arguments live in its input:
//   {"program": "chereads-segment", "args": ["--editionId", "..."], "scriptType": "..."}.
// Rows without "program" (written by the standalone programs) are never claimed and
// never retried.
// Guarantees:
//  - claim_jobs is one UPDATE over `FOR UPDATE SKIP LOCKED` rows: a job is claimed by one
//    caller only, however many workers on however many machines claim at once. Runnable:
//    queued, has a program, run_at reached (or NULL), every depends_on job 'success', and
//    its source (if any) not 'paused'. Order: priority DESC, coalesce(run_at, created_at),
//    created_at. Claiming sets running, attempt + 1, started_at, worker, heartbeat_at.
//  - Every later transition of a claimed job is guarded on (worker, attempt): once a job
//    was rescued, cancelled-and-finished, requeued or claimed again, a late call from the
//    old claimer reports `lost` and writes nothing.
//  - A job that fails for good (or is cancelled while queued) fails, in the same
//    transaction, every queued job that depends on it, transitively, with error
//    "dependency <id> failed" (or "dependency <id> cancelled").
//  - Every failed attempt appends {attempt, error, at, worker} to `errors` (a program
//    ending its own row adds kind and retryable to its entry: job_guard.hpp).
// Ids are checked to be UUIDs before any SQL is sent; unknown ids are not_found Errors;
// a transition the job's state does not allow is an invalid_argument Error saying why.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/util/error.hpp"
#include "tracking/database.hpp"
#include "tracking/job_types.hpp"

namespace scrapers::tracking {

using Json = nlohmann::json;
using WallTime = std::chrono::system_clock::time_point;

struct EnqueueParams {
  std::string program;              // required; recorded as input.program
  std::vector<std::string> args{};  // the program's own command line (input.args)
  std::string script_type{};        // input.scriptType when not empty
  JobType job_type = JobType::scrape;
  int priority = 0;                         // higher runs first
  std::optional<WallTime> run_at{};         // not before then; nullopt: as soon as possible
  std::vector<std::string> after{};         // job ids that must succeed first
  int max_attempts = 3;                     // >= 1
  std::optional<std::string> unique_key{};  // at most one queued or running job per key
  std::optional<std::string> source_id{};   // a paused source holds the job back
  Json extra_input = Json::object();        // merged into input (program/args/scriptType win)
};

struct EnqueuedJob {
  std::string id;
  std::string status;   // 'queued', or the existing job's status when not created
  bool created = true;  // false: a queued or running job with the unique key existed
};

// Inserts a queued job. With a unique_key that a queued or running job already holds, no
// row is written and that job is returned (created = false). The `after` jobs are locked
// FOR SHARE while the row is written, so a dependency failing concurrently still fails
// the new job. Unknown `after` ids: not_found; an `after` job already failed:
// invalid_argument (nothing could ever run it); no row in either case.
Result<EnqueuedJob> enqueue_job(Database& db, const EnqueueParams& params);

struct ClaimParams {
  std::string worker;                   // "host:pid" (tracking::this_worker())
  int limit = 1;                        // >= 1
  std::vector<std::string> programs{};  // claim only these programs; empty: any
};

struct ClaimedJob {
  std::string id;
  int attempt = 0;  // this attempt (already counted)
  std::string program;
  std::vector<std::string> args;
  std::optional<std::string> script_type;
  int max_attempts = 1;  // coalesce(max_attempts, 1)
  std::vector<std::string> depends_on;
  std::optional<std::string> source_id;
  std::optional<std::string> work_id;     // the job's own
  std::optional<std::string> edition_id;  // the job's own
  // From the first depends_on job (in depends_on order) that recorded one: what a
  // dependent that left out its edition/work takes from the job it waited for.
  std::optional<std::string> dependency_work_id;
  std::optional<std::string> dependency_edition_id;
  Json input = Json::object();  // the whole input
};

Result<std::vector<ClaimedJob>> claim_jobs(Database& db, const ClaimParams& params);

// How an attempt ended, as the worker saw it (the child's exit).
struct AttemptEnd {
  bool failed = false;
  std::string error{};           // used when the row is still running (the program never ended it)
  std::optional<Json> output{};  // written when given (the row's own output otherwise stays)
  bool retryable = false;        // only read when the verdict is failed
  std::chrono::milliseconds retry_delay{0};
  // The delay when the program recorded its failure as an anti-bot block (errors entry
  // kind "blocked"): blocks need the long wait.
  std::chrono::milliseconds blocked_retry_delay{0};
};

enum class FinishKind {
  succeeded,  // the job is 'success'
  retrying,   // back to 'queued' with run_at = now + retry_delay (same row, attempt kept)
  failed,     // 'failed' for good; dependents failed too
  lost,       // the guard failed: rescued, requeued, claimed again; nothing written
};
std::string_view to_string(FinishKind kind);

struct FinishOutcome {
  FinishKind kind = FinishKind::lost;
  int attempt = 0;
  std::optional<std::string> error;            // the error recorded for this attempt
  std::vector<std::string> dependents_failed;  // ids failed by the cascade
};

// Ends attempt `attempt` of a job the caller claimed. Guard: the row's worker = `worker`
// and attempt = `attempt`, and its status is running, success or failed (queued means it
// was requeued or rescued: lost). The row's own terminal status wins over the caller's
// view, so the worker may call this after its child exited, whatever the child wrote:
//  - row running: the verdict is end.failed (the program never ended the row itself);
//    success -> 'success', finished_at; failed -> error = end.error.
//  - row success: the verdict is success; nothing but end.output is written.
//  - row failed (the program recorded its own error): the verdict is failed with the
//    row's error (end.error only if the row has none).
// A failed verdict appends {attempt, error, at, worker} to errors (once per attempt: an
// entry the program already wrote for this attempt stays as it is) and goes back to
// 'queued' (run_at = now + delay, finished_at NULL) when it is retryable AND attempt <
// coalesce(max_attempts, 1) AND no cancel was requested AND the job has a program;
// otherwise it stays 'failed' (finished_at set) and its dependents fail ("dependency
// <id> cancelled" when a cancel had been requested). Retryable: when the row is failed
// and the program's errors entry for this attempt carries `retryable` (JobGuard::fail,
// tracking/job_guard.hpp), that flag; otherwise (the program never ended the row: a
// crash, a kill) end.retryable. The delay is end.blocked_retry_delay when that entry's
// kind is "blocked", else end.retry_delay.
Result<FinishOutcome> finish_attempt(Database& db, const std::string& job_id, const std::string& worker,
                                     int attempt, const AttemptEnd& end);

enum class RequeueKind {
  requeued,           // back to 'queued', attempt - 1, error cleared
  already_succeeded,  // the program finished it successfully first; left as it is
  cancelled,          // a cancel was requested: 'failed' with error 'cancelled' instead
  lost,               // the guard failed; nothing written
};

// Graceful shutdown: puts a job the caller claimed back without using up the attempt.
// Same (worker, attempt) guard as finish_attempt; a row running or failed (the program
// stopped on the signal) is requeued with run_at NULL and finished_at NULL; an errors
// entry the program wrote for that uncounted attempt is dropped (the next claim reuses
// the attempt number).
Result<RequeueKind> requeue_without_attempt(Database& db, const std::string& job_id, const std::string& worker,
                                            int attempt);

enum class CancelKind {
  cancelled,       // was queued: now 'failed', error 'cancelled'; dependents failed
  stop_requested,  // was running: cancel_requested_at set; the program stops it
};
struct CancelOutcome {
  CancelKind kind = CancelKind::cancelled;
  std::vector<std::string> dependents_failed;
};
// A finished job: invalid_argument "job <id> already finished (<status>)".
Result<CancelOutcome> cancel_job(Database& db, const std::string& job_id);
// True once a cancel was requested for the job (programs poll this between items).
Result<bool> cancel_requested(Database& db, const std::string& job_id);

// The running jobs claimed by `worker` whose cancel was requested (the worker's cancel
// watch: it signals their programs to stop).
Result<std::vector<std::string>> cancel_requested_jobs(Database& db, const std::string& worker);

// A failed job goes back to 'queued' (run_at NULL, error cleared, its last error kept in
// errors, max_attempts raised to attempt + 1 if needed: one more attempt). Anything
// else, a job without a program, or a unique_key now held by another active job:
// invalid_argument. Dependents already failed by the cascade stay failed.
Result<EnqueuedJob> retry_job(Database& db, const std::string& job_id);

struct RescuedJob {
  std::string id;
  std::optional<std::string> program;
  std::optional<std::string> worker;
  std::string last_seen;  // ISO 8601 UTC
  bool requeued = false;  // false: failed for good
  std::vector<std::string> dependents_failed;
};

// Every running job whose coalesce(heartbeat_at, started_at, created_at) is older than
// `stale_after`: error "worker lost: no heartbeat since <ts> (worker <w>)" appended to
// errors; back to 'queued' (run_at NULL, the attempt counted) when it has a program,
// attempts left and no cancel requested; else 'failed' for good (+ dependents).
Result<std::vector<RescuedJob>> rescue_stale_jobs(Database& db, std::chrono::seconds stale_after);

}  // namespace scrapers::tracking
