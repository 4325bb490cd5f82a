#include "scrapers/admin/cli.hpp"

#include <gtest/gtest.h>

#include "tests/support/scoped_env.hpp"
#include "tests/unit/admin/cli_expectations.hpp"

namespace scrapers::admin {
namespace {

using namespace std::chrono_literals;

TEST(AdminCli, ReapRefusesAThresholdBelowThreeHeartbeats) {
  testing::ScopedEnv heartbeat("JOB_HEARTBEAT_INTERVAL", std::nullopt);  // the 15 s default
  expect_usage_error("reap --stale-after 44s", "shorter than three heartbeats");
  EXPECT_EQ(parsed("reap --stale-after 45s").stale_after, 45s);
  testing::ScopedEnv fast("JOB_HEARTBEAT_INTERVAL", "1s");
  EXPECT_EQ(parsed("reap --stale-after 3s").stale_after, 3s);
}

TEST(AdminCli, EachCommandNameSelectsItsCommand) {
  EXPECT_EQ(parsed("migrate").command, Command::migrate);
  EXPECT_EQ(parsed("active").command, Command::active);
  EXPECT_EQ(parsed("failed").command, Command::failed);
  EXPECT_EQ(parsed("stats").command, Command::stats);
  EXPECT_EQ(parsed("retries").command, Command::retries);
  EXPECT_EQ(parsed("reap").command, Command::reap);
  EXPECT_EQ(parsed("try-run").command, Command::try_run);
  EXPECT_EQ(parsed("show 0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e").command, Command::show);
}

TEST(AdminCli, DefaultsAreTenFailedJobsScrapeJobsAndFiveMinuteStaleness) {
  const Options o = parsed("failed");
  EXPECT_EQ(o.limit, 10);
  EXPECT_FALSE(o.json);
  EXPECT_EQ(parsed("stats").job_type, tracking::JobType::scrape);
  EXPECT_EQ(parsed("retries").job_type, tracking::JobType::scrape);
  EXPECT_EQ(parsed("reap").stale_after, 300s);
  EXPECT_TRUE(parsed("try-run").program_args.empty());
}

TEST(AdminCli, OptionsAcceptBothSpaceAndEqualsForms) {
  EXPECT_EQ(parsed("failed --limit 3").limit, 3);
  EXPECT_EQ(parsed("failed --limit=4").limit, 4);
  EXPECT_EQ(parsed("stats --job-type clean").job_type, tracking::JobType::clean);
  EXPECT_EQ(parsed("retries --job-type=sync_assets").job_type, tracking::JobType::sync_assets);
  EXPECT_EQ(parsed("reap --stale-after 90s").stale_after, 90s);
  EXPECT_EQ(parsed("reap --stale-after=2h").stale_after, 7200s);
}

TEST(AdminCli, JsonIsAcceptedAfterEveryCommandAndBeforeIt) {
  for (const char* line :
       {"migrate --json", "active --json", "failed --json", "stats --json", "retries --json", "reap --json",
        "try-run --json", "--json active", "show --json 0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e"}) {
    EXPECT_TRUE(parsed(line).json) << line;
  }
}

TEST(AdminCli, TryRunPassesItsOwnArgumentsToTheTryRunProgram) {
  const Options o = parsed("try-run --seconds 1.5 --fail-with \"it broke\" --heartbeat-interval 100ms");
  EXPECT_EQ(o.program_args, (std::vector<std::string>{"--seconds", "1.5", "--fail-with", "it broke",
                                                      "--heartbeat-interval", "100ms"}));
  EXPECT_EQ(parsed("--json try-run --seconds 2").program_args,
            (std::vector<std::string>{"--seconds", "2", "--json"}))
      << "--json before the command reaches try-run too";
}

TEST(AdminCli, ShowKeepsTheJobId) {
  EXPECT_EQ(parsed("show 0B7C2A6E-8A43-4A0C-9A57-5B4F9C1F2D3E").job_id, "0B7C2A6E-8A43-4A0C-9A57-5B4F9C1F2D3E");
}

TEST(AdminCli, BadInputIsAOneLineUsageErrorNamingTheProblem) {
  expect_usage_error("", "subcommand");
  expect_usage_error("bogus", "unknown command 'bogus'");
  expect_usage_error("show", "job-id");
  expect_usage_error("show 123", "invalid job id '123'");
  expect_usage_error("show '0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e; DROP TABLE works'", "expected a UUID");
  expect_usage_error("stats --job-type Scrape", "invalid job type 'Scrape'");
  expect_usage_error("failed --limit x", "--limit");
  expect_usage_error("failed --limit -1", "--limit");
  expect_usage_error("reap --stale-after 5x", "invalid duration '5x'");
  expect_usage_error("try-run --seconds -1", "--seconds");
  expect_usage_error("try-run --heartbeat-interval 0", "--heartbeat-interval");
  expect_usage_error("active --bogus", "--bogus");
  expect_usage_error("active extra", "extra");
}

TEST(AdminCli, HelpAndVersionExitZeroWithText) {
  auto help = parse_cli("--help");
  EXPECT_FALSE(help.options.has_value());
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"migrate", "active", "failed", "stats", "retries", "show", "reap", "try-run"}) {
    EXPECT_NE(help.output.find(command), std::string::npos) << command;
  }
  auto sub_help = parse_cli("reap --help");
  EXPECT_EQ(sub_help.exit_code, 0);
  EXPECT_NE(sub_help.output.find("--stale-after"), std::string::npos) << sub_help.output;
  auto version = parse_cli("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.output.rfind("pipeline-jobs ", 0), 0u) << version.output;
}

TEST(AdminCli, ArgvFormParsesLikeTheStringForm) {
  const char* argv[] = {"pipeline-jobs", "failed", "--limit", "7", "--json"};
  auto outcome = parse_cli(5, argv);
  ASSERT_TRUE(outcome.options.has_value()) << outcome.message;
  EXPECT_EQ(outcome.options->limit, 7);
  EXPECT_TRUE(outcome.options->json);
}

}  // namespace
}  // namespace scrapers::admin
