// opensubtitles-work end to end: the real binary against the fixture server and a
// fresh PostgreSQL database.
#include <gtest/gtest.h>

#include "tests/integration/opensubtitles/opensubtitles_e2e.hpp"

namespace scrapers::opensubtitles::e2e {
namespace {

TEST(OpensubtitlesWorkE2e, NewWorkGetsOneEditionPerSeasonAndSequentialEpisodes) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const ProcessResult result = h.run("opensubtitles-work", {"--url", show_url(h), "--title", "Solo Leveling"});
  ASSERT_EQ(result.exit_code, 0) << result.err;

  const std::string work_id = scalar(h, "SELECT id FROM works WHERE title = 'Solo Leveling'");
  const auto editions = h.db().query(
      "SELECT provider, media_type, canonical_url, work_id::text FROM editions ORDER BY provider");
  ASSERT_EQ(editions.size(), 2u);
  EXPECT_EQ(editions[0][0], "opensubtitles-s1");
  EXPECT_EQ(editions[1][0], "opensubtitles-s2");
  for (const auto& e : editions) {
    EXPECT_EQ(e[1], "anime");
    EXPECT_EQ(e[2], show_url(h));
    EXPECT_EQ(e[3], work_id);
  }
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM segments WHERE segment_type = 'episode'"), std::to_string(kEpisodes));
  EXPECT_EQ(scalar(h,
                   "SELECT string_agg(number::text, ',' ORDER BY number) FROM segments s JOIN editions e "
                   "ON e.id = s.edition_id WHERE e.provider = 'opensubtitles-s2' AND number < 16"),
            "13,14,15");
  const auto first_s2 = h.db().query("SELECT title, canonical_url FROM segments WHERE number = 13");
  ASSERT_EQ(first_s2.size(), 1u);
  EXPECT_EQ(first_s2[0][0], "S02E01");
  EXPECT_EQ(first_s2[0][1], show_url(h) + "/seasons/2/episodes/1-you-aren-t-e-rank-are-you");
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM segments WHERE title LIKE 'S00%'"), "0");

  const auto job = h.last_job();
  EXPECT_EQ(job[0], "success");
  EXPECT_EQ(job[1], "1");
  EXPECT_EQ(job[5], work_id);
  EXPECT_TRUE(job[7].has_value() && job[8].has_value());
  const json input = last_input(h);
  EXPECT_EQ(input["scriptType"], "scrape-opensubtitles-work");
  EXPECT_EQ(input["url"], show_url(h));
  EXPECT_EQ(input["provider"], "opensubtitles");
  EXPECT_EQ(input["totalSegments"], kEpisodes);
  const json output = last_output(h);
  EXPECT_EQ(output["workId"], work_id);
  EXPECT_EQ(output["seasonCount"], 2);
  EXPECT_EQ(output["totalEpisodes"], kEpisodes);
  EXPECT_EQ(output["total"], kEpisodes);
  EXPECT_EQ(output["success"], kEpisodes);
  EXPECT_EQ(output["failed"], 0);
  ASSERT_EQ(output["skippedSeasons"].size(), 2u);
  EXPECT_EQ(output["skippedSeasons"][0]["header"], "Specials");
  EXPECT_EQ(output["skippedSeasons"][0]["episodes"], 1);
  EXPECT_EQ(output["skippedSeasons"][1]["header"], "Season 3");
  EXPECT_EQ(json::parse(result.out)["totalEpisodes"], kEpisodes);
}

TEST(OpensubtitlesWorkE2e, RerunWithTheWorkIdDuplicatesNothing) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const PreparedShow show = prepare_show(h);
  const ProcessResult again = h.run("opensubtitles-work", {"--url=" + show_url(h), "--workId=" + show.work_id});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM editions"), "2");
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM segments"), std::to_string(kEpisodes));
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM works"), "1");
  const json output = last_output(h);
  EXPECT_EQ(output["inserted"], 0);
  EXPECT_EQ(output["unchanged"], kEpisodes);
  EXPECT_EQ(output["editions"][0]["created"], false);
  EXPECT_EQ(output["editions"][0]["editionId"], show.season1);
  EXPECT_EQ(h.last_job()[5], show.work_id);
  EXPECT_EQ(h.job_count(), 2u);
}

