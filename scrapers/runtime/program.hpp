// A program of the suite as one value, and the main() every executable shares.
//
// A Program names itself (name, scriptType, job_type, how to start it) and checks a
// command line without running anything: parse(args) gives an Invocation, or help /
// version text, or a one-line usage error (exit 2). The registry
// (scrapers/registry/registry.hpp) lists every Program; executables, the queue's
// argument check and the queue's worker all read it.
//
// run_program() runs a checked invocation: connect to the database (DATABASE_URL,
// .env), build the services (HTTP paced per host by the program's --delay and, across
// all processes, by the `sources` rate limits: host_gate.hpp; assets) and call the body, which creates its job —
// or adopts the one $PIPELINE_JOB_ID names — with run_tracked_job(). Failing to reach
// the database or a configuration error is one log line and a non-zero exit (1 for
// the database, 2 for configuration), before any job row is written.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/http/transport_factory.hpp"
#include "scrapers/runtime/exit_codes.hpp"
#include "scrapers/runtime/parsed_cli.hpp"
#include "scrapers/runtime/services.hpp"
#include "tracking/database.hpp"
#include "tracking/job_types.hpp"

namespace scrapers::runtime {

using ProgramBody = std::function<int(tracking::Database& db, Services& services)>;

// A checked command line, ready to run.
struct Invocation {
  http::TransportSettings transport;  // pacing from the program's own flags (--delay)
  ProgramBody body;
};

// Written with designated initializers: {.name = "readnovel-api", .script_type = "…"}.
struct Program {
  std::string name{};                  // "readnovel-api", "try-run": what users and the queue call it
  std::string script_type{};           // input->>'scriptType' of its jobs
  std::vector<std::string> command{};  // the argv prefix that starts it; empty: {name}
  tracking::JobType job_type = tracking::JobType::scrape;
  // The options a job queued --after another may leave out, taking the value from the
  // job it waited for (scrapers/runtime/dependent_args.hpp); empty: none.
  std::string edition_option{};  // e.g. "--editionId": gets that job's edition_id
  std::string work_option{};     // e.g. "--workId": gets that job's work_id
  // The hosts the program requests (from its site's environment variables), so the
  // queue can hold its jobs while a matching `sources` row is paused; empty: none.
  std::function<std::vector<std::string>()> hosts{};
  // True for programs that store assets: with a database on another machine they refuse
  // to start without a shared asset store (services.hpp).
  bool stores_assets = false;
  // argv without the program name. Prints nothing, touches nothing.
  std::function<ParsedCli<Invocation>(const std::vector<std::string>& args)> parse{};
};

// The distinct hosts of `urls` (absolute http(s) URLs; others are left out).
std::vector<std::string> hosts_of(const std::vector<std::string>& urls);

int run_program(const http::TransportSettings& transport, const ProgramBody& body, bool stores_assets = false);

// The whole of a program's main(): parse argv[1..], print help/version/usage error or
// run the invocation; returns the exit code.
int program_main(const Program& program, int argc, const char* const* argv);
// The same from the arguments after the program's command (pipeline-jobs try-run …).
int run_with_args(const Program& program, const std::vector<std::string>& args);

// Builds a Program from a program's typed parts: its CLI parser, the pacing its
// options ask for, and its run function.
template <class Options>
Program make_program(Program info, ParsedCli<Options> (*parse)(const CommandLine&),
                     http::TransportSettings (*transport)(const Options&),
                     int (*run)(const Options&, tracking::Database&, Services&)) {
  info.parse = [parse, transport, run](const std::vector<std::string>& args) {
    ParsedCli<Options> parsed = parse(args);
    ParsedCli<Invocation> checked{std::nullopt, parsed.exit_code, parsed.message, parsed.output};
    if (parsed.options) {
      checked.options = Invocation{
          transport(*parsed.options),
          [run, options = *parsed.options](auto& db, auto& services) { return run(options, db, services); }};
    }
    return checked;
  };
  if (info.command.empty()) info.command = {info.name};
  return info;
}

}  // namespace scrapers::runtime
