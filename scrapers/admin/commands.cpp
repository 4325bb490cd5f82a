#include "scrapers/admin/commands.hpp"

#include <iostream>

#include "common/util/log.hpp"
#include "scrapers/admin/listings.hpp"
#include "scrapers/admin/queue_commands.hpp"
#include "scrapers/admin/schedule_commands.hpp"
#include "scrapers/admin/table.hpp"
#include "scrapers/dashboard/dashboard.hpp"
#include "scrapers/registry/registry.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "scrapers/runtime/program.hpp"
#include "scrapers/worker/worker.hpp"
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
    return runtime::exit_code::ok;
  }
  for (const auto& m : report_->applied) {
    out << "applied migration " << m.version << " (" << m.name << ")\n";
  }
  out << "schema at version " << report_->schema_version
      << (report_->applied.empty() ? " (already up to date)" : "") << '\n';
  return runtime::exit_code::ok;
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
    return runtime::exit_code::ok;
  }
  if (reaped->empty()) {
    out << "no running job is older than " << o.stale_after.count() << " s without a heartbeat\n";
    return runtime::exit_code::ok;
  }
  Table table({"REAPED JOB", "SCRIPT", "WORKER", "LAST SEEN"});
  for (const auto& r : *reaped) {
    table.add_row({r.id, r.script_type.value_or("-"), r.worker.value_or("-"), r.last_seen});
  }
  table.print(out);
  return runtime::exit_code::ok;
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
    case Command::enqueue: return run_enqueue(o, db, out, err);
    case Command::cancel: return run_cancel(o, db, out, err);
    case Command::retry: return run_retry(o, db, out, err);
    case Command::schedule_add: return run_schedule_add(o, db, out, err);
    case Command::schedule_list: return run_schedule_list(o, db, out, err);
    case Command::schedule_remove: return run_schedule_remove(o, db, out, err);
    case Command::try_run:  // pipeline_jobs_main() runs it as the registry's program
      break;
    case Command::worker: return worker::worker_main(o.program_args);
    case Command::dashboard: return dashboard::dashboard_main(o.listen);
  }
  return report(err, make_error(ErrorKind::internal, "unknown command"));
}

int pipeline_jobs_main(int argc, const char* const* argv) {
  try {
    auto cli = parse_cli(argc, argv);
    if (!cli.options) {
      if (cli.exit_code == runtime::exit_code::ok) std::cout << cli.output;
      else std::cerr << "pipeline-jobs: " << cli.message << '\n';
      return cli.exit_code;
    }
    if (cli.options->command == Command::try_run) {
      return runtime::run_with_args(*registry::find_program("try-run"), cli.options->program_args);
    }
    // The worker opens its own connection (and keeps it across database restarts).
    if (cli.options->command == Command::worker) return worker::worker_main(cli.options->program_args);
    // The dashboard checks --listen and DASHBOARD_TOKEN before it connects.
    if (cli.options->command == Command::dashboard) return dashboard::dashboard_main(cli.options->listen);
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
  return runtime::exit_code::job_failed;
}

}  // namespace scrapers::admin