TEST(OpensubtitlesWorkE2e, CustomProviderNamesTheEditions) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string work_id = h.create_work("Solo Leveling");
  const ProcessResult result = h.run("opensubtitles-work",
                                     {"--url", show_url(h), "--workId", work_id, "--provider", "os-web"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(scalar(h, "SELECT string_agg(provider, ',' ORDER BY provider) FROM editions"), "os-web-s1,os-web-s2");
  EXPECT_EQ(last_input(h)["provider"], "os-web");
}

TEST(OpensubtitlesWorkE2e, UnknownWorkIdFailsTheJob) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const ProcessResult result = h.run("opensubtitles-work",
                                     {"--url", show_url(h), "--workId", "7d1f0b2a-3c4e-4f5a-8b6c-9d0e1f2a3b4c"});
  EXPECT_EQ(result.exit_code, 1);
  const auto job = h.last_job();
  ASSERT_FALSE(job.empty());
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("does not exist"), std::string::npos);
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM editions"), "0");
  EXPECT_TRUE(requests(h, "/en/").empty());  // nothing fetched for a work that is not there
}

TEST(OpensubtitlesWorkE2e, ChallengePageFailsAsBlocked) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const ProcessResult result = h.run(
      "opensubtitles-work", {"--url", show_url(h, "/en/tvshows/2015-better-call-saul"), "--title", "BCS"});
  EXPECT_EQ(result.exit_code, 1);
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("challenge"), std::string::npos) << job[2].value_or("");
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM editions"), "0");
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM works"), "0");
}

TEST(OpensubtitlesWorkE2e, UnrecognisedLayoutFailsAsLayoutChanged) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const ProcessResult result = h.run("opensubtitles-work",
                                     {"--url", show_url(h, "/en/tvshows/2019-dr-stone"), "--title", "Dr. Stone"});
  EXPECT_EQ(result.exit_code, 1);
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("#accordion-list"), std::string::npos) << job[2].value_or("");
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM segments"), "0");
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM works"), "0");
}

TEST(OpensubtitlesWorkE2e, BadArgumentsExitTwoWithoutAJob) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::vector<std::vector<std::string>> cases = {
      {"--url", show_url(h)},                                                          // neither id nor title
      {"--url", show_url(h), "--workId", "nope"},                                      // bad UUID
      {"--url", "https://example.org/en/tvshows/2024-solo-leveling", "--title", "X"},  // other host
      {"--url", show_url(h, "/en/tvshows/2024-solo-leveling/seasons/1"), "--title", "X"},
      {"--url", show_url(h), "--title", "X", "--provider", "no\ttabs allowed"},
  };
  for (const auto& args : cases) {
    const ProcessResult result = h.run("opensubtitles-work", args);
    EXPECT_EQ(result.exit_code, 2) << args.back() << ": " << result.err;
  }
  EXPECT_EQ(h.job_count(), 0u);
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM works"), "0");
}

TEST(OpensubtitlesWorkE2e, DatabaseFailureWhileCreatingTheWorkFailsACreatedJob) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  h.db().exec("ALTER TABLE works ADD CONSTRAINT e2e_reject_new_works CHECK (false) NOT VALID");
  const ProcessResult result = h.run("opensubtitles-work", {"--url", show_url(h), "--title", "Solo Leveling"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  ASSERT_EQ(h.job_count(), 1u);
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("cannot create the work 'Solo Leveling'"), std::string::npos)
      << job[2].value_or("");
  EXPECT_FALSE(job[5].has_value());
  EXPECT_EQ(last_input(h)["scriptType"], "scrape-opensubtitles-work");
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM editions"), "0");
  EXPECT_EQ(requests(h, kShowPath).size(), 1u) << "the work is created only after the page was read";
}

TEST(OpensubtitlesWorkE2e, APageThatCannotBeFetchedLeavesNoWorkOnlyAFailedJob) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  scrapers::testing::FaultRule gone;
  gone.path = kShowPath;
  gone.fault = "status";
  gone.status = 404;
  h.server().add_fault(gone);
  for (int run = 0; run < 2; ++run) {
    const ProcessResult result = h.run("opensubtitles-work", {"--url", show_url(h), "--title", "Solo Leveling"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
  }
  ASSERT_EQ(h.job_count(), 2u);
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("404"), std::string::npos) << job[2].value_or("");
  EXPECT_FALSE(job[5].has_value());
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM works"), "0");
}

}  // namespace
}  // namespace scrapers::opensubtitles::e2e
