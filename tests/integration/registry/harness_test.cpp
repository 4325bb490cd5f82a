// The end-to-end harness itself: a program it starts reaches the harness's database
// and fixture server, and nothing from the developer's environment leaks in.
#include "tests/e2e_support/scraper_harness.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace scrapers::testing {
namespace {

TEST(ScraperHarness, ProgramsRunAgainstTheHarnessDatabase) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness harness;
  ProcessResult result = harness.run("pipeline-jobs", {"try-run", "--seconds", "0"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(harness.job_count(), 1u);
  auto job = harness.last_job();
  ASSERT_FALSE(job.empty());
  EXPECT_EQ(job[0].value_or(""), "success");
  EXPECT_EQ(job[1].value_or(""), "1");
}

TEST(ScraperHarness, ProductionSecretsAndReplaySettingsAreKeptOut) {
  SCRAPERS_REQUIRE_E2E();
  ::setenv("CLOUDFLARE_R2_SECRET_ACCESS_KEY", "must-not-leak", 1);
  ScraperHarness harness;
  ProcessOptions options = harness.options({{"EXTRA", "1"}});
  ::unsetenv("CLOUDFLARE_R2_SECRET_ACCESS_KEY");
  EXPECT_NE(std::find(options.unset_env.begin(), options.unset_env.end(), "CLOUDFLARE_R2_SECRET_ACCESS_KEY"),
            options.unset_env.end());
  bool points_at_server = false;
  for (const auto& [name, value] : options.env) {
    if (name == "READNOVEL_API_BASE") points_at_server = value == harness.server().base_url();
  }
  EXPECT_TRUE(points_at_server);
}

TEST(ScraperHarness, FixtureServerAnswersFromTheRepositoryFixtures) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness harness;
  EXPECT_TRUE(std::filesystem::is_directory(fixtures_dir()));
  EXPECT_TRUE(std::filesystem::is_directory(harness.asset_dir()));
  EXPECT_GT(harness.server().port(), 0);
}

}  // namespace
}  // namespace scrapers::testing
