#include "tracking/jobs.hpp"

#include <unistd.h>

#include <climits>

#include "common/util/log.hpp"
#include "tracking/sql_support.hpp"

namespace scrapers::tracking {
namespace {

using detail::check_uuid;
using detail::in_transaction;
using detail::nullable;

Status check_object(const Json& value, std::string_view what) {
  if (value.is_object()) return Ok{};
  return make_error(ErrorKind::invalid_argument,
                    std::string(what) + " must be a JSON object, not " + value.type_name());
}

Status check_ids(const CreateJobParams& p) {
  const std::pair<const std::optional<std::string>*, const char*> ids[] = {{&p.source_id, "source_id"},
                                                                           {&p.work_id, "work_id"},
                                                                           {&p.edition_id, "edition_id"},
                                                                           {&p.segment_id, "segment_id"}};
  for (const auto& [id, name] : ids) {
    if (!*id) continue;
    if (auto ok = check_uuid(**id, name); !ok) return ok;
  }
  return Ok{};
}

Error job_not_found(const std::string& job_id) {
  return make_error(ErrorKind::not_found, "job " + job_id + " not found");
}

void log_transition(const std::string& job_id, JobStatus status, int attempt,
                    const std::optional<std::string>& error) {
  std::string line = "job " + job_id + " " + std::string(to_string(status)) + " (attempt " +
                     std::to_string(attempt) + ")";
  if (error) line += ": " + *error;
  if (status == JobStatus::failed) log::warn(line);
  else log::info(line);
}

// One UPDATE per status; each returns the attempt, or no row for an unknown id.
pqxx::result run_status_update(pqxx::work& tx, const std::string& job_id, JobStatus status,
                               const std::optional<std::string>& output, const std::optional<std::string>& error) {
  switch (status) {
    case JobStatus::running:
      return tx.exec_params(
          "UPDATE pipeline_jobs SET status = 'running', started_at = now(), "
          "attempt = attempt + 1, heartbeat_at = now(), worker = $2, finished_at = NULL, "
          "error = $3, output = coalesce($4::jsonb, output) WHERE id = $1::uuid RETURNING attempt",
          job_id, this_worker(), nullable(detail::safe_text_or_null(error)), nullable(output));
    case JobStatus::success:
    case JobStatus::failed:
      return tx.exec_params(
          "UPDATE pipeline_jobs SET status = $2, finished_at = now(), "
          "output = coalesce($3::jsonb, output), error = coalesce($4, error) "
          "WHERE id = $1::uuid RETURNING attempt",
          job_id, std::string(to_string(status)), nullable(output), nullable(detail::safe_text_or_null(error)));
    case JobStatus::queued: break;
  }
  return tx.exec_params(
      "UPDATE pipeline_jobs SET status = 'queued', output = coalesce($2::jsonb, output), "
      "error = coalesce($3, error) WHERE id = $1::uuid RETURNING attempt",
      job_id, nullable(output), nullable(detail::safe_text_or_null(error)));
}

}  // namespace

std::string this_worker() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] != '\0' ? host : "unknown-host") + ":" + std::to_string(::getpid());
}

Result<std::string> create_job(Database& db, JobType job_type, const Json& input) {
  CreateJobParams params;
  params.job_type = job_type;
  params.input = input;
  return create_job(db, params);
}

Result<std::string> create_job(Database& db, const CreateJobParams& p) {
  if (auto ok = check_object(p.input, "job input"); !ok) return std::move(ok).error();
  if (auto ok = check_ids(p); !ok) return std::move(ok).error();
  auto id = in_transaction(db, "creating a job", [&](pqxx::work& tx) {
    return tx
        .exec_params1(
            "INSERT INTO pipeline_jobs (job_type, status, attempt, input, source_id, work_id, "
            "edition_id, segment_id, worker) VALUES ($1, 'queued', 0, $2::jsonb, $3::uuid, $4::uuid, "
            "$5::uuid, $6::uuid, $7) RETURNING id::text",
            std::string(to_string(p.job_type)), detail::jsonb_text(p.input), nullable(p.source_id),
            nullable(p.work_id), nullable(p.edition_id), nullable(p.segment_id), this_worker())[0]
        .as<std::string>();
  });
  if (id) {
    const auto script = p.input.find("scriptType");
    log::info(
        "job " + *id + " queued (" + std::string(to_string(p.job_type)) +
        (script != p.input.end() && script->is_string() ? ", " + script->get<std::string>() : std::string()) +
        ")");
  }
  return id;
}

