// Writing pipeline_jobs rows: create a job (queued, attempt 0) and move it through its statuses.
//
// Guarantees: every statement is parameterised; ids are checked to be UUIDs and inputs
// to be JSON objects before any SQL is sent; `running` increments attempt and sets
// started_at in ONE UPDATE ... RETURNING (concurrent starts never lose an increment);
// success/failed set finished_at; an unknown job id is a not_found Error. Database
// failures come back as one-line, password-free Errors of kind database.
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

// The catalog rows a job is about; only the ids that are set are written.
// Designated initializers work without warnings: {.edition_id = id}.
struct JobIds {
  std::optional<std::string> source_id{};
  std::optional<std::string> work_id{};
  std::optional<std::string> edition_id{};
  std::optional<std::string> segment_id{};
};

struct CreateJobParams {
  JobType job_type = JobType::scrape;
  Json input = Json::object();  // must be an object; carries "scriptType"
  std::optional<std::string> source_id{};
  std::optional<std::string> work_id{};
  std::optional<std::string> edition_id{};
  std::optional<std::string> segment_id{};
};

// Inserts status 'queued', attempt 0; returns the new job's id.
Result<std::string> create_job(Database& db, JobType job_type, const Json& input);
Result<std::string> create_job(Database& db, const CreateJobParams& params);

// Sets the status and returns the job's attempt afterwards.
//   running:        started_at = now(), attempt = attempt + 1, heartbeat_at = now(),
//                   worker = this process (host:pid), finished_at and error cleared;
//   success/failed: finished_at = now();
//   queued:         status only.
// `output` and `error` are written when given. Logs "job <id> <status> (attempt N)".
Result<int> update_job_status(Database& db, const std::string& job_id, JobStatus status,
                              const std::optional<Json>& output = std::nullopt,
                              const std::optional<std::string>& error = std::nullopt);
// Ends attempt `attempt` of a running job: `success` or `failed`, finished_at = now(),
// output and error written when given. Only a row still `running` that attempt is
// touched, so a job that was reaped, rescued, cancelled or claimed again meanwhile
// keeps the ending it got: invalid_argument "job <id> is no longer running attempt N
// (it is <status>)", nothing written. Returns the attempt.
Result<int> end_running_job(Database& db, const std::string& job_id, int attempt, JobStatus status,
                            const std::optional<Json>& output = std::nullopt,
                            const std::optional<std::string>& error = std::nullopt);
// Ends a job that never started: a row still `queued` (e.g. its `running` update was
// refused) becomes `failed` with `error` and finished_at = now(), so it does not wait
// in the queue forever. A row in any other status is left as it is: invalid_argument.
Status fail_unstarted_job(Database& db, const std::string& job_id, const std::string& error);
// The same with the status as text (validated first).
Result<int> update_job_status(Database& db, const std::string& job_id, std::string_view status,
                              const std::optional<Json>& output = std::nullopt,
                              const std::optional<std::string>& error = std::nullopt);

// Writes the given ids, leaves the others as they are.
Status set_job_ids(Database& db, const std::string& job_id, const JobIds& ids);
// input = input || patch (patch must be a JSON object; its keys win).
Status merge_job_input(Database& db, const std::string& job_id, const Json& patch);

// Refreshes heartbeat_at of a running job (worker stays as the start recorded it).
// Returns false when the job is no longer running (e.g. it was reaped), not_found when it does not exist.
Result<bool> record_heartbeat(Database& db, const std::string& job_id);

struct ReapedJob {
  std::string id;
  std::optional<std::string> script_type;
  std::optional<std::string> worker;
  std::string last_seen;  // ISO 8601 UTC
};

// Marks failed every running job whose coalesce(heartbeat_at, started_at, created_at) is
// older than `stale_after`, with error "worker lost: no heartbeat since <ts>" and
// finished_at = now(). Returns the reaped jobs.
Result<std::vector<ReapedJob>> reap_stale_jobs(Database& db, std::chrono::seconds stale_after);

// "host:pid" of this process, as recorded in pipeline_jobs.worker.
std::string this_worker();

}  // namespace scrapers::tracking
