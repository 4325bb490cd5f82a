#include <cstdlib>

#include <gtest/gtest.h>

#include "scrapers/opensubtitles/bulk_download_cli.hpp"
#include "scrapers/opensubtitles/opensubtitles_work_cli.hpp"
#include "tests/unit/opensubtitles/cli_test_env.hpp"

namespace scrapers::opensubtitles {
namespace {


constexpr const char* kUuid = "0b8f3c2e-1d4a-4f5b-9c6d-7e8f9a0b1c2d";
constexpr const char* kShow = "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling";

using CliTest = CliTestEnv;

TEST_F(CliTest, WorkAcceptsUrlAndWorkIdInBothFlagForms) {
  auto spaced = parse_opensubtitles_work_cli(std::string("--url ") + kShow + " --workId " + kUuid);
  ASSERT_TRUE(spaced.options.has_value()) << spaced.message;
  EXPECT_EQ(spaced.options->url, kShow);
  EXPECT_EQ(spaced.options->work_id, kUuid);
  EXPECT_EQ(spaced.options->provider, "opensubtitles");
  auto equals = parse_opensubtitles_work_cli(std::string("--url=") + kShow + " --title=Solo --provider=os-web");
  ASSERT_TRUE(equals.options.has_value()) << equals.message;
  EXPECT_EQ(equals.options->title, "Solo");
  EXPECT_EQ(equals.options->work_id, std::nullopt);
  EXPECT_EQ(equals.options->provider, "os-web");
}

TEST_F(CliTest, WorkNeedsWorkIdOrTitleAndTakesBoth) {
  auto both = parse_opensubtitles_work_cli(std::string("--url ") + kShow + " --workId " + kUuid + " --title X");
  ASSERT_TRUE(both.options.has_value()) << both.message;  // the work is used, the title ignored (with a warning)
  EXPECT_EQ(both.options->work_id, kUuid);
  auto neither = parse_opensubtitles_work_cli(std::string("--url ") + kShow);
  EXPECT_EQ(neither.exit_code, 2);
  EXPECT_NE(neither.message.find("--workId"), std::string::npos);
}

TEST_F(CliTest, WorkRejectsBadUuidUrlAndProviderNamingTheArgument) {
  auto uuid = parse_opensubtitles_work_cli(std::string("--url ") + kShow + " --workId not-a-uuid");
  EXPECT_EQ(uuid.exit_code, 2);
  EXPECT_NE(uuid.message.find("--workId"), std::string::npos);
  auto host = parse_opensubtitles_work_cli("--url https://evil.example/en/tvshows/2024-solo-leveling --title X");
  EXPECT_EQ(host.exit_code, 2);
  EXPECT_NE(host.message.find("--url"), std::string::npos);
  auto path = parse_opensubtitles_work_cli("--url https://www.opensubtitles.com/en/movies/2024-x --title X");
  EXPECT_EQ(path.exit_code, 2);
  EXPECT_NE(path.message.find("--url"), std::string::npos);
  auto provider = parse_opensubtitles_work_cli(
      std::vector<std::string>{"--url", kShow, "--title", "X", "--provider", "bad\nname"});
  EXPECT_EQ(provider.exit_code, 2);
  EXPECT_NE(provider.message.find("--provider"), std::string::npos);
}

TEST_F(CliTest, WorkAcceptsTheConfiguredSiteBase) {
  env.set("OPENSUBTITLES_SITE_BASE", "http://127.0.0.1:18080");
  auto local = parse_opensubtitles_work_cli(
      "--url http://127.0.0.1:18080/en/tvshows/2024-solo-leveling --title X");
  EXPECT_TRUE(local.options.has_value()) << local.message;
  auto production = parse_opensubtitles_work_cli(std::string("--url ") + kShow + " --title X");
  EXPECT_EQ(production.exit_code, 2);
}

TEST_F(CliTest, HelpAndVersionExitZeroWithoutOptions) {
  auto help = parse_opensubtitles_work_cli("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_FALSE(help.options.has_value());
  auto version = parse_bulk_download_cli("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_FALSE(version.options.has_value());
}

TEST_F(CliTest, BulkReadsEveryOptionWithDefaults) {
  auto defaults = parse_bulk_download_cli(std::string("--editionId ") + kUuid + " --seriesName 'Solo Leveling'");
  ASSERT_TRUE(defaults.options.has_value()) << defaults.message;
  EXPECT_EQ(defaults.options->edition_id, kUuid);
  EXPECT_EQ(defaults.options->series_name, "Solo Leveling");
  EXPECT_EQ(defaults.options->languages, "en");
  EXPECT_EQ(defaults.options->delay_ms, 1000);
  EXPECT_EQ(defaults.options->limit, std::nullopt);
  EXPECT_FALSE(defaults.options->allow_ai);
  auto all = parse_bulk_download_cli(std::string("--workId=") + kUuid +
                                     " --seriesName=X --languages=en,pt-BR --delay=0 --limit=3 --allow-ai");
  ASSERT_TRUE(all.options.has_value()) << all.message;
  EXPECT_EQ(all.options->work_id, kUuid);
  EXPECT_EQ(all.options->languages, "en,pt-BR");
  EXPECT_EQ(all.options->delay_ms, 0);
  EXPECT_EQ(all.options->limit, 3u);
  EXPECT_TRUE(all.options->allow_ai);
}

TEST_F(CliTest, BulkWithoutApiKeyExitsTwoNamingTheVariable) {
  env.unset("OPENSUBTITLES_API_KEY");
  auto parsed = parse_bulk_download_cli(std::string("--editionId ") + kUuid + " --seriesName X");
  EXPECT_EQ(parsed.exit_code, 2);
  EXPECT_NE(parsed.message.find("OPENSUBTITLES_API_KEY"), std::string::npos);
}

TEST_F(CliTest, BulkNeedsBothLoginVariablesOrNeither) {
  env.set("OPENSUBTITLES_USERNAME", "demo");
  auto parsed = parse_bulk_download_cli(std::string("--editionId ") + kUuid + " --seriesName X");
  EXPECT_EQ(parsed.exit_code, 2);
  EXPECT_NE(parsed.message.find("OPENSUBTITLES_PASSWORD"), std::string::npos);
  env.set("OPENSUBTITLES_PASSWORD", "secret-pass");
  auto both = parse_bulk_download_cli(std::string("--editionId ") + kUuid + " --seriesName X");
  EXPECT_TRUE(both.options.has_value()) << both.message;
}

TEST_F(CliTest, BulkRejectsBadArgumentsNamingThem) {
  const std::string id = std::string(" --seriesName X --editionId ") + kUuid;
  struct Case {
    std::string line;
    std::string names;
  };
  const std::vector<Case> cases = {
      {std::string("--seriesName X --segmentId 12"), "--segmentId"},
      {"--seriesName X", "--workId"},
      {std::string("--editionId ") + kUuid, "--seriesName"},
      {std::string("--query ' ' --editionId ") + kUuid, "--query"},
      {"--seriesName X --editionId 123", "--editionId"},
      {std::string("--seriesName ' ' --editionId ") + kUuid, "--seriesName"},
      {"--languages english" + id, "--languages"},
      {"--languages ," + id, "--languages"},
      {"--delay -5" + id, "--delay"},
      {"--limit 0" + id, "--limit"},
      {"--limit many" + id, "--limit"},
  };
  for (const auto& c : cases) {
    auto parsed = parse_bulk_download_cli(c.line);
    EXPECT_EQ(parsed.exit_code, 2) << c.line;
    EXPECT_NE(parsed.message.find(c.names), std::string::npos) << c.line << " -> " << parsed.message;
  }
}

}  // namespace
}  // namespace scrapers::opensubtitles
