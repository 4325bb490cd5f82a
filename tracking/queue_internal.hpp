// Internal to tracking/: SQL pieces shared by the queue's .cpp files (includes pqxx).
#pragma once

#include <string>
#include <vector>

#include "tracking/queue.hpp"
#include "tracking/sql_support.hpp"

namespace scrapers::tracking::detail {

// SQL condition: the pipeline_jobs row aliased `alias` is runnable now (queued, has a
// program, run_at reached or NULL, every depends_on job 'success', its source not
// paused). The claim and the queue statistics share it.
std::string runnable_sql(const std::string& alias);

// '{a,b}' for a uuid[] parameter; every id must already be a checked UUID.
std::string uuid_array(const std::vector<std::string>& ids);
// The ids of a uuid[] column read as text ("{a,b}").
std::vector<std::string> parse_uuid_array(const std::string& text);

// Fails every queued job depending on `job_id`, transitively, in `tx`: error
// "dependency <id> <verb>" for the direct dependents ("cancelled" or "failed") and
// "dependency <id> failed" further down. Returns the ids failed.
std::vector<std::string> fail_dependents(pqxx::work& tx, const std::string& job_id, bool cancelled);

// Validates `params` and inserts the queued job in `tx` (see enqueue_job).
EnqueuedJob insert_queued_job(pqxx::work& tx, const EnqueueParams& params);
Status check_enqueue_params(const EnqueueParams& params);

// Throws ErrorException (in_transaction turns it into the Error).
[[noreturn]] void fail(ErrorKind kind, std::string message);

// The entry appended to `errors` for the row's current attempt, as SQL over columns of
// the updated row and a text parameter holding the error.
std::string error_entry_sql(const std::string& error_param);

}  // namespace scrapers::tracking::detail
