#include "scrapers/admin/queue_cli.hpp"

#include <CLI/CLI.hpp>

#include <optional>

#include "common/util/cron.hpp"
#include "common/util/uuid.hpp"
#include "scrapers/admin/timestamp.hpp"
#include "scrapers/registry/dependent_args.hpp"
#include "scrapers/registry/registry.hpp"
#include "scrapers/runtime/cli_numbers.hpp"
#include "scrapers/runtime/duration.hpp"
#include "tracking/database.hpp"

namespace scrapers::admin {
namespace {

constexpr int kMaxPriority = 1'000'000;

constexpr const char* kProgramHelp =
    "PROGRAM [PROGRAM ARGS...]: a registered program and its own command line, exactly as typed";

// A subcommand whose words after PROGRAM are PROGRAM's own (CLI11 leaves them unparsed).
CLI::App* add_program_command(CLI::App& parent, const char* name, const char* help, Command command, Options& o) {
  auto* sub = add_command(parent, name, help, command, o);
  runtime::add_int_option(*sub, "--priority", -kMaxPriority, kMaxPriority, o.queue.priority,
                          "Higher runs first (default 0)");
  runtime::add_int_option(*sub, "--max-attempts", 1, 1000, o.queue.max_attempts,
                          "Attempts before the job stays failed (default 3)");
  sub->prefix_command();
  sub->footer(kProgramHelp);
  return sub;
}

// Splits the words CLI11 left over into PROGRAM and its arguments.
std::string take_program(const CLI::App& sub, Options& o) {
  std::vector<std::string> words = sub.remaining();
  if (words.empty()) return "PROGRAM is required (programs: " + registry::program_names() + ")";
  if (words.front().rfind('-', 0) == 0) {
    return "unknown option '" + words.front().substr(0, 64) + "' (queue options go before PROGRAM)";
  }
  o.queue.program = words.front();
  o.program_args.assign(words.begin() + 1, words.end());
  return {};
}

// What is wrong with a dependent's arguments besides the option it inherits: the
// parser's message once the edition (else work) option is given a placeholder.
std::optional<std::string> inherited_problem(const runtime::Program& program,
                                             const std::vector<std::string>& args) {
  for (const std::string* option : {&program.edition_option, &program.work_option}) {
    if (option->empty()) continue;
    auto with = args;
    with.insert(with.end(), {*option, registry::kPlaceholderId});
    auto parsed = program.parse(with);
    if (parsed.exit_code == runtime::exit_code::usage) return parsed.message;
  }
  return std::nullopt;
}

// PROGRAM's arguments through PROGRAM's own parser; a dependent (--after) may leave out
// the edition or work it takes from the job it waits for.
std::string check_program(const Options& o, bool dependent) {
  const runtime::Program* program = registry::find_program(o.queue.program);
  if (program == nullptr) {
    return "unknown program '" + o.queue.program.substr(0, 64) + "' (programs: " + registry::program_names() + ")";
  }
  const auto parsed = program->parse(o.program_args);
  if (parsed.options) return {};
  const registry::InheritedIds placeholders{registry::kPlaceholderId, registry::kPlaceholderId};
  if (dependent && registry::complete_dependent_args(*program, o.program_args, placeholders)) return {};
  if (parsed.exit_code != runtime::exit_code::usage) {
    return program->name + ": --help and --version are not arguments a job can run with";
  }
  std::string message = parsed.message;
  if (dependent) message = inherited_problem(*program, o.program_args).value_or(message);
  return program->name + ": " + tracking::one_line(message);
}

std::string check_enqueue(Options& o, const QueueRaw& raw) {
  if (!raw.run_at.empty()) {
    auto at = parse_timestamp(raw.run_at);
    if (!at) return "--run-at: " + at.error().message;
    o.queue.run_at = *at;
  }
  if (!raw.run_in.empty()) {
    auto in = runtime::parse_duration(raw.run_in);
    if (!in) return "--in: " + in.error().message;
    o.queue.run_in = *in;
  }
  for (const auto& id : o.queue.after) {
    if (!is_uuid(id)) return "--after: invalid job id '" + id.substr(0, 64) + "': expected a UUID";
  }
  if (!raw.unique_key.empty()) {
    if (raw.unique_key.back().empty()) return "--unique-key: must not be empty";
    o.queue.unique_key = raw.unique_key.back();
  }
  return check_program(o, !o.queue.after.empty());
}

std::string check_schedule_add(const Options& o) {
  if (o.queue.schedule_name.empty()) return "schedule add: NAME must not be empty";
  if (auto cron = CronSchedule::parse(o.queue.cron); !cron) return cron.error().message;
  return check_program(o, false);
}

}  // namespace

void add_queue_commands(CLI::App& app, Options& o, QueueRaw& raw) {
  auto* enqueue = add_program_command(app, "enqueue", "Put a job in the queue: [QUEUE OPTIONS] PROGRAM [ARGS...]",
                                      Command::enqueue, o);
  auto* run_at = enqueue->add_option("--run-at", raw.run_at,
                                     "Not before then: 2026-12-24T18:00:00Z, '2026-12-24 18:00' (UTC) "
                                     "or with an offset");
  enqueue->add_option("--in", raw.run_in, "Not before now + DURATION (e.g. 90s, 10m, 2h)")->excludes(run_at);
  enqueue->add_option("--after", o.queue.after, "Run only after this job succeeded (repeatable)")
      ->allow_extra_args(false);
  enqueue->add_option("--unique-key", raw.unique_key, "At most one queued or running job per key")
      ->allow_extra_args(false);

  add_command(app, "cancel", "Cancel a queued job, or ask a running one to stop", Command::cancel, o)
      ->add_option("job-id", o.job_id, "The job's UUID")
      ->required();
  add_command(app, "retry", "Put a failed job back in the queue", Command::retry, o)
      ->add_option("job-id", o.job_id, "The job's UUID")
      ->required();

  auto* schedule = app.add_subcommand("schedule", "Cron schedules that enqueue jobs: add, list, remove");
  schedule->require_subcommand(1);
  auto* add = add_program_command(*schedule, "add", "Add a schedule: NAME CRON PROGRAM [ARGS...] (cron in UTC)",
                                  Command::schedule_add, o);
  add->add_option("name", o.queue.schedule_name, "A unique name")->required();
  add->add_option("cron", o.queue.cron, "Five fields, UTC, e.g. '0 3 * * *'")->required();
  add_command(*schedule, "list", "List the schedules", Command::schedule_list, o);
  add_command(*schedule, "remove", "Remove a schedule", Command::schedule_remove, o)
      ->add_option("name", o.queue.schedule_name, "The schedule's name")
      ->required();
}

std::string finish_queue_options(CLI::App& app, Options& o, const QueueRaw& raw) {
  if (o.command == Command::enqueue) {
    if (std::string problem = take_program(*app.get_subcommand("enqueue"), o); !problem.empty()) return problem;
    return check_enqueue(o, raw);
  }
  if (o.command == Command::schedule_add) {
    const auto* add = app.get_subcommand("schedule")->get_subcommand("add");
    if (std::string problem = take_program(*add, o); !problem.empty()) return problem;
    return check_schedule_add(o);
  }
  return {};
}

}  // namespace scrapers::admin