Result<int> update_job_status(Database& db, const std::string& job_id, JobStatus status,
                              const std::optional<Json>& output, const std::optional<std::string>& error) {
  if (auto ok = check_uuid(job_id, "job id"); !ok) return std::move(ok).error();
  std::optional<std::string> output_text;
  if (output) output_text = detail::jsonb_text(*output);
  auto attempt = in_transaction(db, "updating job " + job_id, [&](pqxx::work& tx) {
    auto rows = run_status_update(tx, job_id, status, output_text, error);
    return rows.empty() ? -1 : rows[0][0].as<int>();
  });
  if (!attempt) return attempt;
  if (*attempt < 0) return job_not_found(job_id);
  log_transition(job_id, status, *attempt, error);
  return attempt;
}

Result<int> end_running_job(Database& db, const std::string& job_id, int attempt, JobStatus status,
                            const std::optional<Json>& output, const std::optional<std::string>& error) {
  if (auto ok = check_uuid(job_id, "job id"); !ok) return std::move(ok).error();
  if (status != JobStatus::success && status != JobStatus::failed) {
    return make_error(ErrorKind::invalid_argument, "a job ends success or failed");
  }
  std::optional<std::string> output_text;
  if (output) output_text = detail::jsonb_text(*output);
  auto now_status = in_transaction(db, "ending job " + job_id, [&](pqxx::work& tx) -> std::optional<std::string> {
    auto ended = tx.exec_params(
        "UPDATE pipeline_jobs SET status = $2, finished_at = now(), "
        "output = coalesce($3::jsonb, output), error = coalesce($4, error) "
        "WHERE id = $1::uuid AND status = 'running' AND attempt = $5 RETURNING attempt",
        job_id, std::string(to_string(status)), nullable(output_text), nullable(detail::safe_text_or_null(error)),
        attempt);
    if (!ended.empty()) return std::nullopt;
    auto row = tx.exec_params("SELECT status || ' at attempt ' || attempt FROM pipeline_jobs WHERE id = $1::uuid",
                              job_id);
    return row.empty() ? std::string("gone") : row[0][0].as<std::string>();
  });
  if (!now_status) return std::move(now_status).error();
  if (*now_status) {
    return make_error(ErrorKind::invalid_argument, "job " + job_id + " is no longer running attempt " +
                                                       std::to_string(attempt) + " (it is " + **now_status +
                                                       "); this run's ending was not written");
  }
  log_transition(job_id, status, attempt, error);
  return attempt;
}

Status fail_unstarted_job(Database& db, const std::string& job_id, const std::string& error) {
  if (auto ok = check_uuid(job_id, "job id"); !ok) return ok;
  auto ended = in_transaction(db, "ending job " + job_id, [&](pqxx::work& tx) {
    return tx.exec_params(
                 "UPDATE pipeline_jobs SET status = 'failed', finished_at = now(), error = $2 "
                 "WHERE id = $1::uuid AND status = 'queued'",
                 job_id, detail::safe_text(error))
               .affected_rows() > 0;
  });
  if (!ended) return std::move(ended).error();
  if (!*ended) return make_error(ErrorKind::invalid_argument, "job " + job_id + " is not queued any more");
  log_transition(job_id, JobStatus::failed, 0, error);
  return Ok{};
}

Result<int> update_job_status(Database& db, const std::string& job_id, std::string_view status,
                              const std::optional<Json>& output, const std::optional<std::string>& error) {
  auto parsed = parse_job_status(status);
  if (!parsed) return std::move(parsed).error();
  return update_job_status(db, job_id, *parsed, output, error);
}

