// A dependent job that leaves out its edition or work takes it from the job it waited
// for, and only then: the program's own parser decides what is missing.
#include "scrapers/registry/dependent_args.hpp"

#include <gtest/gtest.h>

#include "scrapers/registry/registry.hpp"
#include "tests/support/scoped_env.hpp"

namespace scrapers::registry {
namespace {

using Args = std::vector<std::string>;
constexpr const char* kEdition = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e";
constexpr const char* kWork = "5e2d1c0b-7a6f-4e3d-8c2b-1a0f9e8d7c6b";
constexpr const char* kOwnEdition = "9d8c7b6a-5f4e-4d3c-8b2a-190807060504";

const runtime::Program& program(std::string_view name) {
  const runtime::Program* found = find_program(name);
  EXPECT_NE(found, nullptr) << name;
  return *found;
}

TEST(DependentArgs, ASegmentProgramWithoutEditionTakesTheParentsEdition) {
  const InheritedIds parent{kEdition, kWork};
  EXPECT_EQ(complete_dependent_args(program("chereads-segment"), {"--delay", "2000"}, parent),
            (Args{"--delay", "2000", "--editionId", kEdition}));
  EXPECT_EQ(complete_dependent_args(program("readnovel-segment"), {"--limit", "5"}, parent),
            (Args{"--limit", "5", "--edition", kEdition}));
}

TEST(DependentArgs, ArgumentsThatAlreadyParseAreKeptAsGiven) {
  const InheritedIds parent{kEdition, kWork};
  const Args own{"--editionId", kOwnEdition};
  EXPECT_EQ(complete_dependent_args(program("chereads-segment"), own, parent), own);
  // Segment ids given explicitly: adding --edition would be refused ("not both").
  const Args segments{kOwnEdition};
  EXPECT_EQ(complete_dependent_args(program("readnovel-segment"), segments, parent), segments);
}

TEST(DependentArgs, BulkDownloadTakesTheEditionElseTheWork) {
  testing::ScopedEnv key("OPENSUBTITLES_API_KEY", "dependent-args-test-key");
  const Args args{"--seriesName", "Solo Leveling"};
  EXPECT_EQ(complete_dependent_args(program("bulk-download-subtitles"), args, {kEdition, kWork}),
            (Args{"--seriesName", "Solo Leveling", "--editionId", kEdition}));
  EXPECT_EQ(complete_dependent_args(program("bulk-download-subtitles"), args, {std::nullopt, kWork}),
            (Args{"--seriesName", "Solo Leveling", "--workId", kWork}));
}

TEST(DependentArgs, NothingToInheritOrStillWrongIsRefused) {
  EXPECT_FALSE(complete_dependent_args(program("chereads-segment"), {"--delay", "2000"}, {}).has_value());
  // The parent's edition does not repair a bad argument of the dependent's own.
  EXPECT_FALSE(
      complete_dependent_args(program("chereads-segment"), {"--delay", "soon"}, {kEdition, kWork}).has_value());
  // A program with no edition/work option inherits nothing.
  EXPECT_FALSE(complete_dependent_args(program("readnovel-api"), {}, {kEdition, kWork}).has_value());
}

TEST(DependentArgs, TheSegmentProgramsNameTheOptionsTheyInherit) {
  EXPECT_EQ(program("chereads-segment").edition_option, "--editionId");
  EXPECT_EQ(program("readnovel-segment").edition_option, "--edition");
  EXPECT_EQ(program("bulk-download-subtitles").work_option, "--workId");
  EXPECT_TRUE(program("try-run").edition_option.empty());
}

TEST(DependentArgs, EachScraperNamesTheHostsItRequests) {
  testing::ScopedEnv base("CHEREADS_BASE", "http://127.0.0.1:8081");
  EXPECT_EQ(program("chereads-segment").hosts(), (std::vector<std::string>{"127.0.0.1"}));
  testing::ScopedEnv bad("CHEREADS_BASE", "ftp://nowhere");
  EXPECT_TRUE(program("chereads-work").hosts().empty()) << "a bad variable names no host";
  EXPECT_FALSE(program("try-run").hosts) << "try-run requests nothing";
}

}  // namespace
}  // namespace scrapers::registry
