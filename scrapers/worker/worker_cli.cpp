#include "scrapers/worker/worker_cli.hpp"

#include <functional>
#include <memory>

#include "scrapers/registry/registry.hpp"
#include "scrapers/runtime/cli_numbers.hpp"
#include "scrapers/runtime/cli_support.hpp"
#include "scrapers/runtime/duration.hpp"

namespace scrapers::worker {
namespace {

struct RawFlags {
  std::vector<std::string> programs;
  std::string poll = "1s";
  std::string exit_when_idle;
  std::string shutdown_timeout = "30s";
};

std::unique_ptr<CLI::App> make_app(WorkerOptions& options, RawFlags& raw) {
  auto app = std::make_unique<CLI::App>(
      "Claims jobs from the pipeline_jobs queue and runs them as their programs.", "pipeline-jobs worker");
  runtime::add_version_flag(*app);
  runtime::add_int_option(*app, "--concurrency", 1, kMaxConcurrency, options.concurrency,
                          "Jobs run at once (default 1)");
  app->add_option("--programs", raw.programs, "Claim only these programs (comma-separated; default all)")
      ->delimiter(',');
  app->add_option("--poll", raw.poll, "Pause between claims when idle, e.g. 500ms (default 1s)");
  app->add_option("--exit-when-idle", raw.exit_when_idle, "Exit once nothing ran or was claimable for this long");
  app->add_option("--shutdown-timeout", raw.shutdown_timeout,
                  "On SIGTERM/SIGINT, wait this long for running jobs before killing them (default 30s)");
  return app;
}

// Parses `text` into `out`; returns an error message naming `flag`, or "".
std::string duration_flag(const char* flag, const std::string& text, bool zero_allowed,
                          std::chrono::milliseconds& out) {
  auto parsed = runtime::parse_duration(text);
  if (!parsed) return std::string(flag) + ": " + parsed.error().message;
  if (!zero_allowed && parsed->count() == 0) return std::string(flag) + ": must be more than 0";
  out = *parsed;
  return {};
}

std::string check_programs(const std::vector<std::string>& programs) {
  for (const auto& name : programs) {
    if (registry::find_program(name) == nullptr) {
      return "--programs: unknown program '" + name.substr(0, 64) + "' (known: " + registry::program_names() + ")";
    }
  }
  return {};
}

std::string finish(WorkerOptions& options, const RawFlags& raw) {
  if (auto problem = check_programs(raw.programs); !problem.empty()) return problem;
  options.programs = raw.programs;
  if (auto p = duration_flag("--poll", raw.poll, false, options.poll); !p.empty()) return p;
  if (auto p = duration_flag("--shutdown-timeout", raw.shutdown_timeout, true, options.shutdown_timeout);
      !p.empty()) {
    return p;
  }
  if (raw.exit_when_idle.empty()) return {};
  std::chrono::milliseconds idle{0};
  if (auto p = duration_flag("--exit-when-idle", raw.exit_when_idle, true, idle); !p.empty()) return p;
  options.exit_when_idle = idle;
  return {};
}

}  // namespace

runtime::ParsedCli<WorkerOptions> parse_worker_cli(const runtime::CommandLine& command_line) {
  RawFlags raw;
  return runtime::parse_command_line<WorkerOptions>(
      command_line, [&](WorkerOptions& options) { return make_app(options, raw); },
      [&](WorkerOptions& options) { return finish(options, raw); });
}

int worker_main(const std::vector<std::string>& args) {
  auto parsed = parse_worker_cli(args);
  if (!parsed.options) {
    runtime::print_cli_outcome("pipeline-jobs worker", parsed);
    return parsed.exit_code;
  }
  return run_worker(*parsed.options);
}

}  // namespace scrapers::worker