Status set_job_ids(Database& db, const std::string& job_id, const JobIds& ids) {
  if (auto ok = check_uuid(job_id, "job id"); !ok) return ok;
  CreateJobParams as_params;
  as_params.source_id = ids.source_id;
  as_params.work_id = ids.work_id;
  as_params.edition_id = ids.edition_id;
  as_params.segment_id = ids.segment_id;
  if (auto ok = check_ids(as_params); !ok) return ok;
  auto found = in_transaction(db, "recording ids of job " + job_id, [&](pqxx::work& tx) {
    return tx.exec_params(
                 "UPDATE pipeline_jobs SET source_id = coalesce($2::uuid, source_id), "
                 "work_id = coalesce($3::uuid, work_id), edition_id = coalesce($4::uuid, edition_id), "
                 "segment_id = coalesce($5::uuid, segment_id) WHERE id = $1::uuid",
                 job_id, nullable(ids.source_id), nullable(ids.work_id), nullable(ids.edition_id),
                 nullable(ids.segment_id))
               .affected_rows() > 0;
  });
  if (!found) return std::move(found).error();
  if (!*found) return job_not_found(job_id);
  return Ok{};
}

Status merge_job_input(Database& db, const std::string& job_id, const Json& patch) {
  if (auto ok = check_uuid(job_id, "job id"); !ok) return ok;
  if (auto ok = check_object(patch, "input patch"); !ok) return ok;
  auto found = in_transaction(db, "updating the input of job " + job_id, [&](pqxx::work& tx) {
    return tx.exec_params("UPDATE pipeline_jobs SET input = input || $2::jsonb WHERE id = $1::uuid", job_id,
                          detail::jsonb_text(patch))
               .affected_rows() > 0;
  });
  if (!found) return std::move(found).error();
  if (!*found) return job_not_found(job_id);
  return Ok{};
}

Result<bool> record_heartbeat(Database& db, const std::string& job_id) {
  if (auto ok = check_uuid(job_id, "job id"); !ok) return std::move(ok).error();
  auto state = in_transaction(db, "recording a heartbeat of job " + job_id, [&](pqxx::work& tx) {
    auto rows = tx.exec_params(
        "WITH beat AS (UPDATE pipeline_jobs SET heartbeat_at = now() "
        "WHERE id = $1::uuid AND status = 'running' RETURNING id) "
        "SELECT (SELECT count(*) FROM beat), (SELECT count(*) FROM pipeline_jobs WHERE id = $1::uuid)",
        job_id);
    return std::pair(rows[0][0].as<int>(), rows[0][1].as<int>());
  });
  if (!state) return std::move(state).error();
  if (state->second == 0) return job_not_found(job_id);
  return state->first > 0;
}

Result<std::vector<ReapedJob>> reap_stale_jobs(Database& db, std::chrono::seconds stale_after) {
  if (stale_after.count() < 0) {
    return make_error(ErrorKind::invalid_argument, "the staleness threshold must not be negative");
  }
  const std::string last_seen = "coalesce(heartbeat_at, started_at, created_at)";
  // A program's own row (create_job names its worker; rows for queue workers carry
  // input.program instead) is queued only between its INSERT and its start: one still
  // queued after the threshold lost its process in between and would stay queued
  // forever. Queued rows of other systems (no worker) are never touched.
  const std::string sql =
      "UPDATE pipeline_jobs SET status = 'failed', finished_at = now(), "
      "error = CASE WHEN status = 'queued' THEN 'process lost before the job started (created ' || " +
      detail::iso_utc("created_at") +
      " || ')' ELSE 'worker lost: no heartbeat since ' || " + detail::iso_utc(last_seen) +
      " || coalesce(' (worker ' || worker || ')', '') END "
      "WHERE ((status = 'running' AND " +
      last_seen +
      " < now() - make_interval(secs => $1)) "
      "   OR (status = 'queued' AND worker IS NOT NULL AND NOT input ? 'program' "
      "       AND created_at < now() - make_interval(secs => $1))) "
      "RETURNING id::text, input->>'scriptType', worker, " +
      detail::iso_utc(last_seen);
  return in_transaction(db, "reaping stale jobs", [&](pqxx::work& tx) {
    std::vector<ReapedJob> reaped;
    for (const auto& row : tx.exec_params(sql, static_cast<double>(stale_after.count()))) {
      reaped.push_back(ReapedJob{row[0].as<std::string>(), detail::text_or_null(row[1]),
                                 detail::text_or_null(row[2]), row[3].as<std::string>()});
      log::warn("job " + reaped.back().id + " reaped: no heartbeat since " + reaped.back().last_seen);
    }
    return reaped;
  });
}

}  // namespace scrapers::tracking
