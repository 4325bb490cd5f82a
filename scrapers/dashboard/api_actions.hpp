// The dashboard's actions, each one call of the tracking/ function the matching
// `pipeline-jobs` command uses (cancel_job, retry_job; enqueue_job with a schedule's
// own spec for "enqueue now") or of set_source_paused (tracking/dashboard_queries.hpp).
//
// Answers: 200 with what happened; 400 for a malformed id or an empty schedule name
// (checked before any SQL); 404 for an unknown job, source or schedule; 409 when the
// job's state does not allow it (cancelling a finished job, retrying one that has not
// failed), with the queue's one-line reason. Whether the caller may act at all is the
// server's business (server.hpp), not this file's.
#pragma once

#include <string>

#include "scrapers/dashboard/api_response.hpp"
#include "tracking/database.hpp"

namespace scrapers::dashboard {

// {"id", "result": "cancelled" | "stop_requested", "dependents_failed": [ids]}
ApiResponse cancel_action(tracking::Database& db, const std::string& job_id);
// {"id", "status": "queued"}
ApiResponse retry_action(tracking::Database& db, const std::string& job_id);
// {"source": <the source as /api/overview lists it>}
ApiResponse pause_action(tracking::Database& db, const std::string& source_id, bool paused);
// {"schedule", "id", "status", "created"}; the job's input records {"schedule": name,
// "manual": true} (no slot: the schedule's own slots are untouched).
ApiResponse enqueue_schedule_action(tracking::Database& db, const std::string& name);

}  // namespace scrapers::dashboard
