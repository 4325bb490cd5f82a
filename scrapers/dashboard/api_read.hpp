// The dashboard's read-only API: what GET /api/overview, /api/running, /api/failures,
// /api/charts, /api/schedules and /api/jobs/<id> answer (shapes in the README,
// "Dashboard"). Each is built from tracking/ queries on one connection and returns
// the JSON body, or the Error (bad id: invalid_argument; unknown job: not_found).
//
// Figures: a running job's heartbeat age is measured on the database's clock (elapsed
// since start minus the heartbeat's offset from the start), so clock skew between the
// dashboard and PostgreSQL does not matter; it is stale beyond three heartbeat intervals
// (JOB_HEARTBEAT_INTERVAL), the age at which workers rescue a job. Percent and ETA are
// those of `pipeline-jobs active` (scrapers/admin/job_progress.hpp).
#pragma once

#include <optional>
#include <string>

#include "scrapers/dashboard/api_response.hpp"
#include "tracking/dashboard_queries.hpp"
#include "tracking/database.hpp"

namespace scrapers::dashboard {

inline constexpr int kMaxFailuresLimit = 200;

Result<Json> overview_json(tracking::Database& db);
Result<Json> running_json(tracking::Database& db);
// limit 1..kMaxFailuresLimit; program: only that program's failures.
Result<Json> failures_json(tracking::Database& db, int limit, const std::optional<std::string>& program);
Result<Json> charts_json(tracking::Database& db);
Result<Json> schedules_json(tracking::Database& db);
Result<Json> job_json(tracking::Database& db, const std::string& job_id);

// A source as /api/overview lists it (and the pause/resume actions answer).
Json source_json(const tracking::SourceRow& source);

}  // namespace scrapers::dashboard
