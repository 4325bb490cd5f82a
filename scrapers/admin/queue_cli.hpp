// The queue's part of `pipeline-jobs`' command line (internal to cli.cpp; includes no
// CLI11): enqueue, cancel, retry and schedule add | list | remove.
//
//   enqueue [--priority N] [--run-at TS | --in DURATION] [--after ID]... [--max-attempts N]
//           [--unique-key KEY] PROGRAM [PROGRAM ARGS...]
//   cancel JOB_ID | retry JOB_ID
//   schedule add [--priority N] [--max-attempts N] NAME CRON PROGRAM [PROGRAM ARGS...]
//   schedule list | schedule remove NAME
// Everything after PROGRAM is the program's own command line, kept as typed.
// finish_queue_options() checks all of it without the database: PROGRAM is registered;
// its arguments pass the program's own parser (with --after, a dependent may leave out
// the edition or work it inherits: registry::complete_dependent_args with placeholder
// ids); help/version flags among them are errors, not help; --run-at and --in are
// exclusive; durations, timestamps, cron and job ids are well formed. Errors are one
// line, "<program>: <message>" for the program's own.
#pragma once

#include <string>
#include <vector>

#include "scrapers/admin/cli.hpp"

namespace CLI {
class App;
}

namespace scrapers::admin {

// The raw text of options checked after parsing.
struct QueueRaw {
  std::string run_at;
  std::string run_in;
  std::vector<std::string> unique_key;  // at most one; a vector tells "given empty" from absent
};

// A subcommand of `parent` that sets options.command and takes --json (cli.cpp).
CLI::App* add_command(CLI::App& parent, const char* name, const char* help, Command command, Options& options);

void add_queue_commands(CLI::App& app, Options& options, QueueRaw& raw);

// Completes options.queue and options.program_args; returns an error message or "".
std::string finish_queue_options(CLI::App& app, Options& options, const QueueRaw& raw);

}  // namespace scrapers::admin
