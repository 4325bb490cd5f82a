#include "scrapers/try_run/try_run_cli.hpp"

#include <functional>
#include <memory>

#include "scrapers/runtime/cli_numbers.hpp"
#include "scrapers/runtime/cli_support.hpp"
#include "scrapers/runtime/duration.hpp"

namespace scrapers::try_run {
namespace {

constexpr std::uint64_t kMaxSeconds = 86'400;

// Flags whose values need more checking than CLI11 does, as typed.
struct RawFlags {
  bool fail = false;
  std::string heartbeat_interval;
};

std::unique_ptr<CLI::App> make_app(TryRunOptions& options, RawFlags& raw) {
  auto app = std::make_unique<CLI::App>(
      "Runs a short real tracked job (scrape, scriptType pipeline-jobs-try-run) that only lasts a while.",
      "pipeline-jobs try-run");
  runtime::add_version_flag(*app);
  runtime::add_seconds_option(
      *app, "--seconds", kMaxSeconds,
      [&options](std::uint64_t ms) { options.run_for = std::chrono::milliseconds(ms); },
      "How long the run lasts (default 0)");
  auto* fail = app->add_flag("--fail", raw.fail, "End the run failed (\"failed on purpose\")");
  app->add_option("--fail-with", options.fail_with, "End the run failed with this message")->excludes(fail);
  app->add_option("--heartbeat-interval", raw.heartbeat_interval,
                  "Heartbeat period, e.g. 500ms (default: $JOB_HEARTBEAT_INTERVAL or 15s)");
  app->add_flag("--json", options.json, "Print JSON instead of a line");
  return app;
}

// Turns the raw flags into options; returns an error message or "".
std::string finish(TryRunOptions& options, const RawFlags& raw) {
  if (raw.fail) options.fail_with = kFailedOnPurpose;
  if (!raw.heartbeat_interval.empty()) {
    auto interval = runtime::parse_duration(raw.heartbeat_interval);
    if (!interval || interval->count() == 0) {
      return "--heartbeat-interval: invalid duration '" + raw.heartbeat_interval.substr(0, 64) + "'";
    }
    options.heartbeat_interval = *interval;
  }
  return {};
}

}  // namespace

runtime::ParsedCli<TryRunOptions> parse_try_run_cli(const runtime::CommandLine& command_line) {
  RawFlags raw;
  return runtime::parse_command_line<TryRunOptions>(
      command_line, [&](TryRunOptions& options) { return make_app(options, raw); },
      [&](TryRunOptions& options) { return finish(options, raw); });
}

}  // namespace scrapers::try_run
