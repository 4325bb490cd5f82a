#include "scrapers/try_run/programs.hpp"

#include "scrapers/try_run/try_run_cli.hpp"

namespace scrapers::try_run {
namespace {

http::TransportSettings no_pacing(const TryRunOptions&) { return {}; }

}  // namespace

std::vector<runtime::Program> programs() {
  return {runtime::make_program<TryRunOptions>(
      {.name = "try-run", .script_type = kScriptType, .command = {"pipeline-jobs", "try-run"}}, parse_try_run_cli,
      no_pacing, run_try_run)};
}

}  // namespace scrapers::try_run
