#include "scrapers/dashboard/api_read.hpp"

#include <algorithm>

#include "scrapers/admin/job_progress.hpp"
#include "scrapers/admin/timestamp.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "tracking/catalog.hpp"
#include "tracking/dashboard_queries.hpp"
#include "tracking/monitoring.hpp"
#include "tracking/queue_schedules.hpp"

namespace scrapers::dashboard {
namespace {

constexpr tracking::JobType kJobTypes[] = {tracking::JobType::scrape,     tracking::JobType::clean,
                                           tracking::JobType::summarize,  tracking::JobType::entities,
                                           tracking::JobType::embed,      tracking::JobType::match,
                                           tracking::JobType::sync_assets};

struct ProgramRow {
  tracking::JobType job_type;
  tracking::QueueStatsRow stats;
};

// The queue per program over every job type.
Result<std::vector<ProgramRow>> program_rows(tracking::Database& db) {
  std::vector<ProgramRow> out;
  for (auto type : kJobTypes) {
    auto rows = tracking::queue_stats(db, type);
    if (!rows) return std::move(rows).error();
    for (auto& row : *rows) out.push_back({type, std::move(row)});
  }
  return out;
}

}  // namespace

Json source_json(const tracking::SourceRow& s) {
  return Json{{"id", s.id},
              {"name", s.name},
              {"domain", or_null(s.domain)},
              {"rate_limit_rpm", s.rate_limit_rpm},
              {"paused", s.paused},
              {"last_run_at", or_null(s.last_run_at)},
              {"last_request_at", or_null(s.last_request_at)},
              {"requests_last_minute", s.requests_last_minute}};
}

namespace {

Json progress_json(const tracking::JobRecord& j) {
  if (!j.progress) return nullptr;
  const auto f = admin::progress_figures(j.progress, j.elapsed_seconds);
  return Json{{"done", or_null(f.done)},       {"total", or_null(f.total)},
              {"item", or_null(f.item)},       {"updated_at", or_null(f.updated_at)},
              {"percent", or_null(f.percent)}, {"eta_seconds", or_null(f.eta_seconds)}};
}

// Seconds from `from` to `to`, both ISO 8601 text from the database.
std::optional<double> seconds_between(const std::optional<std::string>& from,
                                      const std::optional<std::string>& to) {
  if (!from || !to) return std::nullopt;
  auto a = admin::parse_timestamp(*from);
  auto b = admin::parse_timestamp(*to);
  if (!a || !b) return std::nullopt;
  return std::chrono::duration<double>(*b - *a).count();
}

std::optional<double> heartbeat_age(const tracking::JobRecord& j) {
  if (!j.elapsed_seconds) return std::nullopt;
  const auto offset = seconds_between(j.started_at, j.heartbeat_at);
  if (!offset) return j.elapsed_seconds;
  return std::max(0.0, *j.elapsed_seconds - *offset);
}

double stale_after_seconds() {
  return 3 * std::chrono::duration<double>(runtime::heartbeat_interval_from_env()).count();
}

Json running_job_json(const tracking::JobRecord& j) {
  const auto age = heartbeat_age(j);
  return Json{{"id", j.id},
              {"program", or_null(j.program ? j.program : j.script_type)},
              {"worker", or_null(j.worker)},
              {"attempt", j.attempt},
              {"max_attempts", or_null(j.max_attempts)},
              {"started_at", or_null(j.started_at)},
              {"heartbeat_at", or_null(j.heartbeat_at)},
              {"heartbeat_age_seconds", or_null(age)},
              {"stale", age && *age > stale_after_seconds()},
              {"cancel_requested", j.cancel_requested_at.has_value()},
              {"elapsed_seconds", or_null(j.elapsed_seconds)},
              {"progress", progress_json(j)}};
}

Json failed_job_json(const tracking::JobRecord& j) {
  return Json{{"id", j.id},
              {"program", or_null(j.program ? j.program : j.script_type)},
              {"error", or_null(j.error)},
              {"attempt", j.attempt},
              {"max_attempts", or_null(j.max_attempts)},
              {"finished_at", or_null(j.finished_at)},
              {"worker", or_null(j.worker)},
              {"attempts", j.errors}};
}

Json related_json(const std::vector<tracking::RelatedJob>& jobs) {
  Json out = Json::array();
  for (const auto& r : jobs) {
    out.push_back(
        {{"id", r.id}, {"status", r.status}, {"program", or_null(r.program)}, {"error", or_null(r.error)}});
  }
  return out;
}

// The work and edition a job touched (null when it names none or they are gone).
Result<Json> touched_json(tracking::Database& db, const tracking::JobRecord& j) {
  Json out{{"work", nullptr}, {"edition", nullptr}};
  if (j.edition_id) {
    auto edition = tracking::find_edition(db, *j.edition_id);
    if (!edition) return std::move(edition).error();
    if (*edition) {
      const auto& e = **edition;
      out["edition"] = {{"id", e.id},
                        {"work_id", e.work_id},
                        {"provider", e.provider},
                        {"canonical_url", e.canonical_url},
                        {"media_type", e.media_type}};
    }
  }
  std::optional<std::string> work_id = j.work_id;
  if (!work_id && out["edition"].is_object()) work_id = out["edition"]["work_id"].get<std::string>();
  if (work_id) {
    auto work = tracking::find_work(db, *work_id);
    if (!work) return std::move(work).error();
    if (*work) out["work"] = {{"id", (*work)->id}, {"title", (*work)->title}};
  }
  return out;
}

}  // namespace

Result<Json> overview_json(tracking::Database& db) {
  auto programs = program_rows(db);
  if (!programs) return std::move(programs).error();
  auto sources = tracking::list_sources(db);
  if (!sources) return std::move(sources).error();
  Json rows = Json::array();
  Json totals{{"runnable", 0}, {"waiting", 0}, {"running", 0}, {"failed_last_hour", 0}};
  for (const auto& [type, s] : *programs) {
    rows.push_back({{"program", or_null(s.program)},
                    {"job_type", tracking::to_string(type)},
                    {"runnable", s.runnable},
                    {"waiting", s.waiting},
                    {"running", s.running},
                    {"failed_last_hour", s.failed_last_hour},
                    {"oldest_runnable_age_seconds", or_null(s.oldest_runnable_age_seconds)}});
    totals["runnable"] = totals["runnable"].get<long long>() + s.runnable;
    totals["waiting"] = totals["waiting"].get<long long>() + s.waiting;
    totals["running"] = totals["running"].get<long long>() + s.running;
    totals["failed_last_hour"] = totals["failed_last_hour"].get<long long>() + s.failed_last_hour;
  }
  Json source_list = Json::array();
  for (const auto& s : *sources) source_list.push_back(source_json(s));
  return Json{{"programs", rows}, {"totals", totals}, {"sources", source_list}};
}

Result<Json> running_json(tracking::Database& db) {
  auto jobs = tracking::active_jobs(db);
  if (!jobs) return std::move(jobs).error();
  Json list = Json::array();
  for (const auto& j : *jobs) list.push_back(running_job_json(j));
  return Json{{"stale_after_seconds", stale_after_seconds()}, {"jobs", list}};
}

Result<Json> failures_json(tracking::Database& db, int limit, const std::optional<std::string>& program) {
  auto jobs = tracking::failed_jobs(db, limit, program);
  if (!jobs) return std::move(jobs).error();
  auto programs = program_rows(db);
  if (!programs) return std::move(programs).error();
  Json list = Json::array();
  for (const auto& j : *jobs) list.push_back(failed_job_json(j));
  Json names = Json::array();
  for (const auto& row : *programs) {
    if (row.stats.program && std::find(names.begin(), names.end(), *row.stats.program) == names.end()) {
      names.push_back(*row.stats.program);
    }
  }
  return Json{{"program", or_null(program)}, {"programs", names}, {"jobs", list}};
}

Result<Json> charts_json(tracking::Database& db) {
  auto hours = tracking::finished_per_hour(db);
  if (!hours) return std::move(hours).error();
  auto programs = program_rows(db);
  if (!programs) return std::move(programs).error();
  Json per_hour = Json::array();
  for (const auto& h : *hours)
    per_hour.push_back({{"hour", h.hour}, {"success", h.success}, {"failed", h.failed}});
  Json durations = Json::array();
  for (const auto& [type, s] : *programs) {
    if (!s.p50_duration_seconds) continue;
    durations.push_back({{"program", or_null(s.program)},
                         {"job_type", tracking::to_string(type)},
                         {"p50_seconds", or_null(s.p50_duration_seconds)},
                         {"p95_seconds", or_null(s.p95_duration_seconds)}});
  }
  return Json{{"finished_per_hour", per_hour}, {"durations", durations}};
}

Result<Json> schedules_json(tracking::Database& db) {
  auto all = tracking::list_schedules(db);
  if (!all) return std::move(all).error();
  Json list = Json::array();
  for (const auto& s : *all) {
    list.push_back({{"name", s.spec.name},
                    {"cron", s.spec.cron},
                    {"program", s.spec.program},
                    {"args", s.spec.args},
                    {"last_slot", or_null(s.last_slot_at)},
                    {"next_slot", or_null(s.next_slot_at)}});
  }
  return Json{{"schedules", list}};
}

Result<Json> job_json(tracking::Database& db, const std::string& job_id) {
  auto job = tracking::get_job(db, job_id);
  if (!job) return std::move(job).error();
  auto dependencies = tracking::jobs_by_id(db, job->depends_on);
  if (!dependencies) return std::move(dependencies).error();
  auto dependents = tracking::dependents_of(db, job_id);
  if (!dependents) return std::move(dependents).error();
  auto touched = touched_json(db, *job);
  if (!touched) return std::move(touched).error();
  Json body = tracking::to_json(*job);
  body["progress"] = progress_json(*job);
  if (job->status == "running") body["heartbeat_age_seconds"] = or_null(heartbeat_age(*job));
  return Json{{"job", body},
              {"dependencies", related_json(*dependencies)},
              {"dependents", related_json(*dependents)},
              {"work", (*touched)["work"]},
              {"edition", (*touched)["edition"]}};
}

}  // namespace scrapers::dashboard
