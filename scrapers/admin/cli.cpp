#include "scrapers/admin/cli.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <functional>

#include "common/util/uuid.hpp"
#include "common/util/version.hpp"
#include "scrapers/admin/queue_cli.hpp"
#include "scrapers/registry/registry.hpp"
#include "scrapers/runtime/cli_numbers.hpp"
#include "scrapers/runtime/cli_support.hpp"
#include "scrapers/runtime/duration.hpp"
#include "scrapers/runtime/job_runner.hpp"

namespace scrapers::admin {

CLI::App* add_command(CLI::App& app, const char* name, const char* help, Command command, Options& options) {
  auto* sub = app.add_subcommand(name, help);
  sub->add_flag("--json", options.json, "Print JSON instead of a table");
  sub->callback([&options, command] { options.command = command; });
  return sub;
}

namespace {

struct Raw {
  std::string job_type = "scrape";
  std::string stale_after = "5m";
  QueueRaw queue;
};

void build(CLI::App& app, Options& o, Raw& raw) {
  app.set_version_flag("--version", std::string("pipeline-jobs ") + kSuiteVersion);
  app.require_subcommand(1);
  app.add_flag("--json", o.json, "Print JSON instead of a table (any command)");
  add_command(app, "migrate", "Apply pending schema migrations", Command::migrate, o);
  add_command(app, "active", "List running jobs", Command::active, o);
  auto* failed = add_command(app, "failed", "List the latest failed jobs", Command::failed, o);
  runtime::add_int_option(*failed, "--limit", 1, 10000, o.limit, "How many (default 10)");
  for (auto [name, help, command] :
       {std::tuple{"stats", "Count and average duration per script and status; the queue per program",
                   Command::stats},
        std::tuple{"retries", "Count per script and attempt", Command::retries}}) {
    add_command(app, name, help, command, o)->add_option("--job-type", raw.job_type, "Job type (default scrape)");
  }
  add_command(app, "show", "Show one job", Command::show, o)
      ->add_option("job-id", o.job_id, "The job's UUID")
      ->required();
  add_command(app, "reap", "Mark running jobs without a recent heartbeat as failed", Command::reap, o)
      ->add_option("--stale-after", raw.stale_after, "Threshold, e.g. 90s, 5m, 1h (default 5m)");
  // Everything after try-run is try-run's own command line, checked by its parser.
  add_command(app, "try-run",
              "Run a short tracked job (scrape, scriptType pipeline-jobs-try-run); "
              "see 'pipeline-jobs try-run --help'",
              Command::try_run, o)
      ->prefix_command()
      ->set_help_flag();
  // Everything after worker is the worker's own command line (worker_cli.hpp checks it).
  add_command(app, "worker", "Claim queued jobs and run them; see 'pipeline-jobs worker --help'", Command::worker,
              o)
      ->prefix_command()
      ->set_help_flag();
  add_queue_commands(app, o, raw.queue);
  add_command(app, "dashboard", "Serve the web dashboard of the queue (see README \"Dashboard\")", Command::dashboard, o)
      ->add_option("--listen", o.listen, "HOST:PORT (default 127.0.0.1:8080; beyond loopback needs DASHBOARD_TOKEN)");
}

// try-run's arguments, checked by the registry's try-run program (--json before the
// command counts too).
std::string check_try_run(Options& o) {
  const auto& args = o.program_args;
  if (o.json && std::find(args.begin(), args.end(), "--json") == args.end()) o.program_args.emplace_back("--json");
  const runtime::Program* program = registry::find_program("try-run");
  if (program == nullptr) return "try-run is not registered";
  auto checked = program->parse(o.program_args);
  return checked.exit_code == runtime::exit_code::usage ? checked.message : std::string();
}

// Checks that need more than CLI11 offers; returns an error message or "".
std::string finish(Options& o, const Raw& raw) {
  auto type = tracking::parse_job_type(raw.job_type);
  if (!type) return "--job-type: " + type.error().message;
  o.job_type = *type;
  const bool takes_job_id = o.command == Command::show || o.command == Command::cancel ||
                            o.command == Command::retry;
  if (takes_job_id && !is_uuid(o.job_id)) {
    return "invalid job id '" + o.job_id.substr(0, 64) + "': expected a UUID";
  }
  auto stale = runtime::parse_duration(raw.stale_after);
  if (!stale) return "--stale-after: " + stale.error().message;
  o.stale_after = std::chrono::duration_cast<std::chrono::seconds>(*stale);
  if (o.command == Command::reap) {
    // Below three heartbeats a job that is alive but between beats would be reaped.
    const auto heartbeat = runtime::heartbeat_interval_from_env();
    if (*stale < 3 * heartbeat) {
      return "--stale-after: " + raw.stale_after +
             " is shorter than three heartbeats (JOB_HEARTBEAT_INTERVAL is " + std::to_string(heartbeat.count()) +
             " ms): running jobs that are alive would be failed";
    }
  }
  if (o.command == Command::try_run) return check_try_run(o);
  return {};
}

runtime::ParsedCli<Options> parse_with(const std::function<void(CLI::App&)>& parse) {
  CLI::App app{"Inspect and maintain the pipeline_jobs table", "pipeline-jobs"};
  Options options;
  Raw raw;
  build(app, options, raw);
  // The check completes `options` (the object parse_cli returns) from the raw values.
  auto parsed = runtime::parse_cli<Options>(
      app, options, [&] { parse(app); },
      [&](const Options&) {
        if (options.command == Command::try_run) options.program_args = app.get_subcommand("try-run")->remaining();
        if (options.command == Command::worker) options.program_args = app.get_subcommand("worker")->remaining();
        if (std::string problem = finish(options, raw); !problem.empty()) return problem;
        return finish_queue_options(app, options, raw.queue);
      });
  // "bogus" is left over as an extra argument when no subcommand matched.
  if (parsed.exit_code == runtime::exit_code::usage && app.get_subcommands().empty() && !app.remaining().empty()) {
    std::string names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    parsed.message = "unknown command '" + app.remaining().front().substr(0, 64) + "' (commands: " + names + ")";
  }
  return parsed;
}

}  // namespace

runtime::ParsedCli<Options> parse_cli(int argc, const char* const* argv) {
  return parse_with([&](CLI::App& app) { app.parse(argc, argv); });
}

runtime::ParsedCli<Options> parse_cli(const std::string& arguments) {
  return parse_with([&](CLI::App& app) { app.parse(arguments, false); });
}

}  // namespace scrapers::admin
