// The worker's command line: defaults, every flag, and each bad value as one line.
#include <gtest/gtest.h>

#include "scrapers/worker/worker_cli.hpp"

namespace scrapers::worker {
namespace {

using namespace std::chrono_literals;

TEST(WorkerCli, NoArgumentsGiveTheDocumentedDefaults) {
  auto parsed = parse_worker_cli(std::string());
  ASSERT_TRUE(parsed.options) << parsed.message;
  EXPECT_EQ(parsed.options->concurrency, 1);
  EXPECT_TRUE(parsed.options->programs.empty());
  EXPECT_EQ(parsed.options->poll, 1s);
  EXPECT_FALSE(parsed.options->exit_when_idle);
  EXPECT_EQ(parsed.options->shutdown_timeout, 30s);
}

TEST(WorkerCli, EveryFlagIsRead) {
  auto parsed = parse_worker_cli(std::vector<std::string>{"--concurrency", "16", "--programs",
                                                          "try-run,chereads-work", "--poll", "250ms",
                                                          "--exit-when-idle", "5s", "--shutdown-timeout", "2m"});
  ASSERT_TRUE(parsed.options) << parsed.message;
  EXPECT_EQ(parsed.options->concurrency, 16);
  EXPECT_EQ(parsed.options->programs, (std::vector<std::string>{"try-run", "chereads-work"}));
  EXPECT_EQ(parsed.options->poll, 250ms);
  EXPECT_EQ(parsed.options->exit_when_idle, std::optional<std::chrono::milliseconds>(5s));
  EXPECT_EQ(parsed.options->shutdown_timeout, 120s);
}

class WorkerCliRejects : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(WorkerCliRejects, ABadValueIsAOneLineUsageErrorNamingIt) {
  const auto [arguments, needle] = GetParam();
  auto parsed = parse_worker_cli(std::string(arguments));
  EXPECT_FALSE(parsed.options);
  EXPECT_EQ(parsed.exit_code, runtime::exit_code::usage);
  EXPECT_EQ(parsed.message.find('\n'), std::string::npos) << parsed.message;
  EXPECT_NE(parsed.message.find(needle), std::string::npos) << parsed.message;
}

INSTANTIATE_TEST_SUITE_P(Values, WorkerCliRejects,
                         ::testing::Values(std::pair{"--concurrency 0", "--concurrency"},
                                           std::pair{"--concurrency 257", "--concurrency"},
                                           std::pair{"--concurrency many", "--concurrency"},
                                           std::pair{"--poll soon", "--poll"},
                                           std::pair{"--poll 0", "--poll: must be more than 0"},
                                           std::pair{"--exit-when-idle 1.5s", "--exit-when-idle"},
                                           std::pair{"--shutdown-timeout -1s", "--shutdown-timeout"},
                                           std::pair{"--programs try-run,nope", "unknown program 'nope' (known: "},
                                           std::pair{"--bogus", "--bogus"}));

}  // namespace
}  // namespace scrapers::worker
