#include "tracking/queue.hpp"

#include <cctype>
#include <map>

#include "common/util/log.hpp"
#include "tracking/queue_internal.hpp"

namespace scrapers::tracking {
namespace detail {

std::string runnable_sql(const std::string& alias) {
  std::string sql =
      "J.status = 'queued' AND J.input ? 'program' AND (J.run_at IS NULL OR J.run_at <= now())"
      " AND NOT EXISTS (SELECT 1 FROM unnest(J.depends_on) AS d(id) LEFT JOIN pipeline_jobs p ON p.id = d.id"
      "                 WHERE p.status IS DISTINCT FROM 'success')"
      " AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = J.source_id AND s.status = 'paused')";
  for (auto at = sql.find("J."); at != std::string::npos; at = sql.find("J.", at + alias.size())) {
    sql.replace(at, 1, alias);
  }
  return sql;
}

std::string uuid_array(const std::vector<std::string>& ids) {
  std::string text = "{";
  for (const auto& id : ids) text += (text.size() > 1 ? "," : "") + id;
  return text + "}";
}

std::vector<std::string> parse_uuid_array(const std::string& text) {
  std::vector<std::string> ids;
  std::string current;
  for (char c : text) {
    if (c == '{' || c == '}' || c == ',') {
      if (!current.empty()) ids.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  return ids;
}

void fail(ErrorKind kind, std::string message) { throw ErrorException(make_error(kind, std::move(message))); }

std::string error_entry_sql(const std::string& error_param) {
  return "jsonb_build_array(jsonb_build_object('attempt', attempt, 'error', " + error_param + "::text, 'at', " +
         iso_utc("now()") + ", 'worker', worker))";
}

std::vector<std::string> fail_dependents(pqxx::work& tx, const std::string& job_id, bool cancelled) {
  std::vector<std::string> all, level{job_id};
  std::string verb = cancelled ? "cancelled" : "failed";
  while (!level.empty()) {
    std::vector<std::string> next;
    for (const auto& row :
         tx.exec_params("UPDATE pipeline_jobs d SET status = 'failed', finished_at = now(), "
                        "error = 'dependency ' || p.id::text || ' ' || $2::text "
                        "FROM unnest($1::uuid[]) AS p(id) "
                        "WHERE d.status = 'queued' AND d.depends_on @> ARRAY[p.id] RETURNING d.id::text",
                        uuid_array(level), verb)) {
      next.push_back(row[0].as<std::string>());
      log::warn("job " + next.back() + " failed: a job it depends on failed");
    }
    all.insert(all.end(), next.begin(), next.end());
    level = std::move(next);
    verb = "failed";
  }
  return all;
}

Status check_enqueue_params(const EnqueueParams& p) {
  if (p.program.empty()) return make_error(ErrorKind::invalid_argument, "a queued job needs a program");
  if (p.max_attempts < 1) return make_error(ErrorKind::invalid_argument, "max attempts must be at least 1");
  if (p.unique_key && p.unique_key->empty()) {
    return make_error(ErrorKind::invalid_argument, "the unique key must not be empty");
  }
  if (!p.extra_input.is_object())
    return make_error(ErrorKind::invalid_argument, "extra input must be a JSON object");
  for (const auto& id : p.after) {
    if (auto ok = check_uuid(id, "job id"); !ok) return ok;
  }
  if (p.source_id) return check_uuid(*p.source_id, "source id");
  return Ok{};
}

namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

Json job_input(const EnqueueParams& p) {
  Json input = p.extra_input;
  input["program"] = p.program;
  input["args"] = p.args;
  if (!p.script_type.empty()) input["scriptType"] = p.script_type;
  return input;
}

void check_dependencies(pqxx::work& tx, const std::vector<std::string>& after) {
  if (after.empty()) return;
  std::map<std::string, std::string> status;
  for (const auto& row : tx.exec_params("SELECT id::text, status FROM pipeline_jobs "
                                        "WHERE id = ANY($1::uuid[]) FOR SHARE",
                                        uuid_array(after))) {
    status[row[0].as<std::string>()] = row[1].as<std::string>();
  }
  for (const auto& id : after) {
    const auto found = status.find(lower(id));
    if (found == status.end()) fail(ErrorKind::not_found, "job " + id + " not found");
    if (found->second == "failed") {
      fail(ErrorKind::invalid_argument, "job " + id + " already failed; nothing would ever run after it");
    }
  }
}

}  // namespace

EnqueuedJob insert_queued_job(pqxx::work& tx, const EnqueueParams& p) {
  check_dependencies(tx, p.after);
  std::optional<std::string> run_at;
  if (p.run_at) {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(p.run_at->time_since_epoch());
    run_at = std::to_string(static_cast<double>(micros.count()) / 1e6);
  }
  for (int tries = 0; tries < 2; ++tries) {
    auto inserted = tx.exec_params(
        "INSERT INTO pipeline_jobs (job_type, status, attempt, input, source_id, priority, run_at, "
        "max_attempts, unique_key, depends_on) VALUES ($1, 'queued', 0, $2::jsonb, $3::uuid, $4, "
        "to_timestamp($5::double precision), $6, $7, $8::uuid[]) "
        "ON CONFLICT (unique_key) WHERE status IN ('queued', 'running') DO NOTHING RETURNING id::text",
        std::string(to_string(p.job_type)), jsonb_text(job_input(p)), nullable(p.source_id), p.priority,
        nullable(run_at), p.max_attempts, nullable(p.unique_key), uuid_array(p.after));
    if (!inserted.empty()) return EnqueuedJob{inserted[0][0].as<std::string>(), "queued", true};
    auto existing = tx.exec_params(
        "SELECT id::text, status FROM pipeline_jobs WHERE unique_key = $1 AND status IN ('queued', 'running')",
        *p.unique_key);
    if (!existing.empty()) {
      return EnqueuedJob{existing[0][0].as<std::string>(), existing[0][1].as<std::string>(), false};
    }
  }
  fail(ErrorKind::database, "the job with unique key '" + *p.unique_key + "' kept changing; try again");
}

}  // namespace detail

namespace {

using detail::check_uuid;
using detail::in_transaction;
using detail::text_or_null;

// Rows the claim may take, locked, in claim order; $1 worker, $2 limit, $3 programs (jsonb array).
const std::string kClaimSql =
    "WITH picked AS ("
    "  SELECT j.id FROM pipeline_jobs j"
    "  WHERE " +
    detail::runnable_sql("j") +
    "    AND ($3::jsonb = '[]'::jsonb OR $3::jsonb ? (j.input->>'program'))"
    "  ORDER BY j.priority DESC, coalesce(j.run_at, j.created_at), j.created_at"
    "  LIMIT $2 FOR UPDATE OF j SKIP LOCKED), "
    "claimed AS (UPDATE pipeline_jobs u SET status = 'running', started_at = now(), attempt = u.attempt + 1,"
    "  worker = $1, heartbeat_at = now(), finished_at = NULL, cancel_requested_at = NULL, error = NULL,"
    "  progress = NULL "
    "FROM picked WHERE u.id = picked.id "
    "RETURNING u.id::text, u.attempt, u.input::text, coalesce(u.max_attempts, 1), u.depends_on::text,"
    "  u.source_id::text, u.work_id::text, u.edition_id::text,"
    "  (SELECT p.work_id::text FROM unnest(u.depends_on) WITH ORDINALITY AS d(id, n)"
    "     JOIN pipeline_jobs p ON p.id = d.id WHERE p.work_id IS NOT NULL ORDER BY d.n LIMIT 1),"
    "  (SELECT p.edition_id::text FROM unnest(u.depends_on) WITH ORDINALITY AS d(id, n)"
    "     JOIN pipeline_jobs p ON p.id = d.id WHERE p.edition_id IS NOT NULL ORDER BY d.n LIMIT 1),"
    "  u.priority AS prio, coalesce(u.run_at, u.created_at) AS due, u.created_at AS created) "
    "SELECT * FROM claimed ORDER BY prio DESC, due, created";

ClaimedJob claimed_from(const pqxx::row& row) {
  ClaimedJob job;
  job.id = row[0].as<std::string>();
  job.attempt = row[1].as<int>();
  job.input = Json::parse(row[2].as<std::string>(), nullptr, false);
  if (!job.input.is_object()) job.input = Json::object();
  job.program = job.input.value("program", std::string());
  if (const auto args = job.input.find("args"); args != job.input.end() && args->is_array()) {
    for (const auto& arg : *args) job.args.push_back(arg.is_string() ? arg.get<std::string>() : arg.dump());
  }
  if (const auto st = job.input.find("scriptType"); st != job.input.end() && st->is_string()) {
    job.script_type = st->get<std::string>();
  }
  job.max_attempts = row[3].as<int>();
  job.depends_on = detail::parse_uuid_array(row[4].as<std::string>());
  job.source_id = text_or_null(row[5]);
  job.work_id = text_or_null(row[6]);
  job.edition_id = text_or_null(row[7]);
  job.dependency_work_id = text_or_null(row[8]);
  job.dependency_edition_id = text_or_null(row[9]);
  return job;
}

}  // namespace

Result<EnqueuedJob> enqueue_job(Database& db, const EnqueueParams& params) {
  if (auto ok = detail::check_enqueue_params(params); !ok) return std::move(ok).error();
  auto job = in_transaction(db, "enqueueing a job",
                            [&](pqxx::work& tx) { return detail::insert_queued_job(tx, params); });
  if (job) {
    log::info("job " + job->id +
              (job->created ? " queued (" + params.program + ")"
                            : " already " + job->status + " for key " + *params.unique_key));
  }
  return job;
}

Result<std::vector<ClaimedJob>> claim_jobs(Database& db, const ClaimParams& params) {
  if (params.worker.empty()) return make_error(ErrorKind::invalid_argument, "claiming needs a worker name");
  if (params.limit < 1) return make_error(ErrorKind::invalid_argument, "the claim limit must be at least 1");
  const Json programs = params.programs;
  return in_transaction(db, "claiming jobs", [&](pqxx::work& tx) {
    auto rows = tx.exec_params(kClaimSql, params.worker, params.limit, detail::jsonb_text(programs));
    std::vector<ClaimedJob> jobs;
    for (const auto& row : rows) jobs.push_back(claimed_from(row));
    return jobs;
  });
}

Result<bool> cancel_requested(Database& db, const std::string& job_id) {
  if (auto ok = check_uuid(job_id, "job id"); !ok) return std::move(ok).error();
  return in_transaction(db, "reading job " + job_id, [&](pqxx::work& tx) {
    auto rows = tx.exec_params("SELECT cancel_requested_at IS NOT NULL FROM pipeline_jobs WHERE id = $1::uuid",
                               job_id);
    if (rows.empty()) detail::fail(ErrorKind::not_found, "job " + job_id + " not found");
    return rows[0][0].as<bool>();
  });
}

Result<std::vector<std::string>> cancel_requested_jobs(Database& db, const std::string& worker) {
  return in_transaction(db, "reading cancel requests", [&](pqxx::work& tx) {
    std::vector<std::string> ids;
    for (const auto& row : tx.exec_params("SELECT id::text FROM pipeline_jobs WHERE worker = $1 "
                                          "AND status = 'running' AND cancel_requested_at IS NOT NULL",
                                          worker)) {
      ids.push_back(row[0].as<std::string>());
    }
    return ids;
  });
}

}  // namespace scrapers::tracking
