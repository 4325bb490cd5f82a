// Every numeric option of every program says what is wrong in one plain line naming the
// option and its allowed range ("--limit: expected a whole number from 1 to 1000000
// (got '0')"), never CLI11's "Value 0 not in range 0.000000 to 1.79e308"; and an empty
// chapter range blames the option the user gave.
#include <gtest/gtest.h>

#include "scrapers/admin/cli.hpp"
#include "scrapers/registry/registry.hpp"
#include "scrapers/runtime/cli_numbers.hpp"
#include "scrapers/try_run/try_run_cli.hpp"
#include "scrapers/worker/worker_cli.hpp"
#include "tests/support/scoped_env.hpp"

namespace scrapers {
namespace {

using Args = std::vector<std::string>;
constexpr const char* kUuid = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e";

// A message is plain when it is one line, names the option first, says the range with
// whole numbers and quotes what was given.
void expect_plain(const std::string& message, const std::string& option, const std::string& range,
                  const std::string& given) {
  EXPECT_EQ(message, option + ": expected " + range + " (got '" + given + "')");
  EXPECT_EQ(message.find("0.000000"), std::string::npos) << message;
  EXPECT_EQ(message.find("e308"), std::string::npos) << message;
}

std::string program_message(const std::string& program, Args args) {
  const runtime::Program* found = registry::find_program(program);
  EXPECT_NE(found, nullptr) << program;
  if (found == nullptr) return {};
  auto parsed = found->parse(args);
  EXPECT_EQ(parsed.exit_code, runtime::exit_code::usage) << program;
  return parsed.message;
}

std::string admin_message(const std::string& arguments) {
  auto parsed = admin::parse_cli(arguments);
  EXPECT_EQ(parsed.exit_code, runtime::exit_code::usage) << arguments;
  return parsed.message;
}

TEST(NumericMessages, LimitZeroSaysTheRangeInEveryProgram) {
  testing::ScopedEnv key("OPENSUBTITLES_API_KEY", "numeric-messages-test-key");
  expect_plain(program_message("chereads-segment", {"--editionId", kUuid, "--limit", "0"}), "--limit",
               "a whole number from 1 to 1000000", "0");
  expect_plain(program_message("readnovel-segment", {"--edition", kUuid, "--limit", "0"}), "--limit",
               "a whole number from 1 to 1000000", "0");
  expect_plain(program_message("bulk-download-subtitles",
                               {"--editionId", kUuid, "--seriesName", "Solo Leveling", "--limit", "0"}),
               "--limit", "a whole number from 1 to 1000000", "0");
  expect_plain(admin_message("failed --limit 0"), "--limit", "a whole number from 1 to 10000", "0");
}

TEST(NumericMessages, QueueWorkerAndTryRunNumbersArePlainToo) {
  expect_plain(admin_message("enqueue --priority 1e3 try-run"), "--priority",
               "a whole number from -1000000 to 1000000", "1e3");
  expect_plain(admin_message("enqueue --max-attempts 0 try-run"), "--max-attempts",
               "a whole number from 1 to 1000", "0");
  expect_plain(admin_message("schedule add --max-attempts=-2 n '0 3 * * *' try-run"), "--max-attempts",
               "a whole number from 1 to 1000", "-2");
  EXPECT_EQ(admin::parse_cli("enqueue --priority=-3 try-run").options->queue.priority, -3);
  expect_plain(worker::parse_worker_cli(Args{"--concurrency", "0"}).message, "--concurrency",
               "a whole number from 1 to 256", "0");
  EXPECT_EQ(worker::parse_worker_cli(Args{"--concurrency", "256"}).options->concurrency, 256);
  expect_plain(try_run::parse_try_run_cli(Args{"--seconds", "-1"}).message, "--seconds",
               "seconds from 0 to 86400, e.g. 1.5", "-1");
  expect_plain(try_run::parse_try_run_cli(Args{"--seconds", "86400.5"}).message, "--seconds",
               "seconds from 0 to 86400, e.g. 1.5", "86400.5");
  EXPECT_EQ(try_run::parse_try_run_cli(Args{"--seconds", "1.25"}).options->run_for,
            std::chrono::milliseconds(1250));
  EXPECT_EQ(try_run::parse_try_run_cli(Args{"--seconds", "2"}).options->run_for, std::chrono::milliseconds(2000));
}

TEST(NumericMessages, AChereadsStartBeyondTheDefaultEndBlamesStart) {
  const std::string message = program_message("chereads-segment", {"--editionId", kUuid, "--start=5000000"});
  EXPECT_EQ(message, "--start: 5000000 is beyond the default last chapter 999999 (give --end too)");
  EXPECT_EQ(program_message("chereads-segment", {"--editionId", kUuid, "--start=5", "--end=3"}),
            "--end: must not be below --start (3 < 5)");
  expect_plain(program_message("chereads-segment", {"--editionId", kUuid, "--start=99999999999"}), "--start",
               "a whole number from 1 to 1000000000", "99999999999");
  EXPECT_TRUE(registry::find_program("chereads-segment")
                  ->parse({"--editionId", kUuid, "--start=5000000", "--end=5000001"})
                  .options.has_value());
}

TEST(NumericMessages, SignedWholeNumbersAndSecondsParseOnlyWhatTheySay) {
  EXPECT_EQ(runtime::parse_signed_whole_number("-7", -10, 10), -7);
  EXPECT_FALSE(runtime::parse_signed_whole_number("-7", 0, 10).has_value()) << "no sign where it means nothing";
  EXPECT_FALSE(runtime::parse_signed_whole_number("+7", -10, 10).has_value());
  EXPECT_FALSE(runtime::parse_signed_whole_number("-", -10, 10).has_value());
  EXPECT_FALSE(runtime::parse_signed_whole_number("-11", -10, 10).has_value());
  EXPECT_EQ(runtime::parse_seconds("0.5", 10), 500u);
  EXPECT_EQ(runtime::parse_seconds("10", 10), 10000u);
  for (const char* bad : {"", ".5", "1.", "1.2345", "-1", "1e3", "10.001", " 1", "1,5"}) {
    EXPECT_FALSE(runtime::parse_seconds(bad, 10).has_value()) << bad;
  }
}

}  // namespace
}  // namespace scrapers
