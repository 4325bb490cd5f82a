#include "tracking/monitoring.hpp"

#include "tracking/queue_internal.hpp"
#include "tracking/sql_support.hpp"

namespace scrapers::tracking {
namespace {

using detail::iso_utc;
using detail::text_or_null;
using Json = nlohmann::json;

std::string job_columns() {
  return "id::text, job_type, status, source_id::text, work_id::text, edition_id::text, "
         "segment_id::text, input->>'scriptType', input::text, output::text, attempt, error, " +
         iso_utc("created_at") + ", " + iso_utc("started_at") + ", " + iso_utc("finished_at") + ", " +
         iso_utc("heartbeat_at") + ", worker, extract(epoch FROM (finished_at - started_at))::float8, " +
         "input->>'program', priority, " + iso_utc("run_at") + ", max_attempts, depends_on::text, unique_key, " +
         iso_utc("cancel_requested_at") +
         ", errors::text, progress::text, "
         "CASE WHEN status = 'running' THEN extract(epoch FROM (now() - started_at))::float8 END";
}

std::optional<Json> json_or_null(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return Json::parse(field.as<std::string>());
}

std::optional<double> double_or_null(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<double>();
}

// The queue's columns of a row read with job_columns(), from index 18 on.
void read_queue_columns(const pqxx::row& row, JobRecord& job) {
  job.program = text_or_null(row[18]);
  job.priority = row[19].as<int>();
  job.run_at = text_or_null(row[20]);
  if (!row[21].is_null()) job.max_attempts = row[21].as<int>();
  job.depends_on = detail::parse_uuid_array(row[22].as<std::string>());
  job.unique_key = text_or_null(row[23]);
  job.cancel_requested_at = text_or_null(row[24]);
  job.errors = json_or_null(row[25]).value_or(Json::array());
  job.progress = json_or_null(row[26]);
  job.elapsed_seconds = double_or_null(row[27]);
}

JobRecord read_job(const pqxx::row& row) {
  JobRecord job;
  job.id = row[0].as<std::string>();
  job.job_type = row[1].as<std::string>();
  job.status = row[2].as<std::string>();
  job.source_id = text_or_null(row[3]);
  job.work_id = text_or_null(row[4]);
  job.edition_id = text_or_null(row[5]);
  job.segment_id = text_or_null(row[6]);
  job.script_type = text_or_null(row[7]);
  job.input = Json::parse(row[8].as<std::string>());
  job.output = json_or_null(row[9]);
  job.attempt = row[10].as<int>();
  job.error = text_or_null(row[11]);
  job.created_at = row[12].as<std::string>();
  job.started_at = text_or_null(row[13]);
  job.finished_at = text_or_null(row[14]);
  job.heartbeat_at = text_or_null(row[15]);
  job.worker = text_or_null(row[16]);
  job.duration_seconds = double_or_null(row[17]);
  read_queue_columns(row, job);
  return job;
}

std::vector<JobRecord> read_jobs(const pqxx::result& rows) {
  std::vector<JobRecord> jobs;
  for (const auto& row : rows) jobs.push_back(read_job(row));
  return jobs;
}

template <class T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

Result<JobRecord> get_job(Database& db, const std::string& job_id) {
  if (auto ok = detail::check_uuid(job_id, "job id"); !ok) return std::move(ok).error();
  auto found = detail::in_transaction(db, "reading job " + job_id, [&](pqxx::work& tx) {
    auto rows = tx.exec_params("SELECT " + job_columns() + " FROM pipeline_jobs WHERE id = $1::uuid", job_id);
    return rows.empty() ? std::optional<JobRecord>() : read_job(rows[0]);
  });
  if (!found) return std::move(found).error();
  if (!*found) return make_error(ErrorKind::not_found, "job " + job_id + " not found");
  return std::move(**found);
}

Result<std::vector<JobRecord>> active_jobs(Database& db) {
  return detail::in_transaction(db, "listing running jobs", [&](pqxx::work& tx) {
    return read_jobs(tx.exec("SELECT " + job_columns() +
                             " FROM pipeline_jobs WHERE status = 'running' "
                             "ORDER BY started_at DESC NULLS LAST"));
  });
}

Result<std::vector<JobRecord>> failed_jobs(Database& db, int limit, const std::optional<std::string>& program) {
  if (limit < 0) return make_error(ErrorKind::invalid_argument, "limit must not be negative");
  return detail::in_transaction(db, "listing failed jobs", [&](pqxx::work& tx) {
    return read_jobs(tx.exec_params("SELECT " + job_columns() +
                                        " FROM pipeline_jobs WHERE status = 'failed' "
                                        "AND ($2::text IS NULL OR coalesce(input->>'program', input->>'scriptType') = $2) "
                                        "ORDER BY finished_at DESC NULLS LAST LIMIT $1",
                                    limit, detail::nullable(program)));
  });
}

Result<std::vector<StatsRow>> job_stats(Database& db, JobType job_type) {
  return detail::in_transaction(db, "computing job statistics", [&](pqxx::work& tx) {
    std::vector<StatsRow> out;
    for (const auto& row : tx.exec_params("SELECT input->>'scriptType' AS script_type, status, count(*), "
                                          "avg(extract(epoch FROM (finished_at - started_at)))::float8 "
                                          "FROM pipeline_jobs WHERE job_type = $1 AND finished_at IS NOT NULL "
                                          "GROUP BY input->>'scriptType', status ORDER BY script_type, status",
                                          std::string(to_string(job_type)))) {
      StatsRow r{text_or_null(row[0]), row[1].as<std::string>(), row[2].as<long long>(), std::nullopt};
      if (!row[3].is_null()) r.avg_duration_seconds = row[3].as<double>();
      out.push_back(std::move(r));
    }
    return out;
  });
}

Result<std::vector<QueueStatsRow>> queue_stats(Database& db, JobType job_type) {
  const std::string sql =
      "WITH j AS (SELECT coalesce(j.input->>'program', j.input->>'scriptType') AS program, j.status, (" +
      detail::runnable_sql("j") +
      ") AS runnable, coalesce(j.run_at, j.created_at) AS due, "
      "  CASE WHEN j.status IN ('success', 'failed') THEN extract(epoch FROM (j.finished_at - "
      "j.started_at))::float8 END "
      "    AS duration, "
      "  (SELECT count(*) FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j.errors) = 'array' THEN j.errors "
      "     ELSE '[]'::jsonb END) AS e(entry) "
      "   WHERE CASE WHEN e.entry->>'at' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' THEN (e.entry->>'at')::timestamptz END "
      "     > now() - interval '1 hour') "
      "  + CASE WHEN j.status = 'failed' AND j.errors = '[]'::jsonb AND j.finished_at > now() - interval '1 hour' "
      "     THEN 1 ELSE 0 END AS failures "
      "  FROM pipeline_jobs j WHERE j.job_type = $1) "
      "SELECT program, count(*) FILTER (WHERE runnable), count(*) FILTER (WHERE status = 'queued' AND NOT "
      "runnable), "
      "  count(*) FILTER (WHERE status = 'running'), "
      "  extract(epoch FROM (now() - min(due) FILTER (WHERE runnable)))::float8, sum(failures)::bigint, "
      "  percentile_cont(0.5) WITHIN GROUP (ORDER BY duration), "
      "  percentile_cont(0.95) WITHIN GROUP (ORDER BY duration) "
      "FROM j GROUP BY program ORDER BY program NULLS LAST";
  return detail::in_transaction(db, "computing queue statistics", [&](pqxx::work& tx) {
    std::vector<QueueStatsRow> out;
    for (const auto& row : tx.exec_params(sql, std::string(to_string(job_type)))) {
      out.push_back({text_or_null(row[0]), row[1].as<long long>(), row[2].as<long long>(), row[3].as<long long>(),
                     double_or_null(row[4]), row[5].as<long long>(), double_or_null(row[6]),
                     double_or_null(row[7])});
    }
    return out;
  });
}

Result<std::vector<RetryRow>> retry_stats(Database& db, JobType job_type) {
  return detail::in_transaction(db, "computing retry statistics", [&](pqxx::work& tx) {
    std::vector<RetryRow> out;
    for (const auto& row : tx.exec_params("SELECT input->>'scriptType' AS script_type, attempt, count(*) "
                                          "FROM pipeline_jobs WHERE job_type = $1 "
                                          "AND status IN ('running', 'success', 'failed') "
                                          "GROUP BY input->>'scriptType', attempt ORDER BY script_type, attempt",
                                          std::string(to_string(job_type)))) {
      out.push_back({text_or_null(row[0]), row[1].as<int>(), row[2].as<long long>()});
    }
    return out;
  });
}

Json to_json(const JobRecord& job) {
  return Json{{"id", job.id},
              {"job_type", job.job_type},
              {"status", job.status},
              {"source_id", or_null(job.source_id)},
              {"work_id", or_null(job.work_id)},
              {"edition_id", or_null(job.edition_id)},
              {"segment_id", or_null(job.segment_id)},
              {"script", or_null(job.script_type)},
              {"input", job.input},
              {"output", job.output ? *job.output : Json(nullptr)},
              {"attempt", job.attempt},
              {"error", or_null(job.error)},
              {"created_at", job.created_at},
              {"started_at", or_null(job.started_at)},
              {"finished_at", or_null(job.finished_at)},
              {"heartbeat_at", or_null(job.heartbeat_at)},
              {"worker", or_null(job.worker)},
              {"duration_seconds", or_null(job.duration_seconds)},
              {"program", or_null(job.program)},
              {"priority", job.priority},
              {"run_at", or_null(job.run_at)},
              {"max_attempts", or_null(job.max_attempts)},
              {"depends_on", job.depends_on},
              {"unique_key", or_null(job.unique_key)},
              {"cancel_requested_at", or_null(job.cancel_requested_at)},
              {"errors", job.errors},
              {"progress", or_null(job.progress)}};
}

}  // namespace scrapers::tracking
