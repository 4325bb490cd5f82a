// The queries the dashboard (scrapers/dashboard) needs beyond monitoring.hpp: the
// sources with their politeness rules, jobs finished per hour, the jobs related to one
// job, the work a job touched (its edition: catalog.hpp find_edition), and pausing or
// resuming a source.
//
// Guarantees: every statement is parameterised; ids are checked to be UUIDs before any
// SQL is sent (invalid_argument); an unknown source is not_found. Timestamps are ISO
// 8601 UTC text. finished_per_hour always returns 24 rows, the oldest hour first, the
// last one being the current (partial) hour, hours without jobs counted as 0.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/util/error.hpp"
#include "tracking/database.hpp"

namespace scrapers::tracking {

struct SourceRow {
  std::string id;
  std::string name;
  std::optional<std::string> domain;
  int rate_limit_rpm = 0;
  bool paused = false;
  std::optional<std::string> last_run_at;
  // The latest request slot reserved in host_pacing for a host of this source.
  std::optional<std::string> last_request_at;
  // Request slots reserved for the source's hosts within the last 60 s.
  long long requests_last_minute = 0;
};

// Every source, by name.
Result<std::vector<SourceRow>> list_sources(Database& db);
// status = 'paused' (or 'active'); returns the source as it is now.
Result<SourceRow> set_source_paused(Database& db, const std::string& source_id, bool paused);

struct HourCount {
  std::string hour;  // the hour's start
  long long success = 0;
  long long failed = 0;
};
Result<std::vector<HourCount>> finished_per_hour(Database& db);

struct RelatedJob {
  std::string id;
  std::string status;
  std::optional<std::string> program;  // input->>'program', else input->>'scriptType'
  std::optional<std::string> error;
};
// The jobs with these ids (in the given order; unknown ids left out).
Result<std::vector<RelatedJob>> jobs_by_id(Database& db, const std::vector<std::string>& ids);
// The jobs whose depends_on names `job_id`, oldest first.
Result<std::vector<RelatedJob>> dependents_of(Database& db, const std::string& job_id);

struct WorkRef {
  std::string id;
  std::string title;
};
Result<std::optional<WorkRef>> find_work(Database& db, const std::string& work_id);

}  // namespace scrapers::tracking
