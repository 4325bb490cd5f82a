#include "scrapers/admin/listings.hpp"

#include <cstdio>

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

// A running job as the active-jobs monitoring query shows it, plus liveness (heartbeat, worker).
Json active_json(const tracking::JobRecord& j) {
  return Json{{"id", j.id},
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
  Table table({"ID", "TYPE", "SCRIPT", "ATTEMPT", "STARTED", "HEARTBEAT", "WORKER"});
  table.right_align(3);
  for (const auto& j : *jobs) {
    table.add_row({j.id, j.job_type, text(j.script_type), std::to_string(j.attempt), text(j.started_at),
                   text(j.heartbeat_at), text(j.worker)});
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
  if (o.json) {
    Json list = Json::array();
    for (const auto& r : *rows) {
      list.push_back({{"script_type", or_null(r.script_type)},
                      {"status", r.status},
                      {"count", r.count},
                      {"avg_duration_seconds", or_null(r.avg_duration_seconds)}});
    }
    print_json(out, list);
    return runtime::exit_code::ok;
  }
  if (rows->empty()) {
    out << "no finished " << tracking::to_string(o.job_type) << " jobs\n";
    return runtime::exit_code::ok;
  }
  Table table({"SCRIPT TYPE", "STATUS", "COUNT", "AVG DURATION (S)"});
  table.right_align(2);
  table.right_align(3);
  for (const auto& r : *rows) {
    table.add_row(
        {text(r.script_type, "(none)"), r.status, std::to_string(r.count), seconds(r.avg_duration_seconds)});
  }
  table.print(out);
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
  if (o.json) {
    print_json(out, tracking::to_json(*job));
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
  out << "input:\n" << job->input.dump(2) << '\n';
  out << "output:\n" << (job->output ? job->output->dump(2) : "null") << '\n';
  return runtime::exit_code::ok;
}

}  // namespace scrapers::admin
