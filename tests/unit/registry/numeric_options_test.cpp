// Every count and delay option of every program refuses what would wrap or overflow:
// signs, fractions, exponents and values beyond its range are one usage line naming
// the option (exit 2), before anything runs.
#include <gtest/gtest.h>

#include "scrapers/registry/registry.hpp"
#include "scrapers/runtime/cli_numbers.hpp"
#include "tests/support/scoped_env.hpp"

namespace scrapers::registry {
namespace {

using Args = std::vector<std::string>;
constexpr const char* kUuid = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e";

struct NumericOption {
  std::string program;
  Args base;  // arguments that parse on their own
  std::string option;
};

std::vector<NumericOption> numeric_options() {
  const Args bulk{"--editionId", kUuid, "--seriesName", "Solo Leveling"};
  return {{"readnovel-segment", {"--edition", kUuid}, "--delay"},
          {"readnovel-segment", {"--edition", kUuid}, "--limit"},
          {"chereads-segment", {"--editionId", kUuid}, "--delay"},
          {"chereads-segment", {"--editionId", kUuid}, "--limit"},
          {"chereads-segment", {"--editionId", kUuid}, "--start"},
          {"chereads-segment", {"--editionId", kUuid}, "--end"},
          {"bulk-download-subtitles", bulk, "--delay"},
          {"bulk-download-subtitles", bulk, "--limit"}};
}

TEST(NumericOptions, SignsFractionsExponentsAndOverflowAreUsageErrorsNamingTheOption) {
  testing::ScopedEnv key("OPENSUBTITLES_API_KEY", "numeric-options-test-key");
  for (const NumericOption& o : numeric_options()) {
    const runtime::Program* program = find_program(o.program);
    ASSERT_NE(program, nullptr) << o.program;
    ASSERT_TRUE(program->parse(o.base).options.has_value()) << o.program;
    for (const char* bad : {"-5", "+5", "1.5", "1e3", "", " 7", "99999999999999999999", "9300000000000000",
                            "18446744073709551611"}) {
      Args args = o.base;
      args.push_back(o.option + "=" + bad);
      auto parsed = program->parse(args);
      EXPECT_FALSE(parsed.options.has_value()) << o.program << " " << o.option << "=" << bad;
      EXPECT_EQ(parsed.exit_code, runtime::exit_code::usage) << o.program << " " << o.option << "=" << bad;
      EXPECT_NE(parsed.message.find(o.option), std::string::npos) << parsed.message;
      EXPECT_EQ(parsed.message.find('\n'), std::string::npos) << "one line: " << parsed.message;
    }
    Args fine = o.base;
    fine.push_back(o.option + "=" + (o.option == "--delay" ? "0" : "7"));
    EXPECT_TRUE(program->parse(fine).options.has_value()) << o.program << " " << o.option;
  }
}

TEST(NumericOptions, TheLimitsAreInclusiveAndTheMessageSaysThem) {
  EXPECT_EQ(runtime::parse_whole_number("0", 0, 10), 0u);
  EXPECT_EQ(runtime::parse_whole_number("10", 0, 10), 10u);
  EXPECT_FALSE(runtime::parse_whole_number("11", 0, 10).has_value());
  EXPECT_FALSE(runtime::parse_whole_number("0", 1, 10).has_value());
  EXPECT_EQ(runtime::parse_whole_number("3600000", 0, runtime::kMaxDelayMs), 3'600'000u);
  EXPECT_FALSE(runtime::parse_whole_number("3600001", 0, runtime::kMaxDelayMs).has_value());
  auto parsed = find_program("chereads-segment")->parse({"--editionId", kUuid, "--limit", "-5"});
  EXPECT_EQ(parsed.message, "--limit: expected a whole number from 1 to 1000000 (got '-5')");
}

}  // namespace
}  // namespace scrapers::registry
