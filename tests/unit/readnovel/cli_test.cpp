#include <gtest/gtest.h>

#include "scrapers/readnovel/readnovel_api_cli.hpp"
#include "scrapers/readnovel/readnovel_segment_cli.hpp"

namespace scrapers::readnovel {
namespace {

constexpr const char* kWork = "3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";
constexpr const char* kSegmentA = "c0ffee00-1234-4abc-8def-0123456789ab";
constexpr const char* kSegmentB = "c0ffee00-1234-4abc-8def-0123456789ac";

std::string line(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : " ") + part;
  return out;
}

TEST(ReadnovelApiCli, WorkIdAndSlugAreTakenInOrder) {
  auto parsed = parse_readnovel_api_cli(line({kWork, "moonlit-sword-2-return-of-the-exile"}));
  ASSERT_TRUE(parsed.options.has_value()) << parsed.message;
  EXPECT_EQ(parsed.options->work_id, kWork);
  EXPECT_EQ(parsed.options->novel_slug, "moonlit-sword-2-return-of-the-exile");
}

TEST(ReadnovelApiCli, MalformedWorkIdIsAUsageErrorNamingIt) {
  auto parsed = parse_readnovel_api_cli("not-a-uuid solo-leveling");
  EXPECT_FALSE(parsed.options.has_value());
  EXPECT_EQ(parsed.exit_code, runtime::exit_code::usage);
  EXPECT_EQ(parsed.message, "work_id: 'not-a-uuid' is not a UUID");
}

TEST(ReadnovelApiCli, SlugThatIsNotLowerCaseLettersDigitsAndHyphensIsAUsageError) {
  for (const char* slug : {"Solo-Leveling", "solo/leveling", "../x", "solo_leveling", "solo-"}) {
    auto parsed = parse_readnovel_api_cli(line({kWork, slug}));
    EXPECT_EQ(parsed.exit_code, runtime::exit_code::usage) << slug;
    EXPECT_EQ(parsed.message.rfind("novel-slug: '", 0), 0u) << parsed.message;
  }
  // A leading '-' reads as an unknown flag: still a usage error.
  EXPECT_EQ(parse_readnovel_api_cli(line({kWork, "-solo"})).exit_code, runtime::exit_code::usage);
}

TEST(ReadnovelApiCli, MissingOrExtraArgumentsAreUsageErrors) {
  EXPECT_EQ(parse_readnovel_api_cli(kWork).exit_code, runtime::exit_code::usage);
  EXPECT_EQ(parse_readnovel_api_cli(line({kWork, "a", "b"})).exit_code, runtime::exit_code::usage);
  EXPECT_EQ(parse_readnovel_api_cli(line({kWork, "a", "--bogus"})).exit_code, runtime::exit_code::usage);
}

TEST(ReadnovelApiCli, HelpAndVersionExitZeroWithoutRunning) {
  for (const char* flag : {"--help", "--version"}) {
    auto parsed = parse_readnovel_api_cli(flag);
    EXPECT_FALSE(parsed.options.has_value());
    EXPECT_EQ(parsed.exit_code, runtime::exit_code::ok);
  }
}

TEST(ReadnovelSegmentCli, SegmentIdsKeepTheirOrderAndDefaultsApply) {
  auto parsed = parse_readnovel_segment_cli(line({kSegmentB, kSegmentA}));
  ASSERT_TRUE(parsed.options.has_value()) << parsed.message;
  EXPECT_EQ(parsed.options->segment_ids, (std::vector<std::string>{kSegmentB, kSegmentA}));
  EXPECT_FALSE(parsed.options->edition_id.has_value());
  EXPECT_EQ(parsed.options->delay_ms, 1000);
  EXPECT_EQ(parsed.options->limit, 0);
}

TEST(ReadnovelSegmentCli, EditionDelayAndLimitWorkInBothFlagForms) {
  auto equals = parse_readnovel_segment_cli(
      line({"--edition=" + std::string(kSegmentA), "--delay=0", "--limit=5"}));
  ASSERT_TRUE(equals.options.has_value()) << equals.message;
  EXPECT_EQ(equals.options->edition_id, kSegmentA);
  EXPECT_EQ(equals.options->delay_ms, 0);
  EXPECT_EQ(equals.options->limit, 5);
  auto spaced = parse_readnovel_segment_cli(line({"--edition", kSegmentA, "--delay", "250", "--limit", "2"}));
  ASSERT_TRUE(spaced.options.has_value()) << spaced.message;
  EXPECT_EQ(spaced.options->delay_ms, 250);
  EXPECT_EQ(spaced.options->limit, 2);
}

TEST(ReadnovelSegmentCli, SegmentIdsAndEditionExcludeEachOther) {
  auto both = parse_readnovel_segment_cli(line({kSegmentA, "--edition", kSegmentB}));
  EXPECT_EQ(both.exit_code, runtime::exit_code::usage);
  EXPECT_NE(both.message.find("not both"), std::string::npos);
  auto neither = parse_readnovel_segment_cli("--delay 5");
  EXPECT_EQ(neither.exit_code, runtime::exit_code::usage);
  EXPECT_NE(neither.message.find("at least one segment id"), std::string::npos);
}

TEST(ReadnovelSegmentCli, EveryIdMustBeAUuid) {
  auto segment = parse_readnovel_segment_cli(line({kSegmentA, "1234"}));
  EXPECT_EQ(segment.exit_code, runtime::exit_code::usage);
  EXPECT_EQ(segment.message, "segment_id: '1234' is not a UUID");
  auto edition = parse_readnovel_segment_cli("--edition nope");
  EXPECT_EQ(edition.exit_code, runtime::exit_code::usage);
  EXPECT_EQ(edition.message, "--edition: 'nope' is not a UUID");
}

TEST(ReadnovelSegmentCli, NegativeDelayAndNonPositiveLimitAreUsageErrors) {
  for (const char* flags : {"--delay -1", "--delay abc", "--limit 0", "--limit -3", "--limit x"}) {
    auto parsed = parse_readnovel_segment_cli(line({kSegmentA, flags}));
    EXPECT_EQ(parsed.exit_code, runtime::exit_code::usage) << flags;
    EXPECT_FALSE(parsed.options.has_value()) << flags;
  }
}

}  // namespace
}  // namespace scrapers::readnovel
