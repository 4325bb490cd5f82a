#include "scrapers/runtime/cli_support.hpp"

#include <gtest/gtest.h>

namespace scrapers::runtime {
namespace {

struct Options {
  int delay = 1000;
  std::string id;
};

ParsedCli<Options> parse(const std::string& line) {
  CLI::App app{"test program", "prog"};
  add_version_flag(app);
  Options options;
  app.add_option("--delay", options.delay)->check(CLI::NonNegativeNumber);
  app.add_option("id", options.id)->required();
  return parse_cli<Options>(
      app, options, [&] { app.parse(line, false); },
      [](const Options& o) { return o.id == "bad" ? std::string("id: 'bad' is not valid") : std::string(); });
}

TEST(CliSupport, ValidArgumentsGiveOptionsInBothFlagForms) {
  auto equals = parse("--delay=5 abc");
  ASSERT_TRUE(equals.options.has_value());
  EXPECT_EQ(equals.options->delay, 5);
  EXPECT_EQ(equals.options->id, "abc");
  auto spaced = parse("--delay 7 abc");
  ASSERT_TRUE(spaced.options.has_value());
  EXPECT_EQ(spaced.options->delay, 7);
}

TEST(CliSupport, ParseErrorsAndFailedValidationExitWithUsageStatus) {
  auto missing = parse("--delay 5");
  EXPECT_FALSE(missing.options.has_value());
  EXPECT_EQ(missing.exit_code, exit_code::usage);
  EXPECT_NE(missing.message.find("id"), std::string::npos);

  auto invalid = parse("bad");
  EXPECT_FALSE(invalid.options.has_value());
  EXPECT_EQ(invalid.exit_code, exit_code::usage);
  EXPECT_EQ(invalid.message, "id: 'bad' is not valid");

  auto negative = parse("--delay -1 abc");
  EXPECT_EQ(negative.exit_code, exit_code::usage);
}

TEST(CliSupport, HelpAndVersionExitZeroWithoutOptions) {
  for (const char* line : {"--help", "--version"}) {
    auto result = parse(line);
    EXPECT_FALSE(result.options.has_value()) << line;
    EXPECT_EQ(result.exit_code, exit_code::ok) << line;
  }
}

}  // namespace
}  // namespace scrapers::runtime
