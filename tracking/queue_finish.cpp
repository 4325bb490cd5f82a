// The transitions after a claim: finish, requeue, cancel, retry, rescue.
#include "common/util/log.hpp"
#include "tracking/queue.hpp"
#include "tracking/queue_internal.hpp"

namespace scrapers::tracking {
namespace {

using detail::check_uuid;
using detail::fail;
using detail::in_transaction;
using detail::nullable;

struct LockedJob {
  std::string status;
  std::optional<std::string> worker;
  int attempt = 0;
  int max_attempts = 1;
  bool cancel_requested = false;
  bool has_program = false;
  std::optional<std::string> error;
  // From the errors entry the program wrote for this attempt (job_guard.hpp), if any.
  std::optional<bool> recorded_retryable;
  bool recorded_blocked = false;
};

LockedJob lock_job(pqxx::work& tx, const std::string& job_id) {
  auto rows = tx.exec_params(
      "SELECT j.status, j.worker, j.attempt, coalesce(j.max_attempts, 1), j.cancel_requested_at IS NOT NULL, "
      "j.input ? 'program', j.error, e.entry->>'retryable', e.entry->>'kind' "
      "FROM pipeline_jobs j LEFT JOIN LATERAL (SELECT x.entry FROM jsonb_array_elements(j.errors) AS x(entry) "
      "  WHERE x.entry @> jsonb_build_object('attempt', j.attempt) "
      "    AND jsonb_typeof(x.entry->'retryable') = 'boolean' LIMIT 1) e ON true "
      "WHERE j.id = $1::uuid FOR UPDATE OF j",
      job_id);
  if (rows.empty()) fail(ErrorKind::not_found, "job " + job_id + " not found");
  const auto& r = rows[0];
  std::optional<bool> recorded_retryable;
  if (!r[7].is_null()) recorded_retryable = r[7].as<std::string>() == "true";
  return LockedJob{r[0].as<std::string>(),
                   detail::text_or_null(r[1]),
                   r[2].as<int>(),
                   r[3].as<int>(),
                   r[4].as<bool>(),
                   r[5].as<bool>(),
                   detail::text_or_null(r[6]),
                   recorded_retryable,
                   !r[8].is_null() && r[8].as<std::string>() == "blocked"};
}

// Whether (worker, attempt) still owns the row: it was not requeued, rescued or claimed again.
bool owned_by(const LockedJob& job, const std::string& worker, int attempt) {
  return job.worker == worker && job.attempt == attempt && job.status != "queued";
}

// Records a failed attempt: once in errors; queued again or failed for good.
void record_failure(pqxx::work& tx, const std::string& job_id, const std::string& error,
                    const std::optional<std::string>& output, bool again, std::chrono::milliseconds delay) {
  tx.exec_params(
      "UPDATE pipeline_jobs SET "
      "errors = CASE WHEN errors @> jsonb_build_array(jsonb_build_object('attempt', attempt)) THEN errors "
      "  ELSE errors || " +
          detail::error_entry_sql("$2") +
          " END, "
          "error = $2, output = coalesce($3::jsonb, output), "
          "status = CASE WHEN $4 THEN 'queued' ELSE 'failed' END, "
          "run_at = CASE WHEN $4 THEN now() + make_interval(secs => $5) ELSE run_at END, "
          "finished_at = CASE WHEN $4 THEN NULL ELSE coalesce(finished_at, now()) END "
          "WHERE id = $1::uuid",
      job_id, detail::safe_text(error), nullable(output), again, static_cast<double>(delay.count()) / 1000.0);
}

FinishOutcome finish_locked(pqxx::work& tx, const std::string& job_id, const LockedJob& job,
                            const AttemptEnd& end) {
  std::optional<std::string> output;
  if (end.output) output = detail::jsonb_text(*end.output);
  FinishOutcome outcome{FinishKind::succeeded, job.attempt, std::nullopt, {}};
  if (job.status == "success" || (job.status == "running" && !end.failed)) {
    tx.exec_params(
        "UPDATE pipeline_jobs SET status = 'success', finished_at = coalesce(finished_at, now()), "
        "output = coalesce($2::jsonb, output) WHERE id = $1::uuid",
        job_id, nullable(output));
    return outcome;
  }
  std::string error = job.status == "failed" && job.error ? *job.error : end.error;
  if (error.empty()) error = "attempt " + std::to_string(job.attempt) + " failed";
  // The program's own verdict on its failure wins over the worker's view of the exit.
  const bool from_program = job.status == "failed" && job.recorded_retryable.has_value();
  const bool retryable = from_program ? *job.recorded_retryable : end.retryable;
  const bool again = retryable && job.attempt < job.max_attempts && !job.cancel_requested && job.has_program;
  const bool blocked = from_program && job.recorded_blocked;
  record_failure(tx, job_id, error, output, again, blocked ? end.blocked_retry_delay : end.retry_delay);
  outcome.error = error;
  outcome.kind = again ? FinishKind::retrying : FinishKind::failed;
  if (!again) outcome.dependents_failed = detail::fail_dependents(tx, job_id, job.cancel_requested);
  return outcome;
}

void log_finish(const std::string& job_id, const FinishOutcome& o) {
  std::string line = "job " + job_id + " attempt " + std::to_string(o.attempt) + ": " +
                     std::string(to_string(o.kind));
  if (o.error) line += " (" + *o.error + ")";
  if (!o.dependents_failed.empty())
    line += "; " + std::to_string(o.dependents_failed.size()) + " dependent job(s) failed";
  if (o.kind == FinishKind::succeeded) log::info(line);
  else log::warn(line);
}

}  // namespace

std::string_view to_string(FinishKind kind) {
  switch (kind) {
    case FinishKind::succeeded: return "succeeded";
    case FinishKind::retrying: return "retrying";
    case FinishKind::failed: return "failed";
    case FinishKind::lost: return "lost";
  }
  return "lost";
}

Result<FinishOutcome> finish_attempt(Database& db, const std::string& job_id, const std::string& worker,
                                     int attempt, const AttemptEnd& end) {
  if (auto ok = check_uuid(job_id, "job id"); !ok) return std::move(ok).error();
  auto outcome = in_transaction(db, "finishing job " + job_id, [&](pqxx::work& tx) {
    const LockedJob job = lock_job(tx, job_id);
    if (!owned_by(job, worker, attempt)) return FinishOutcome{FinishKind::lost, attempt, std::nullopt, {}};
    return finish_locked(tx, job_id, job, end);
  });
  if (outcome) log_finish(job_id, *outcome);
  return outcome;
}

Result<RequeueKind> requeue_without_attempt(Database& db, const std::string& job_id, const std::string& worker,
                                            int attempt) {
  if (auto ok = check_uuid(job_id, "job id"); !ok) return std::move(ok).error();
  return in_transaction(db, "requeueing job " + job_id, [&](pqxx::work& tx) {
    const LockedJob job = lock_job(tx, job_id);
    if (!owned_by(job, worker, attempt)) return RequeueKind::lost;
    if (job.status == "success") return RequeueKind::already_succeeded;
    if (job.cancel_requested) {
      record_failure(tx, job_id, "cancelled", std::nullopt, false, std::chrono::milliseconds{0});
      detail::fail_dependents(tx, job_id, true);
      return RequeueKind::cancelled;
    }
    tx.exec_params(
        "UPDATE pipeline_jobs SET status = 'queued', attempt = greatest(attempt - 1, 0), error = NULL, "
        "run_at = NULL, finished_at = NULL, errors = (SELECT coalesce(jsonb_agg(e.entry ORDER BY e.n), "
        "'[]'::jsonb) FROM jsonb_array_elements(errors) WITH ORDINALITY AS e(entry, n) "
        "WHERE NOT e.entry @> jsonb_build_object('attempt', attempt)) WHERE id = $1::uuid",
        job_id);
    log::info("job " + job_id + " back in the queue (attempt " + std::to_string(attempt) + " not counted)");
    return RequeueKind::requeued;
  });
}

Result<CancelOutcome> cancel_job(Database& db, const std::string& job_id) {
  if (auto ok = check_uuid(job_id, "job id"); !ok) return std::move(ok).error();
  return in_transaction(db, "cancelling job " + job_id, [&](pqxx::work& tx) {
    const LockedJob job = lock_job(tx, job_id);
    CancelOutcome outcome;
    if (job.status == "running") {
      tx.exec_params(
          "UPDATE pipeline_jobs SET cancel_requested_at = coalesce(cancel_requested_at, now()) "
          "WHERE id = $1::uuid",
          job_id);
      outcome.kind = CancelKind::stop_requested;
      log::info("job " + job_id + ": stop requested");
      return outcome;
    }
    if (job.status != "queued")
      fail(ErrorKind::invalid_argument, "job " + job_id + " already finished (" + job.status + ")");
    tx.exec_params(
        "UPDATE pipeline_jobs SET status = 'failed', error = 'cancelled', finished_at = now(), "
        "cancel_requested_at = now() WHERE id = $1::uuid",
        job_id);
    outcome.dependents_failed = detail::fail_dependents(tx, job_id, true);
    log::info("job " + job_id + " cancelled");
    return outcome;
  });
}

Result<EnqueuedJob> retry_job(Database& db, const std::string& job_id) {
  if (auto ok = check_uuid(job_id, "job id"); !ok) return std::move(ok).error();
  return in_transaction(db, "retrying job " + job_id, [&](pqxx::work& tx) {
    const LockedJob job = lock_job(tx, job_id);
    if (job.status != "failed") {
      fail(ErrorKind::invalid_argument,
           "job " + job_id + " is " + job.status + "; only a failed job can be retried");
    }
    if (!job.has_program) {
      fail(ErrorKind::invalid_argument,
           "job " + job_id + " has no program to run (a standalone program wrote it)");
    }
    try {
      pqxx::subtransaction sub(tx, "retry");
      sub.exec_params(
          "UPDATE pipeline_jobs SET "
          "errors = CASE WHEN error IS NULL OR errors @> jsonb_build_array(jsonb_build_object('attempt', "
          "attempt)) "
          "  THEN errors ELSE errors || " +
              detail::error_entry_sql("error") +
              " END, "
              "status = 'queued', error = NULL, run_at = NULL, finished_at = NULL, cancel_requested_at = NULL, "
              "max_attempts = greatest(coalesce(max_attempts, 1), attempt + 1) WHERE id = $1::uuid",
          job_id);
      sub.commit();
    } catch (const pqxx::unique_violation&) {
      fail(ErrorKind::invalid_argument,
           "job " + job_id + ": another job with its unique key is queued or running");
    }
    log::info("job " + job_id + " queued again");
    return EnqueuedJob{job_id, "queued", false};
  });
}

Result<std::vector<RescuedJob>> rescue_stale_jobs(Database& db, std::chrono::seconds stale_after) {
  if (stale_after.count() < 0) {
    return make_error(ErrorKind::invalid_argument, "the staleness threshold must not be negative");
  }
  const std::string seen = "coalesce(heartbeat_at, started_at, created_at)";
  const std::string sql =
      "WITH stale AS (SELECT id, (input ? 'program' AND attempt < coalesce(max_attempts, 1) "
      "    AND cancel_requested_at IS NULL) AS again, "
      "  'worker lost: no heartbeat since ' || " +
      detail::iso_utc(seen) + "    || coalesce(' (worker ' || worker || ')', '') AS why, " +
      detail::iso_utc(seen) +
      " AS seen "
      "  FROM pipeline_jobs WHERE status = 'running' AND " +
      seen +
      " < now() - make_interval(secs => $1) "
      "  FOR UPDATE SKIP LOCKED) "
      "UPDATE pipeline_jobs j SET status = CASE WHEN s.again THEN 'queued' ELSE 'failed' END, error = s.why, "
      "  finished_at = CASE WHEN s.again THEN NULL ELSE now() END, "
      "  run_at = CASE WHEN s.again THEN NULL ELSE j.run_at END, "
      "  errors = j.errors || jsonb_build_array(jsonb_build_object('attempt', j.attempt, 'error', s.why, "
      "    'at', " +
      detail::iso_utc("now()") +
      ", 'worker', j.worker)) "
      "FROM stale s WHERE j.id = s.id "
      "RETURNING j.id::text, j.input->>'program', j.worker, s.seen, s.again, j.cancel_requested_at IS NOT NULL";
  return in_transaction(db, "rescuing stale jobs", [&](pqxx::work& tx) {
    std::vector<RescuedJob> rescued;
    for (const auto& row : tx.exec_params(sql, static_cast<double>(stale_after.count()))) {
      RescuedJob job{row[0].as<std::string>(),
                     detail::text_or_null(row[1]),
                     detail::text_or_null(row[2]),
                     row[3].as<std::string>(),
                     row[4].as<bool>(),
                     {}};
      if (!job.requeued) job.dependents_failed = detail::fail_dependents(tx, job.id, row[5].as<bool>());
      log::warn("job " + job.id + " rescued: no heartbeat since " + job.last_seen +
                (job.requeued ? "; queued again" : "; failed"));
      rescued.push_back(std::move(job));
    }
    return rescued;
  });
}

}  // namespace scrapers::tracking
