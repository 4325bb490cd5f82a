// pipeline-jobs enqueue | cancel | retry | schedule: parsing and every check made before
// the database (parse_cli never connects; these tests have no database at all).
#include <gtest/gtest.h>

#include "tests/unit/admin/cli_expectations.hpp"

#include "scrapers/admin/cli.hpp"
#include "scrapers/registry/dependent_args.hpp"

namespace scrapers::admin {
namespace {

using namespace std::chrono_literals;
using Words = std::vector<std::string>;

constexpr const char* kJob = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e";
constexpr const char* kOtherJob = "1c8d3b7f-9b54-4b1d-8b68-6c5a0d2e3f4a";

TEST(QueueCli, EnqueueDefaultsAreNormalPriorityNowThreeAttemptsNoKey) {
  const Options o = parsed("enqueue try-run");
  EXPECT_EQ(o.command, Command::enqueue);
  EXPECT_EQ(o.queue.program, "try-run");
  EXPECT_TRUE(o.program_args.empty());
  EXPECT_EQ(o.queue.priority, 0);
  EXPECT_FALSE(o.queue.run_at.has_value());
  EXPECT_FALSE(o.queue.run_in.has_value());
  EXPECT_TRUE(o.queue.after.empty());
  EXPECT_EQ(o.queue.max_attempts, 3);
  EXPECT_FALSE(o.queue.unique_key.has_value());
  EXPECT_FALSE(o.json);
}

TEST(QueueCli, EnqueueTakesEveryQueueOptionBeforeTheProgram) {
  const Options o = parsed(std::string("enqueue --priority 7 --in 10m --after ") + kJob + " --after=" + kOtherJob +
                           " --max-attempts 5 --unique-key nightly-book --json try-run --seconds 2");
  EXPECT_EQ(o.queue.priority, 7);
  EXPECT_EQ(o.queue.run_in, 600'000ms);
  EXPECT_EQ(o.queue.after, (Words{kJob, kOtherJob}));
  EXPECT_EQ(o.queue.max_attempts, 5);
  EXPECT_EQ(o.queue.unique_key, "nightly-book");
  EXPECT_TRUE(o.json);
  EXPECT_EQ(o.queue.program, "try-run");
  EXPECT_EQ(o.program_args, (Words{"--seconds", "2"}));
  EXPECT_EQ(parsed("enqueue --priority=-3 try-run").queue.priority, -3) << "lower than normal";
}

TEST(QueueCli, EverythingAfterTheProgramIsTheProgramsOwnCommandLineAsTyped) {
  const Options o = parsed("enqueue try-run --fail-with \"it broke\" --json --heartbeat-interval 100ms");
  EXPECT_EQ(o.program_args, (Words{"--fail-with", "it broke", "--json", "--heartbeat-interval", "100ms"}));
  EXPECT_FALSE(o.json) << "--json after PROGRAM is the program's";
  const Options priority = parsed("enqueue try-run --seconds 1");
  EXPECT_EQ(priority.queue.priority, 0);
}

TEST(QueueCli, RunAtAcceptsIsoTimestampsAndSpaceSeparatedUtc) {
  const auto at = parsed("enqueue --run-at 2026-12-24T18:00:00Z try-run").queue.run_at;
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->time_since_epoch(),
            std::chrono::sys_days{std::chrono::year{2026} / 12 / 24}.time_since_epoch() + 18h);
  EXPECT_EQ(parsed("enqueue --run-at '2026-12-24 18:00' try-run").queue.run_at, at);
  EXPECT_EQ(parsed("enqueue --run-at 2026-12-24T19:00+01:00 try-run").queue.run_at, at);
}

TEST(QueueCli, ArgvFormKeepsProgramArgumentsWithSpaces) {
  const char* argv[] = {"pipeline-jobs", "enqueue", "--priority", "2", "try-run", "--fail-with", "two words"};
  auto outcome = parse_cli(7, argv);
  ASSERT_TRUE(outcome.options.has_value()) << outcome.message;
  EXPECT_EQ(outcome.options->queue.priority, 2);
  EXPECT_EQ(outcome.options->program_args, (Words{"--fail-with", "two words"}));
}

TEST(QueueCli, ADependentMayLeaveOutTheEditionItTakesFromTheJobItWaitsFor) {
  const Options o = parsed(std::string("enqueue --after ") + kJob + " chereads-segment --delay 2000");
  EXPECT_EQ(o.queue.program, "chereads-segment");
  EXPECT_EQ(o.program_args, (Words{"--delay", "2000"})) << "stored as typed; the worker completes it";
  EXPECT_EQ(parsed(std::string("enqueue --after ") + kJob + " readnovel-segment").queue.program,
            "readnovel-segment");
  expect_usage_error("enqueue chereads-segment --delay 2000", "chereads-segment: --editionId");
  expect_usage_error(std::string("enqueue --after ") + kJob + " chereads-segment --delay -5",
                     "chereads-segment: --delay");
}

TEST(QueueCli, BadQueueInputIsAOneLineUsageError) {
  expect_usage_error("enqueue", "PROGRAM is required");
  expect_usage_error("enqueue no-such-program --x", "unknown program 'no-such-program' (programs: ");
  expect_usage_error("enqueue no-such-program", "try-run");
  expect_usage_error("enqueue --bogus try-run", "unknown option '--bogus'");
  expect_usage_error("enqueue --in 5x try-run", "--in: invalid duration '5x'");
  expect_usage_error("enqueue --in -5m try-run", "--in");
  expect_usage_error("enqueue --run-at tomorrow try-run", "--run-at: invalid timestamp 'tomorrow'");
  expect_usage_error("enqueue --run-at 2026-02-30T10:00 try-run", "invalid timestamp");
  expect_usage_error("enqueue --run-at 2026-12-24T18:00:00Z --in 5m try-run", "--in");
  expect_usage_error("enqueue --after 123 try-run", "--after: invalid job id '123'");
  expect_usage_error("enqueue --max-attempts 0 try-run", "--max-attempts");
  expect_usage_error("enqueue --priority high try-run", "--priority");
  const char* argv[] = {"pipeline-jobs", "enqueue", "--unique-key", "", "try-run"};
  auto empty_key = parse_cli(5, argv);
  EXPECT_EQ(empty_key.exit_code, 2);
  EXPECT_NE(empty_key.message.find("--unique-key: must not be empty"), std::string::npos) << empty_key.message;
}

TEST(QueueCli, TheProgramsOwnBadArgumentsAreItsOwnOneLineError) {
  expect_usage_error("enqueue try-run --seconds -1", "try-run: --seconds");
  expect_usage_error("enqueue try-run --no-such-flag", "try-run: ");
  expect_usage_error("enqueue chereads-work --url https://www.chereads.com/chapterlist/1/ --workId nope",
                     "chereads-work: --workId");
}

TEST(QueueCli, HelpOrVersionAmongTheProgramsArgumentsIsAnErrorNotHelp) {
  expect_usage_error("enqueue try-run --help", "try-run: --help and --version");
  expect_usage_error("enqueue try-run --version", "try-run: --help and --version");
  expect_usage_error(std::string("enqueue --after ") + kJob + " chereads-segment --help",
                     "chereads-segment: --help");
  auto own_help = parse_cli("enqueue --help");
  EXPECT_EQ(own_help.exit_code, 0) << "enqueue's own help before PROGRAM";
  EXPECT_NE(own_help.output.find("--unique-key"), std::string::npos) << own_help.output;
}

TEST(QueueCli, CancelAndRetryTakeOneJobId) {
  const Options cancel = parsed(std::string("cancel ") + kJob);
  EXPECT_EQ(cancel.command, Command::cancel);
  EXPECT_EQ(cancel.job_id, kJob);
  const Options retry = parsed(std::string("retry --json ") + kJob);
  EXPECT_EQ(retry.command, Command::retry);
  EXPECT_TRUE(retry.json);
  expect_usage_error("cancel", "job-id");
  expect_usage_error("cancel 123", "invalid job id '123'");
  expect_usage_error("retry not-a-uuid", "expected a UUID");
}

TEST(QueueCli, ScheduleAddTakesNameCronProgramAndItsArguments) {
  const Options o = parsed("schedule add --priority 2 --max-attempts 4 nightly '0 3 * * *' try-run --seconds 1");
  EXPECT_EQ(o.command, Command::schedule_add);
  EXPECT_EQ(o.queue.schedule_name, "nightly");
  EXPECT_EQ(o.queue.cron, "0 3 * * *");
  EXPECT_EQ(o.queue.program, "try-run");
  EXPECT_EQ(o.program_args, (Words{"--seconds", "1"}));
  EXPECT_EQ(o.queue.priority, 2);
  EXPECT_EQ(o.queue.max_attempts, 4);
  EXPECT_EQ(parsed("schedule list").command, Command::schedule_list);
  EXPECT_TRUE(parsed("schedule list --json").json);
  const Options remove = parsed("schedule remove nightly");
  EXPECT_EQ(remove.command, Command::schedule_remove);
  EXPECT_EQ(remove.queue.schedule_name, "nightly");
}

TEST(QueueCli, BadSchedulesAreOneLineUsageErrors) {
  expect_usage_error("schedule", "subcommand");
  expect_usage_error("schedule add nightly '61 * * * *' try-run", "invalid cron expression");
  expect_usage_error("schedule add nightly '0 3 * *' try-run", "invalid cron expression");
  expect_usage_error("schedule add nightly '0 3 * * *'", "PROGRAM is required");
  expect_usage_error("schedule add nightly '0 3 * * *' nope", "unknown program 'nope'");
  expect_usage_error("schedule add nightly '0 3 * * *' try-run --seconds x", "try-run: --seconds");
  // A schedule has no job to inherit an edition from.
  expect_usage_error("schedule add nightly '0 3 * * *' chereads-segment", "chereads-segment: --editionId");
  expect_usage_error("schedule add --max-attempts 0 nightly '0 3 * * *' try-run", "--max-attempts");
  expect_usage_error("schedule remove", "name");
}

TEST(QueueCli, TheUnknownCommandMessageListsTheQueueCommands) {
  auto outcome = parse_cli("frobnicate");
  EXPECT_EQ(outcome.exit_code, 2);
  for (const char* name : {"enqueue", "cancel", "retry", "schedule", "try-run", "stats"}) {
    EXPECT_NE(outcome.message.find(name), std::string::npos) << outcome.message;
  }
}

}  // namespace
}  // namespace scrapers::admin
