// Each program reads its own site's base URLs: a bad value is a configuration error
// (exit 2, the variable named, no job row, no request), and another site's variables
// do not concern it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/e2e_support/scraper_harness.hpp"

namespace scrapers::testing {
namespace {

constexpr const char* kUuid = "0b5e3f7a-9c1d-4e2f-8a6b-7c8d9e0f1a2b";

struct Case {
  std::string program;
  std::vector<std::string> args;
  std::vector<std::string> variables;  // the program's own site variables
};

std::vector<Case> cases() {
  const std::string id(kUuid);
  return {
      {"readnovel-api", {id, "some-novel"}, {"READNOVEL_API_BASE", "READNOVEL_SITE_BASE"}},
      {"readnovel-segment", {id}, {"READNOVEL_API_BASE", "READNOVEL_SITE_BASE"}},
      {"chereads-work", {"--url=https://www.chereads.com/chapterlist/1/", "--workId=" + id}, {"CHEREADS_BASE"}},
      {"chereads-segment", {"--editionId=" + id}, {"CHEREADS_BASE"}},
      {"opensubtitles-work",
       {"--url", "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling", "--workId", id},
       {"OPENSUBTITLES_SITE_BASE"}},
      {"bulk-download-subtitles",
       {"--editionId", id, "--seriesName", "Solo Leveling"},
       {"OPENSUBTITLES_SITE_BASE", "OPENSUBTITLES_BASE_URL"}},
  };
}

TEST(SiteConfiguration, ABadBaseUrlExitsTwoNamingTheVariableBeforeAnyJobRow) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  for (const Case& c : cases()) {
    for (const std::string& variable : c.variables) {
      const ProcessResult result = h.run(c.program, c.args,
                                         {{variable, "ftp://not-a-site.example"}, {"OPENSUBTITLES_API_KEY", "k"}});
      EXPECT_EQ(result.exit_code, 2) << c.program << " " << variable << ": " << result.err;
      EXPECT_NE(result.err.find(variable), std::string::npos) << c.program << ": " << result.err;
      EXPECT_EQ(result.err.find("terminate called"), std::string::npos) << result.err;
    }
  }
  EXPECT_EQ(h.job_count(), 0u);
  EXPECT_TRUE(h.server().requests().empty());
}

TEST(SiteConfiguration, TheErrorFoundAfterTheArgumentsIsMarkedAsConfiguration) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const ProcessResult result = h.run("readnovel-segment", {kUuid}, {{"READNOVEL_SITE_BASE", "readnovel.eu"}});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("configuration: READNOVEL_SITE_BASE"), std::string::npos) << result.err;
  EXPECT_EQ(h.job_count(), 0u);
}

TEST(SiteConfiguration, AnotherSitesVariablesDoNotConcernAProgram) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::vector<std::pair<std::string, std::string>> others = {{"CHEREADS_BASE", "not a url"},
                                                                   {"OPENSUBTITLES_SITE_BASE", "not a url"},
                                                                   {"OPENSUBTITLES_BASE_URL", "not a url"}};
  // An unknown work: the job runs and fails (exit 1), it is not refused as configuration.
  const ProcessResult readnovel = h.run("readnovel-api", {kUuid, "some-novel"}, others);
  EXPECT_EQ(readnovel.exit_code, 1) << readnovel.err;
  EXPECT_EQ(h.job_count(), 1u);
  const ProcessResult chereads = h.run("chereads-segment", {std::string("--editionId=") + kUuid},
                                       {{"READNOVEL_API_BASE", "not a url"}});
  EXPECT_EQ(chereads.exit_code, 1) << chereads.err;
  EXPECT_EQ(h.job_count(), 2u);
}

}  // namespace
}  // namespace scrapers::testing
