#include "scrapers/admin/listings.hpp"

#include <cstdio>

#include "scrapers/admin/job_progress.hpp"
#include "scrapers/admin/table.hpp"
#include "tracking/monitoring.hpp"

namespace scrapers::admin {
namespace {

using Json = nlohmann::json;

std::string text(const std::optional<std::string>& value, const char* absent = "-") {
  return value ? *value : absent;
}

std::string seconds(const std::optional<double>& value) {
  if (!value) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", *value);
  return buffer;
}

template <class T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

ProgressFigures figures_of(const tracking::JobRecord& j) {
  return progress_figures(j.progress, j.elapsed_seconds);
}

// A running job as the active-jobs monitoring query shows it, plus liveness (heartbeat,
// worker) and progress (done, total, percent, ETA).
Json active_json(const tracking::JobRecord& j) {
  const ProgressFigures f = figures_of(j);
  return Json{{"id", j.id},
              {"program", or_null(j.program)},
              {"done", or_null(f.done)},
              {"total", or_null(f.total)},
              {"item", or_null(f.item)},
              {"percent", or_null(f.percent)},
              {"eta_seconds", or_null(f.eta_seconds)},
              {"job_type", j.job_type},
              {"status", j.status},
              {"work_id", or_null(j.work_id)},
              {"edition_id", or_null(j.edition_id)},
              {"script", or_null(j.script_type)},
              {"created_at", j.created_at},
              {"started_at", or_null(j.started_at)},
              {"finished_at", or_null(j.finished_at)},
              {"attempt", j.attempt},
              {"heartbeat_at", or_null(j.heartbeat_at)},
              {"worker", or_null(j.worker)}};
}

// A failed job as the failed-jobs monitoring query shows it (ids, script, error, attempt).
Json failed_json(const tracking::JobRecord& j) {
  return Json{{"id", j.id},
              {"job_type", j.job_type},
              {"work_id", or_null(j.work_id)},
              {"edition_id", or_null(j.edition_id)},
              {"script", or_null(j.script_type)},
              {"error", or_null(j.error)},
              {"attempt", j.attempt},
              {"finished_at", or_null(j.finished_at)}};
}

void print_json(std::ostream& out, const Json& value) { out << value.dump(2) << '\n'; }

Json finished_stats_json(const std::vector<tracking::StatsRow>& rows) {
  Json list = Json::array();
  for (const auto& r : rows) {
    list.push_back({{"script_type", or_null(r.script_type)},
                    {"status", r.status},
                    {"count", r.count},
                    {"avg_duration_seconds", or_null(r.avg_duration_seconds)}});
  }
  return list;
}

Table finished_stats_table(const std::vector<tracking::StatsRow>& rows) {
  Table table({"SCRIPT TYPE", "STATUS", "COUNT", "AVG DURATION (S)"});
  table.right_align(2);
  table.right_align(3);
  for (const auto& r : rows) {
    table.add_row(
        {text(r.script_type, "(none)"), r.status, std::to_string(r.count), seconds(r.avg_duration_seconds)});
  }
  return table;
}

Json queue_stats_json(const std::vector<tracking::QueueStatsRow>& rows) {
  Json list = Json::array();
  for (const auto& r : rows) {
    list.push_back({{"program", or_null(r.program)},
                    {"runnable", r.runnable},
                    {"waiting", r.waiting},
                    {"running", r.running},
                    {"oldest_runnable_age_seconds", or_null(r.oldest_runnable_age_seconds)},
                    {"failed_last_hour", r.failed_last_hour},
                    {"p50_duration_seconds", or_null(r.p50_duration_seconds)},
                    {"p95_duration_seconds", or_null(r.p95_duration_seconds)}});
  }
  return list;
}

Table queue_stats_table(const std::vector<tracking::QueueStatsRow>& rows) {
  Table table(
      {"PROGRAM", "RUNNABLE", "WAITING", "RUNNING", "OLDEST RUNNABLE (S)", "FAILED 1H", "P50 (S)", "P95 (S)"});
  for (std::size_t column = 1; column < 8; ++column) table.right_align(column);
  for (const auto& r : rows) {
    table.add_row({text(r.program, "(none)"), std::to_string(r.runnable), std::to_string(r.waiting),
                   std::to_string(r.running), seconds(r.oldest_runnable_age_seconds),
                   std::to_string(r.failed_last_hour), seconds(r.p50_duration_seconds),
                   seconds(r.p95_duration_seconds)});
  }
  return table;
}

std::string join(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined;
}

std::string json_text(const Json& entry, const char* key) {
  const auto found = entry.find(key);
  if (found == entry.end() || found->is_null()) return "-";
  return found->is_string() ? found->get<std::string>() : found->dump();
}

// The errors history: one row per failed attempt.
void print_attempts(std::ostream& out, const Json& errors) {
  if (!errors.is_array() || errors.empty()) {
    out << "attempts:     no failed attempt recorded\n";
    return;
  }
  out << "attempts:\n";
  Table table({"ATTEMPT", "AT", "WORKER", "ERROR"});
  table.right_align(0);
  table.max_width(3, 90);
  for (const auto& entry : errors) {
    table.add_row({json_text(entry, "attempt"), json_text(entry, "at"), json_text(entry, "worker"),
                   json_text(entry, "error")});
  }
  table.print(out);
}

}  // namespace

int report(std::ostream& err, const Error& error) {
  err << "pipeline-jobs: " << error.describe() << '\n';
  return runtime::exit_code::job_failed;
}

int list_active(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  auto jobs = tracking::active_jobs(db);
  if (!jobs) return report(err, jobs.error());
  if (o.json) {
    Json rows = Json::array();
    for (const auto& j : *jobs) rows.push_back(active_json(j));
    print_json(out, rows);
    return runtime::exit_code::ok;
  }
  if (jobs->empty()) {
    out << "no running jobs\n";
    return runtime::exit_code::ok;
  }
  Table table({"ID", "TYPE", "SCRIPT", "ATTEMPT", "STARTED", "HEARTBEAT", "WORKER", "PROGRESS", "ETA"});
  table.right_align(3);
  table.right_align(7);
  table.right_align(8);
  for (const auto& j : *jobs) {
    const ProgressFigures f = figures_of(j);
    table.add_row({j.id, j.job_type, text(j.script_type), std::to_string(j.attempt), text(j.started_at),
                   text(j.heartbeat_at), text(j.worker), progress_text(f), eta_text(f)});
  }
  table.print(out);
  return runtime::exit_code::ok;
}

int list_failed(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  auto jobs = tracking::failed_jobs(db, o.limit);
  if (!jobs) return report(err, jobs.error());
  if (o.json) {
    Json rows = Json::array();
    for (const auto& j : *jobs) rows.push_back(failed_json(j));
    print_json(out, rows);
    return runtime::exit_code::ok;
  }
  if (jobs->empty()) {
    out << "no failed jobs\n";
    return runtime::exit_code::ok;
  }
  Table table({"ID", "SCRIPT", "ATTEMPT", "FINISHED", "ERROR"});
  table.right_align(2);
  table.max_width(4, 70);
  for (const auto& j : *jobs) {
    table.add_row({j.id, text(j.script_type), std::to_string(j.attempt), text(j.finished_at), text(j.error)});
  }
  table.print(out);
  return runtime::exit_code::ok;
}

int show_stats(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  auto rows = tracking::job_stats(db, o.job_type);
  if (!rows) return report(err, rows.error());
  auto queue = tracking::queue_stats(db, o.job_type);
  if (!queue) return report(err, queue.error());
  if (o.json) {
    print_json(out, Json{{"finished", finished_stats_json(*rows)}, {"queue", queue_stats_json(*queue)}});
    return runtime::exit_code::ok;
  }
  if (rows->empty()) {
    out << "no finished " << tracking::to_string(o.job_type) << " jobs\n";
  } else {
    finished_stats_table(*rows).print(out);
  }
  if (!queue->empty()) {
    out << '\n';
    queue_stats_table(*queue).print(out);
  }
  return runtime::exit_code::ok;
}

int show_retries(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  auto rows = tracking::retry_stats(db, o.job_type);
  if (!rows) return report(err, rows.error());
  if (o.json) {
    Json list = Json::array();
    for (const auto& r : *rows) {
      list.push_back({{"script_type", or_null(r.script_type)}, {"attempt", r.attempt}, {"count", r.count}});
    }
    print_json(out, list);
    return runtime::exit_code::ok;
  }
  if (rows->empty()) {
    out << "no started " << tracking::to_string(o.job_type) << " jobs\n";
    return runtime::exit_code::ok;
  }
  Table table({"SCRIPT TYPE", "ATTEMPT", "COUNT"});
  table.right_align(1);
  table.right_align(2);
  for (const auto& r : *rows) {
    table.add_row({text(r.script_type, "(none)"), std::to_string(r.attempt), std::to_string(r.count)});
  }
  table.print(out);
  return runtime::exit_code::ok;
}

int show_job(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  auto job = tracking::get_job(db, o.job_id);
  if (!job) return report(err, job.error());
  const ProgressFigures f = figures_of(*job);
  if (o.json) {
    Json value = tracking::to_json(*job);
    value["percent"] = or_null(f.percent);
    value["eta_seconds"] = or_null(f.eta_seconds);
    print_json(out, value);
    return runtime::exit_code::ok;
  }
  const auto field = [&](const char* name, const std::string& value) {
    out << name << std::string(14 - std::string_view(name).size(), ' ') << value << '\n';
  };
  field("id", job->id);
  field("job_type", job->job_type);
  field("status", job->status);
  field("script", text(job->script_type));
  field("attempt", std::to_string(job->attempt));
  field("work_id", text(job->work_id));
  field("edition_id", text(job->edition_id));
  field("segment_id", text(job->segment_id));
  field("source_id", text(job->source_id));
  field("created_at", job->created_at);
  field("started_at", text(job->started_at));
  field("finished_at", text(job->finished_at));
  field("duration", job->duration_seconds ? seconds(job->duration_seconds) + " s" : "-");
  field("heartbeat_at", text(job->heartbeat_at));
  field("worker", text(job->worker));
  field("error", text(job->error));
  field("program", text(job->program));
  field("priority", std::to_string(job->priority));
  field("run_at", text(job->run_at));
  field("max_attempts", job->max_attempts ? std::to_string(*job->max_attempts) : "-");
  field("depends_on", job->depends_on.empty() ? "-" : join(job->depends_on));
  field("unique_key", text(job->unique_key));
  field("cancel_asked", text(job->cancel_requested_at));
  field("progress", progress_text(f) + (f.item ? " at " + *f.item : "") +
                        (f.updated_at ? " (updated " + *f.updated_at + ")" : ""));
  field("eta", eta_text(f));
  print_attempts(out, job->errors);
  out << "input:\n" << job->input.dump(2) << '\n';
  out << "output:\n" << (job->output ? job->output->dump(2) : "null") << '\n';
  return runtime::exit_code::ok;
}

}  // namespace scrapers::admin
