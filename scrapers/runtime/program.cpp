#include "scrapers/runtime/program.hpp"

#include <algorithm>
#include <iostream>

#include "common/http/url.hpp"

#include "common/util/env.hpp"
#include "common/util/log.hpp"
#include "common/util/signals.hpp"
#include "scrapers/runtime/configuration.hpp"
#include "scrapers/runtime/host_gate.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "scrapers/runtime/services.hpp"
#include "tracking/database.hpp"

namespace scrapers::runtime {

void print_cli_outcome(std::string_view program, int exit_code, const std::string& message,
                       const std::string& output) {
  if (exit_code == exit_code::ok) {
    std::cout << output;
  } else {
    std::cerr << program << ": " << message << " (see --help)\n";
  }
}

std::vector<std::string> hosts_of(const std::vector<std::string>& urls) {
  std::vector<std::string> hosts;
  for (const std::string& url : urls) {
    auto parsed = http::parse_url(url);
    if (parsed && std::find(hosts.begin(), hosts.end(), parsed->host) == hosts.end())
      hosts.push_back(parsed->host);
  }
  return hosts;
}

int run_program(const http::TransportSettings& transport, const ProgramBody& body, bool stores_assets) {
  install_interrupt_handlers();
  if (stores_assets) {  // checked before connecting: a refused configuration touches nothing
    env::load_dotenv(".env");
    const auto url = env::get("DATABASE_URL");
    auto reachable = check_asset_store_reaches_the_database(url ? tracking::remote_database_host(*url)
                                                                : std::nullopt);
    if (!reachable) return configuration_error(reachable.error());
  }
  auto db = connect_database();
  if (!db) {
    log::error(db.error().describe());
    return db.error().kind == ErrorKind::invalid_argument ? exit_code::usage : exit_code::job_failed;
  }
  // Politeness across workers: requests to a host with a rate in `sources` are spaced
  // through the database (host_gate.hpp). Declared before the bundle: it outlives it.
  SourcePacingGate gate(db.value());
  http::TransportSettings settings = transport;
  settings.host_gate = &gate;
  auto bundle = ServiceBundle::from_env(settings);
  if (!bundle) return configuration_error(bundle.error());
  Services services = bundle.value()->services();
  return body(db.value(), services);
}

int program_main(const Program& program, int argc, const char* const* argv) {
  return run_with_args(program, std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc));
}

int run_with_args(const Program& program, const std::vector<std::string>& args) {
  const ParsedCli<Invocation> parsed = program.parse(args);
  if (!parsed.options) {
    std::string shown_name;  // "pipeline-jobs try-run" for a program started as a subcommand
    for (const std::string& part : program.command) shown_name += (shown_name.empty() ? "" : " ") + part;
    print_cli_outcome(shown_name, parsed);
    return parsed.exit_code;
  }
  return run_program(parsed.options->transport, parsed.options->body, program.stores_assets);
}

}  // namespace scrapers::runtime
