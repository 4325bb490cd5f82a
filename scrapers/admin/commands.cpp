#include "scrapers/admin/commands.hpp"

#include <iostream>

#include "common/util/log.hpp"
#include "common/util/signals.hpp"
#include "scrapers/admin/listings.hpp"
#include "scrapers/admin/table.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "tracking/jobs.hpp"
#include "tracking/migrations.hpp"

namespace scrapers::admin {
namespace {

using Json = nlohmann::json;

int migrate(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  auto report_ = tracking::migrate(db);
  if (!report_) return report(err, report_.error());
  if (o.json) {
    Json applied = Json::array();
    for (const auto& m : report_->applied) applied.push_back({{"version", m.version}, {"name", m.name}});
    out << Json{{"schema_version", report_->schema_version}, {"applied", applied}}.dump(2) << '\n';
    return 0;
  }
  for (const auto& m : report_->applied) {
    out << "applied migration " << m.version << " (" << m.name << ")\n";
  }
  out << "schema at version " << report_->schema_version
      << (report_->applied.empty() ? " (already up to date)" : "") << '\n';
  return 0;
}

int reap(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  auto reaped = tracking::reap_stale_jobs(db, o.stale_after);
  if (!reaped) return report(err, reaped.error());
  if (o.json) {
    Json list = Json::array();
    for (const auto& r : *reaped) {
      list.push_back({{"id", r.id},
                      {"script", r.script_type ? Json(*r.script_type) : Json(nullptr)},
                      {"worker", r.worker ? Json(*r.worker) : Json(nullptr)},
                      {"last_seen", r.last_seen}});
    }
    out << Json{{"stale_after_seconds", o.stale_after.count()}, {"reaped", list}}.dump(2) << '\n';
    return 0;
  }
  if (reaped->empty()) {
    out << "no running job is older than " << o.stale_after.count() << " s without a heartbeat\n";
    return 0;
  }
  Table table({"REAPED JOB", "SCRIPT", "WORKER", "LAST SEEN"});
  for (const auto& r : *reaped) {
    table.add_row({r.id, r.script_type.value_or("-"), r.worker.value_or("-"), r.last_seen});
  }
  table.print(out);
  return 0;
}

// Sleeps in short slices so a signal ends the run promptly (heartbeats run meanwhile).
bool stay_busy(std::chrono::milliseconds total) {
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + total;
  while (clock::now() < deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now());
    if (!interruptible_sleep(std::min(left, std::chrono::milliseconds(1000)))) return false;
  }
  return !interrupted();
}

int try_run(const Options& o, tracking::Database& db, std::ostream& out) {
  runtime::JobSpec spec;
  spec.input = {{"scriptType", "pipeline-jobs-try-run"},
                {"seconds", static_cast<double>(o.run_for.count()) / 1000.0}};
  if (o.fail_with) spec.input["failWith"] = *o.fail_with;
  spec.heartbeat_interval = o.heartbeat_interval;
  std::string job_id;
  const int code = runtime::run_tracked_job(db, spec, [&](runtime::JobContext& job) {
    job_id = job.job_id();
    const bool completed = stay_busy(o.run_for);
    const int ok = completed && !o.fail_with ? 1 : 0;
    Json output = {{"total", 1}, {"success", ok}, {"failed", 1 - ok}};
    if (o.fail_with) return runtime::JobResult::failure(*o.fail_with, output);
    return runtime::JobResult::success(output);
  });
  const char* status = code == runtime::exit_code::ok ? "success" : "failed";
  if (o.json) {
    out << Json{{"job_id", job_id.empty() ? Json(nullptr) : Json(job_id)}, {"status", status},
                {"exit_code", code}}.dump(2) << '\n';
  } else if (!job_id.empty()) {
    out << "job " << job_id << " " << status << '\n';
  }
  return code;
}

}  // namespace

int run_command(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  switch (o.command) {
    case Command::migrate: return migrate(o, db, out, err);
    case Command::active: return list_active(o, db, out, err);
    case Command::failed: return list_failed(o, db, out, err);
    case Command::stats: return show_stats(o, db, out, err);
    case Command::retries: return show_retries(o, db, out, err);
    case Command::show: return show_job(o, db, out, err);
    case Command::reap: return reap(o, db, out, err);
    case Command::try_run: return try_run(o, db, out);
  }
  return report(err, make_error(ErrorKind::internal, "unknown command"));
}

int pipeline_jobs_main(int argc, const char* const* argv) {
  try {
    auto cli = parse_cli(argc, argv);
    if (!cli.options) {
      if (cli.exit_code == 0) std::cout << cli.text;
      else std::cerr << "pipeline-jobs: " << cli.text << '\n';
      return cli.exit_code;
    }
    auto db = runtime::connect_database();
    if (!db) {
      report(std::cerr, db.error());
      // A missing or malformed DATABASE_URL is configuration (2), like in every program.
      return db.error().kind == ErrorKind::invalid_argument ? runtime::exit_code::usage
                                                            : runtime::exit_code::job_failed;
    }
    return run_command(*cli.options, *db, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "pipeline-jobs: " << tracking::one_line(e.what()) << '\n';
  } catch (...) {
    std::cerr << "pipeline-jobs: unknown error\n";
  }
  return 1;
}

}  // namespace scrapers::admin
