// The program registry: one list of the suite's programs, each able to check a command
// line without running anything.
#include "scrapers/registry/registry.hpp"

#include <gtest/gtest.h>

#include <map>

#include "scrapers/try_run/try_run_cli.hpp"
#include "tests/support/scoped_env.hpp"

namespace scrapers::registry {
namespace {

using namespace std::chrono_literals;
constexpr const char* kUuid = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e";

TEST(Registry, ListsTheSixScrapersAndTryRunWithTheirScriptTypes) {
  std::map<std::string, std::string> script_types;
  for (const runtime::Program& program : all_programs()) script_types[program.name] = program.script_type;
  EXPECT_EQ(script_types,
            (std::map<std::string, std::string>{{"readnovel-api", "scrape-readnovel-api"},
                                                {"readnovel-segment", "scrape-readnovel-segment"},
                                                {"chereads-work", "scrape-chereads-work"},
                                                {"chereads-segment", "scrape-chereads-segment"},
                                                {"opensubtitles-work", "scrape-opensubtitles-work"},
                                                {"bulk-download-subtitles", "bulk-download-subtitles"},
                                                {"try-run", "pipeline-jobs-try-run"}}));
  for (const runtime::Program& program : all_programs()) {
    EXPECT_EQ(program.job_type, tracking::JobType::scrape) << program.name;
  }
}

TEST(Registry, EachProgramStartsAsItsOwnExecutableExceptTryRun) {
  for (const runtime::Program& program : all_programs()) {
    const auto expected = program.name == "try-run" ? std::vector<std::string>{"pipeline-jobs", "try-run"}
                                                    : std::vector<std::string>{program.name};
    EXPECT_EQ(program.command, expected) << program.name;
  }
}

TEST(Registry, FindsProgramsByNameOnly) {
  ASSERT_NE(find_program("chereads-segment"), nullptr);
  EXPECT_EQ(find_program("chereads-segment")->name, "chereads-segment");
  EXPECT_EQ(find_program("chereads"), nullptr);
  EXPECT_EQ(find_program(""), nullptr);
  EXPECT_NE(program_names().find("bulk-download-subtitles"), std::string::npos);
}

TEST(Registry, ValidArgumentsGiveARunnableInvocationWithTheProgramsPacing) {
  auto segment = find_program("chereads-segment")->parse({"--editionId", kUuid, "--delay=250"});
  ASSERT_TRUE(segment.options.has_value()) << segment.message;
  EXPECT_EQ(segment.options->transport.min_delay, 250ms);
  EXPECT_TRUE(static_cast<bool>(segment.options->body));
  testing::ScopedEnv key("OPENSUBTITLES_API_KEY", "registry-test-key");
  auto bulk = find_program("bulk-download-subtitles")
                  ->parse({"--editionId", kUuid, "--seriesName", "Solo Leveling"});
  ASSERT_TRUE(bulk.options.has_value()) << bulk.message;
  EXPECT_GT(bulk.options->transport.requests_per_minute, 0) << "the OpenSubtitles API limit";
  auto api = find_program("readnovel-api")->parse({kUuid, "solo-leveling"});
  ASSERT_TRUE(api.options.has_value()) << api.message;
}

TEST(Registry, BadArgumentsAreAOneLineUsageErrorFromTheProgramsOwnParser) {
  auto bad = find_program("readnovel-segment")->parse({"--edition", "nope"});
  EXPECT_FALSE(bad.options.has_value());
  EXPECT_EQ(bad.exit_code, runtime::exit_code::usage);
  EXPECT_NE(bad.message.find("nope"), std::string::npos) << bad.message;
  EXPECT_EQ(bad.message.find('\n'), std::string::npos);
  auto unknown_flag = find_program("try-run")->parse({"--bogus"});
  EXPECT_EQ(unknown_flag.exit_code, runtime::exit_code::usage);
  EXPECT_NE(unknown_flag.message.find("--bogus"), std::string::npos) << unknown_flag.message;
}

TEST(Registry, HelpAndVersionAreTextWithoutAnInvocation) {
  for (const runtime::Program& program : all_programs()) {
    auto help = program.parse({"--help"});
    EXPECT_FALSE(help.options.has_value()) << program.name;
    EXPECT_EQ(help.exit_code, runtime::exit_code::ok) << program.name;
    EXPECT_NE(help.output.find("--help"), std::string::npos) << program.name;
    auto version = program.parse({"--version"});
    EXPECT_EQ(version.exit_code, runtime::exit_code::ok) << program.name;
    EXPECT_NE(version.output.find(program.name), std::string::npos) << version.output;
  }
}

TEST(TryRunCli, TakesSecondsAFailureAndTheHeartbeatInterval) {
  auto parsed = try_run::parse_try_run_cli(
      "--seconds 1.5 --fail-with \"it broke\" --heartbeat-interval 100ms --json");
  ASSERT_TRUE(parsed.options.has_value()) << parsed.message;
  EXPECT_EQ(parsed.options->run_for, 1500ms);
  EXPECT_EQ(parsed.options->fail_with, "it broke");
  EXPECT_EQ(parsed.options->heartbeat_interval, 100ms);
  EXPECT_TRUE(parsed.options->json);
  auto defaults = try_run::parse_try_run_cli("");
  ASSERT_TRUE(defaults.options.has_value());
  EXPECT_EQ(defaults.options->run_for, 0ms);
  EXPECT_FALSE(defaults.options->fail_with.has_value());
}

TEST(TryRunCli, FailFailsOnPurposeAndExcludesFailWith) {
  auto fail = try_run::parse_try_run_cli("--fail");
  ASSERT_TRUE(fail.options.has_value()) << fail.message;
  EXPECT_EQ(fail.options->fail_with, try_run::kFailedOnPurpose);
  EXPECT_EQ(try_run::parse_try_run_cli("--fail --fail-with x").exit_code, runtime::exit_code::usage);
  EXPECT_EQ(try_run::parse_try_run_cli("--seconds -1").exit_code, runtime::exit_code::usage);
  EXPECT_EQ(try_run::parse_try_run_cli("--heartbeat-interval 0").exit_code, runtime::exit_code::usage);
}

}  // namespace
}  // namespace scrapers::registry
