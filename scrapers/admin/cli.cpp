#include "scrapers/admin/cli.hpp"

#include <CLI/CLI.hpp>

#include <cmath>
#include <functional>

#include "common/util/uuid.hpp"
#include "common/util/version.hpp"
#include "scrapers/runtime/duration.hpp"

namespace scrapers::admin {
namespace {

struct Raw {
  std::string job_type = "scrape";
  std::string stale_after = "5m";
  double seconds = 0;
  std::string heartbeat_interval;
};

CLI::App* add_command(CLI::App& app, const char* name, const char* help, Command command,
                      Options& options) {
  auto* sub = app.add_subcommand(name, help);
  sub->add_flag("--json", options.json, "Print JSON instead of a table");
  sub->callback([&options, command] { options.command = command; });
  return sub;
}

void build(CLI::App& app, Options& o, Raw& raw) {
  app.set_version_flag("--version", std::string("pipeline-jobs ") + kSuiteVersion);
  app.require_subcommand(1);
  app.add_flag("--json", o.json, "Print JSON instead of a table (any command)");
  add_command(app, "migrate", "Apply pending schema migrations", Command::migrate, o);
  add_command(app, "active", "List running jobs", Command::active, o);
  auto* failed = add_command(app, "failed", "List the latest failed jobs", Command::failed, o);
  failed->add_option("--limit", o.limit, "How many (default 10)")
      ->check(CLI::Range(0, 10000));
  for (auto [name, help, command] :
       {std::tuple{"stats", "Count and average duration per script and status", Command::stats},
        std::tuple{"retries", "Count per script and attempt", Command::retries}}) {
    add_command(app, name, help, command, o)
        ->add_option("--job-type", raw.job_type, "Job type (default scrape)");
  }
  add_command(app, "show", "Show one job", Command::show, o)
      ->add_option("job-id", o.job_id, "The job's UUID")->required();
  add_command(app, "reap", "Mark running jobs without a recent heartbeat as failed",
              Command::reap, o)
      ->add_option("--stale-after", raw.stale_after, "Threshold, e.g. 90s, 5m, 1h (default 5m)");
  auto* try_run = add_command(app, "try-run", "Run a short tracked job (scrape, "
                              "scriptType pipeline-jobs-try-run)", Command::try_run, o);
  try_run->add_option("--seconds", raw.seconds, "How long the run lasts (default 0)")
      ->check(CLI::Range(0.0, 86400.0));
  try_run->add_option("--fail-with", o.fail_with, "End the run failed with this message");
  try_run->add_option("--heartbeat-interval", raw.heartbeat_interval,
                      "Heartbeat period, e.g. 500ms (default: $JOB_HEARTBEAT_INTERVAL or 15s)");
}

// Checks that need more than CLI11 offers; returns an error message or "".
std::string finish(Options& o, const Raw& raw) {
  auto type = tracking::parse_job_type(raw.job_type);
  if (!type) return "--job-type: " + type.error().message;
  o.job_type = *type;
  if (o.command == Command::show && !is_uuid(o.job_id)) {
    return "invalid job id '" + o.job_id.substr(0, 64) + "': expected a UUID";
  }
  auto stale = runtime::parse_duration(raw.stale_after);
  if (!stale) return "--stale-after: " + stale.error().message;
  o.stale_after = std::chrono::duration_cast<std::chrono::seconds>(*stale);
  o.run_for = std::chrono::milliseconds(std::llround(raw.seconds * 1000.0));
  if (!raw.heartbeat_interval.empty()) {
    auto interval = runtime::parse_duration(raw.heartbeat_interval);
    if (!interval || interval->count() == 0) {
      return "--heartbeat-interval: invalid duration '" + raw.heartbeat_interval + "'";
    }
    o.heartbeat_interval = *interval;
  }
  return {};
}

CliOutcome parse_with(const std::function<void(CLI::App&)>& parse) {
  CLI::App app{"Inspect and maintain the pipeline_jobs table", "pipeline-jobs"};
  Options options;
  Raw raw;
  build(app, options, raw);
  try {
    parse(app);
  } catch (const CLI::CallForHelp&) {
    return {std::nullopt, 0, app.help()};
  } catch (const CLI::CallForAllHelp&) {
    return {std::nullopt, 0, app.help("", CLI::AppFormatMode::All)};
  } catch (const CLI::CallForVersion& e) {
    return {std::nullopt, 0, std::string(e.what()) + "\n"};
  } catch (const CLI::ParseError& e) {
    // "bogus" is left over as an extra argument when no subcommand matched.
    if (app.get_subcommands().empty() && !app.remaining().empty()) {
      return {std::nullopt, 2,
              "unknown command '" + app.remaining().front().substr(0, 64) +
                  "' (commands: migrate, active, failed, stats, retries, show, reap, try-run)"};
    }
    return {std::nullopt, 2, std::string(e.what()) + " (run 'pipeline-jobs --help')"};
  }
  if (auto problem = finish(options, raw); !problem.empty()) return {std::nullopt, 2, problem};
  return {options, 0, {}};
}

}  // namespace

CliOutcome parse_cli(int argc, const char* const* argv) {
  return parse_with([&](CLI::App& app) { app.parse(argc, argv); });
}

CliOutcome parse_cli(const std::string& arguments) {
  return parse_with([&](CLI::App& app) { app.parse(arguments, false); });
}

}  // namespace scrapers::admin
