#include "scrapers/dashboard/api_actions.hpp"

#include "common/util/uuid.hpp"
#include "scrapers/dashboard/api_read.hpp"
#include "tracking/dashboard_queries.hpp"
#include "tracking/queue.hpp"
#include "tracking/queue_schedules.hpp"

namespace scrapers::dashboard {
namespace {

ApiResponse bad_id(const std::string& what, const std::string& id) {
  return error_response(400, "invalid " + what + " '" + id.substr(0, 64) + "': expected a UUID");
}

// A state the queue refused (invalid_argument after the id was checked) is a conflict.
ApiResponse refused(const Error& error) {
  if (error.kind == ErrorKind::invalid_argument) return error_response(409, error.describe());
  return error_response(error);
}

}  // namespace

ApiResponse cancel_action(tracking::Database& db, const std::string& job_id) {
  if (!is_uuid(job_id)) return bad_id("job id", job_id);
  auto outcome = tracking::cancel_job(db, job_id);
  if (!outcome) return refused(outcome.error());
  const bool cancelled = outcome->kind == tracking::CancelKind::cancelled;
  return {200, Json{{"id", job_id},
                    {"result", cancelled ? "cancelled" : "stop_requested"},
                    {"dependents_failed", outcome->dependents_failed}}};
}

ApiResponse retry_action(tracking::Database& db, const std::string& job_id) {
  if (!is_uuid(job_id)) return bad_id("job id", job_id);
  auto job = tracking::retry_job(db, job_id);
  if (!job) return refused(job.error());
  return {200, Json{{"id", job->id}, {"status", job->status}}};
}

ApiResponse pause_action(tracking::Database& db, const std::string& source_id, bool paused) {
  if (!is_uuid(source_id)) return bad_id("source id", source_id);
  auto source = tracking::set_source_paused(db, source_id, paused);
  if (!source) return error_response(source.error());
  return {200, Json{{"source", source_json(*source)}}};
}

ApiResponse enqueue_schedule_action(tracking::Database& db, const std::string& name) {
  if (name.empty()) return error_response(400, "a schedule name is required");
  auto all = tracking::list_schedules(db);
  if (!all) return error_response(all.error());
  for (const auto& s : *all) {
    if (s.spec.name != name) continue;
    auto job = tracking::enqueue_job(db, tracking::enqueue_params_for(s.spec, Json{{"schedule", name}, {"manual", true}}));
    if (!job) return refused(job.error());
    return {200, Json{{"schedule", name}, {"id", job->id}, {"status", job->status}, {"created", job->created}}};
  }
  return error_response(404, "schedule '" + name.substr(0, 64) + "' not found");
}

}  // namespace scrapers::dashboard
