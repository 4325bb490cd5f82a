// bulk-download-subtitles end to end: the real binary against the fixture server's
// OpenSubtitles emulator and a fresh PostgreSQL database.
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/util/sha256.hpp"
#include "tests/integration/opensubtitles/opensubtitles_e2e.hpp"

namespace scrapers::opensubtitles::e2e {
namespace {

using Env = std::vector<std::pair<std::string, std::string>>;

Env api_env(Env extra = {}) {
  extra.emplace_back("OPENSUBTITLES_API_KEY", kApiKey);
  return extra;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string fixture(const std::string& name) {
  return read_file(scrapers::testing::fixtures_dir() / "opensubtitles" / "files" / name);
}

std::string fixture_api(const std::string& name) {
  return read_file(scrapers::testing::fixtures_dir() / "opensubtitles" / "api" / name);
}

ProcessResult bulk(ScraperHarness& h, const std::vector<std::string>& args, const Env& env = api_env()) {
  std::vector<std::string> all{"--seriesName", "Solo Leveling", "--delay", "0"};
  all.insert(all.end(), args.begin(), args.end());
  return h.run("bulk-download-subtitles", all, env);
}

class BulkDownloadE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    SCRAPERS_REQUIRE_E2E();
    h = std::make_unique<ScraperHarness>(std::vector<std::string>{"opensubtitles"});
    show = prepare_show(*h);
  }
  std::string subtitle_count() {
    return scalar(*h, "SELECT count(*) FROM segment_assets WHERE role = 'subtitle'");
  }
  std::unique_ptr<ScraperHarness> h;
  PreparedShow show;
};

TEST_F(BulkDownloadE2e, StoresRegistersAndLinksTheBestSubtitles) {
  const ProcessResult result = bulk(*h, {"--editionId", show.season1, "--limit", "4"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto rows = h->db().query(
      "SELECT s.number::text, a.r2_key, a.content_type, a.asset_type, a.bytes::text, a.sha256, a.upload_source "
      "FROM segment_assets sa JOIN segments s ON s.id = sa.segment_id JOIN assets a ON a.id = sa.asset_id "
      "WHERE sa.role = 'subtitle' ORDER BY s.number");
  ASSERT_EQ(rows.size(), 4u);
  const std::string prefix = "raw/anime/" + show.work_id + "/" + show.season1 + "/episode-";
  EXPECT_EQ(rows[0][1], prefix + "1/[SubsPlease] Solo Leveling - 01 (1080p).en.srt");
  EXPECT_EQ(rows[0][2], "text/plain");
  EXPECT_EQ(rows[1][1], prefix + "2/[Erai-raws] Solo Leveling - 02 [1080p].en.srt");  // trusted beats MT/AI
  EXPECT_EQ(rows[2][1], prefix + "3/Solo.Leveling.S01E03.vtt");                       // empty files skipped
  EXPECT_EQ(rows[2][2], "text/vtt");
  const std::string hostile = rows[3][1].value_or("");  // "../../evil/../x.srt" from the API
  ASSERT_EQ(hostile.rfind(prefix + "4/", 0), 0u) << hostile;
  EXPECT_EQ(hostile.find('/', prefix.size() + 2), std::string::npos) << hostile;
  for (const auto& row : rows) {
    EXPECT_EQ(row[3], "raw_subtitle");
    EXPECT_EQ(row[6], "pipeline");
  }
  const std::string stored = read_file(h->asset_dir() / *rows[0][1]);
  EXPECT_EQ(stored, fixture("solo.leveling.s01e01.en.srt"));  // BOM and all, untouched
  EXPECT_EQ(rows[0][4], std::to_string(stored.size()));
  EXPECT_EQ(rows[0][5], sha256_hex(stored));
  EXPECT_TRUE(std::filesystem::exists(h->asset_dir() / hostile));

  const auto job = h->last_job();
  EXPECT_EQ(job[0], "success");
  EXPECT_EQ(job[5], show.work_id);
  EXPECT_EQ(job[6], show.season1);
  const json input = last_input(*h);
  EXPECT_EQ(input, json({{"seriesName", "Solo Leveling"},
                         {"languages", "en"},
                         {"scriptType", "bulk-download-subtitles"},
                         {"delay", 0},
                         {"limit", 4}}));
  const json output = last_output(*h);
  EXPECT_EQ(output["total"], 4);  // what --limit let the run set out to do
  EXPECT_EQ(output["success"], 4);
  EXPECT_EQ(output["failed"], 0);
  EXPECT_EQ(output["errors"], 0);
  EXPECT_EQ(output["skipped"], 0);
  EXPECT_EQ(output["notAttempted"], 0);
  EXPECT_EQ(output["beyondLimit"], kSeason1Episodes - 4);
  EXPECT_EQ(output["quotaExhausted"], false);

  EXPECT_EQ(emulator_counter(*h, "redirects"), 0);
  EXPECT_EQ(emulator_counter(*h, "link_fetches"), 4);
  EXPECT_EQ(emulator_counter(*h, "link_fetches_with_api_key"), 0);
  for (const auto& text :
       {result.out, result.err, job[2].value_or(""), job[3].value_or(""), job[4].value_or("")}) {
    EXPECT_EQ(text.find(kApiKey), std::string::npos);
  }
}

TEST_F(BulkDownloadE2e, RerunSkipsEpisodesWithSubtitlesWithoutAnyApiCall) {
  ASSERT_EQ(bulk(*h, {"--editionId", show.season1, "--limit", "4"}).exit_code, 0);
  h->server().reset();
  const ProcessResult again = bulk(*h, {"--editionId", show.season1, "--limit", "4"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto api = requests(*h, "/api/v1/");
  for (int episode = 1; episode <= 4; ++episode) {
    EXPECT_EQ(count_containing(api, "episode_number=" + std::to_string(episode) + "&"), 0u) << episode;
  }
  EXPECT_EQ(count_containing(api, "/download"), 0u);
  EXPECT_EQ(count_containing(api, "episode_number=5&"), 1u);
  EXPECT_EQ(subtitle_count(), "4");
  EXPECT_EQ(scalar(*h, "SELECT count(*) FROM assets"), "4");
  const json output = last_output(*h);
  EXPECT_EQ(output["success"], 0);
  EXPECT_EQ(output["alreadyPresent"], 4);
  EXPECT_EQ(output["notFound"], 4);  // episodes 5..8 have no subtitles
  EXPECT_EQ(output["skipped"], 8);
  EXPECT_EQ(output["total"], 4);
  EXPECT_EQ(output["notAttempted"], 0);
  EXPECT_EQ(output["beyondLimit"], 4);
  EXPECT_EQ(h->last_job()[0], "success");
}

TEST_F(BulkDownloadE2e, QuotaStopKeepsTheRunSuccessfulAndLeavesTheRestUntouched) {
  emulator(*h, "POST", "config", {{"downloads_before_406", 2}});
  const ProcessResult result = bulk(*h, {"--editionId", show.season1});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto job = h->last_job();
  EXPECT_EQ(job[0], "success");
  const json output = last_output(*h);
  EXPECT_EQ(output["success"], 2);
  EXPECT_EQ(output["failed"], 0);
  EXPECT_EQ(output["quotaExhausted"], true);
  EXPECT_EQ(output["remaining"], 0);
  EXPECT_EQ(output["quotaResetTime"], "2024-04-23T23:59:59.000Z");
  EXPECT_EQ(output["notAttempted"], kSeason1Episodes - 2);
  EXPECT_EQ(output["total"], kSeason1Episodes);
  EXPECT_EQ(subtitle_count(), "2");
  const auto api = requests(*h, "/api/v1/");
  EXPECT_EQ(count_containing(api, "/download -> 406"), 1u);   // never retried
  EXPECT_EQ(count_containing(api, "episode_number=4&"), 0u);  // nothing after the stop
}

TEST_F(BulkDownloadE2e, QuotaStopBeforeAnyDownloadFailsTheRun) {
  emulator(*h, "POST", "config", {{"downloads_before_406", 0}});
  const ProcessResult result = bulk(*h, {"--editionId", show.season1});
  EXPECT_EQ(result.exit_code, 1);
  const auto job = h->last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("quota"), std::string::npos);
  const json output = last_output(*h);
  EXPECT_EQ(output["quotaExhausted"], true);
  EXPECT_EQ(output["success"], 0);
  EXPECT_EQ(output["notAttempted"], kSeason1Episodes);
  EXPECT_EQ(subtitle_count(), "0");
}

TEST_F(BulkDownloadE2e, FallsBackToTheSequentialNumberWhenTheSeasonNumberingFindsNothing) {
  const ProcessResult result = bulk(*h, {"--editionId", show.season2, "--limit", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto api = requests(*h, "/api/v1/subtitles");
  ASSERT_EQ(api.size(), 2u);
  EXPECT_NE(api[0].find("episode_number=1&"), std::string::npos);
  EXPECT_NE(api[1].find("episode_number=13&"), std::string::npos);
  EXPECT_EQ(scalar(*h, "SELECT content_type FROM assets"), "text/x-ssa");
  EXPECT_EQ(scalar(*h, "SELECT r2_key FROM assets"),
            "raw/anime/" + show.work_id + "/" + show.season2 +
                "/episode-1/[SubsPlease] Solo Leveling S2 - 13 (1080p).en.ass");
  EXPECT_EQ(last_output(*h)["fallbackSearches"], 1);
}

TEST_F(BulkDownloadE2e, TitlesWithoutAnEpisodeCodeAreSkippedAndListed) {
  h->db().exec("UPDATE segments SET title = 'Episode One' WHERE number = 1");
  const ProcessResult result = bulk(*h, {"--editionId", show.season1, "--limit", "2"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json output = last_output(*h);
  EXPECT_EQ(output["withoutEpisodeCode"], 1);
  ASSERT_EQ(output["skippedTitles"].size(), 1u);
  EXPECT_EQ(output["skippedTitles"][0]["title"], "Episode One");
  ASSERT_EQ(output["skippedItems"].size(), 1u);
  EXPECT_EQ(output["skippedItems"][0]["number"], "1");
  EXPECT_EQ(output["success"], 2);  // episodes 2 and 3: the skipped episode 1 uses no --limit slot
  EXPECT_EQ(output["skipped"], 1);
  EXPECT_EQ(output["total"], 2);
  EXPECT_EQ(output["notAttempted"], 0);
  EXPECT_EQ(output["beyondLimit"], kSeason1Episodes - 3);
  EXPECT_EQ(count_containing(requests(*h, "/api/v1/subtitles"), "episode_number=1&"), 0u);
  EXPECT_EQ(requests(*h, "/api/v1/subtitles").size(), 2u);
}

TEST_F(BulkDownloadE2e, WorkIdCoversEveryAnimeEditionInOrder) {
  const ProcessResult result = bulk(*h, {"--workId", show.work_id, "--limit", "13"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json output = last_output(*h);
  EXPECT_EQ(output["total"], 13);
  EXPECT_EQ(output["beyondLimit"], kEpisodes - 13);
  EXPECT_EQ(output["success"], 5);   // S1 E1-E4 and S2 E1 (via the fallback)
  EXPECT_EQ(output["notFound"], 8);  // S1 E5-E12
  EXPECT_EQ(output["editions"], 2);
  const auto job = h->last_job();
  EXPECT_EQ(job[5], show.work_id);
  EXPECT_EQ(job[6], show.season2);  // two editions: edition_id follows the edition being processed
}

TEST_F(BulkDownloadE2e, WorkIdRunRecordsTheFirstEditionOnceItsFirstEpisodeIsProcessed) {
  const ProcessResult result = bulk(*h, {"--workId", show.work_id, "--limit", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(h->last_job()[6], show.season1);
}

// Logging in was asked for; a login that fails in any way must not turn into anonymous downloads.
void expect_login_failure_stops_the_run(ScraperHarness& h, int status, const std::string& body) {
  auto rule = scrapers::testing::parse_fault_rule({{"path", "/api/v1/login"},
                                                   {"fault", "status"},
                                                   {"status", status},
                                                   {"body", body},
                                                   {"content_type", "application/json"}});
  ASSERT_TRUE(rule.ok());
  h.server().add_fault(*rule);
  const ProcessResult result = bulk(
      h, {"--editionId", scalar(h, "SELECT id FROM editions WHERE provider = 'opensubtitles-s1'")},
      api_env({{"OPENSUBTITLES_USERNAME", "demo-user"}, {"OPENSUBTITLES_PASSWORD", "pa55-word-e2e"}}));
  EXPECT_EQ(result.exit_code, 1);
  const auto job = h.last_job();
  ASSERT_FALSE(job.empty());
  EXPECT_EQ(job[0], "failed");
  const std::string error = job[2].value_or("");
  EXPECT_NE(error.find("login failed"), std::string::npos) << error;
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  EXPECT_EQ(requests(h, "/api/v1/login").size(), 1u);
  EXPECT_EQ(requests(h, "/api/v1/subtitles").size(), 0u);
  EXPECT_EQ(requests(h, "/api/v1/download").size(), 0u);
  EXPECT_EQ(requests(h, "/download/").size(), 0u);
  EXPECT_EQ(last_output(h)["success"], 0);
  EXPECT_EQ(last_output(h)["notAttempted"], kSeason1Episodes);
  for (const auto& text : {result.out, result.err, error, job[4].value_or("")}) {
    EXPECT_EQ(text.find("pa55-word-e2e"), std::string::npos);
  }
}

TEST_F(BulkDownloadE2e, LoginServerErrorFailsTheRunWithoutAnonymousDownloads) {
  expect_login_failure_stops_the_run(*h, 500, R"({"message":"Internal server error","status":500})");
}

TEST_F(BulkDownloadE2e, LoginRejectedAsBadRequestFailsTheRunWithoutAnonymousDownloads) {
  expect_login_failure_stops_the_run(*h, 400, fixture_api("login-400-email.json"));
}

TEST_F(BulkDownloadE2e, MalformedLoginAnswerFailsTheRunWithoutAnonymousDownloads) {
  expect_login_failure_stops_the_run(*h, 200, R"({"user":{"allowed_downloads":100}})");
}

TEST_F(BulkDownloadE2e, NothingFoundForAnyEpisodeIsReportedAndWarned) {
  h->db().exec("DELETE FROM segments WHERE number <= 4");
  const ProcessResult result = bulk(*h, {"--editionId", show.season1, "--limit", "2"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(h->last_job()[0], "success");
  const json output = last_output(*h);
  EXPECT_EQ(output["notFound"], 2);
  EXPECT_EQ(output["success"], 0);
  EXPECT_EQ(output["nothingFound"], true);
  EXPECT_NE(result.err.find("WARN"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("no subtitle was found for any"), std::string::npos) << result.err;
}

TEST_F(BulkDownloadE2e, SomethingFoundIsNotReportedAsNothingFound) {
  const ProcessResult result = bulk(*h, {"--editionId", show.season1, "--limit", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(last_output(*h)["nothingFound"], false);
  EXPECT_EQ(result.err.find("no subtitle was found for any"), std::string::npos) << result.err;
}

TEST_F(BulkDownloadE2e, DatabaseFailureWhileResolvingTheEditionFailsACreatedJob) {
  h->db().exec("ALTER TABLE editions RENAME COLUMN provider TO provider_renamed");
  const std::size_t jobs_before = h->job_count();
  const ProcessResult result = bulk(*h, {"--editionId", show.season1});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  ASSERT_EQ(h->job_count(), jobs_before + 1);
  const auto job = h->last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("cannot look up edition " + show.season1), std::string::npos)
      << job[2].value_or("");
  EXPECT_EQ(last_input(*h)["scriptType"], "bulk-download-subtitles");
  EXPECT_EQ(requests(*h, "/api/v1/").size(), 0u);
}

TEST_F(BulkDownloadE2e, LoginSendsLaterCallsToTheNamedHostWithTheToken) {
  const ProcessResult result = bulk(
      *h, {"--editionId", show.season1, "--limit", "1"},
      api_env({{"OPENSUBTITLES_USERNAME", "demo-user"}, {"OPENSUBTITLES_PASSWORD", "pa55-word-e2e"}}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(emulator_counter(*h, "logins"), 1);
  EXPECT_EQ(emulator_counter(*h, "unauthorized"), 0);
  const auto logged = h->server().requests();
  bool searched_with_token = false;
  for (const auto& r : logged) {
    if (r.path == "/api/v1/subtitles") {
      EXPECT_EQ(r.header("Host").rfind("127.0.0.1:", 0), 0u) << r.header("Host");
      searched_with_token = r.header("Authorization").rfind("Bearer emulated-token-", 0) == 0;
    }
    if (r.path.rfind("/download/", 0) == 0) {
      EXPECT_EQ(r.header("Authorization"), "");
    }
  }
  EXPECT_TRUE(searched_with_token);
  EXPECT_EQ(last_output(*h)["loggedIn"], true);
  const auto job = h->last_job();
  for (const auto& text :
       {result.out, result.err, job[2].value_or(""), job[3].value_or(""), job[4].value_or("")}) {
    EXPECT_EQ(text.find("pa55-word-e2e"), std::string::npos);
    EXPECT_EQ(text.find("emulated-token-"), std::string::npos);
  }
}

TEST_F(BulkDownloadE2e, RefusedLoginFailsFast) {
  emulator(*h, "POST", "config", {{"fail_login", true}});
  const ProcessResult result = bulk(
      *h, {"--editionId", show.season1},
      api_env({{"OPENSUBTITLES_USERNAME", "demo-user"}, {"OPENSUBTITLES_PASSWORD", "wrong"}}));
  EXPECT_EQ(result.exit_code, 1);
  const auto job = h->last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("credentials"), std::string::npos) << job[2].value_or("");
  EXPECT_EQ(requests(*h, "/api/v1/subtitles").size(), 0u);
  EXPECT_EQ(last_output(*h)["notAttempted"], kSeason1Episodes);
}

TEST_F(BulkDownloadE2e, ForbiddenKeyFailsFastWithoutRetries) {
  auto rule = scrapers::testing::parse_fault_rule({{"path", "/api/v1/subtitles"},
                                                   {"fault", "status"},
                                                   {"status", 403},
                                                   {"body", R"({"message":"You cannot consume this service"})"}});
  ASSERT_TRUE(rule.ok());
  h->server().add_fault(*rule);
  const ProcessResult result = bulk(*h, {"--editionId", show.season1});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(h->last_job()[0], "failed");
  EXPECT_NE(h->last_job()[2].value_or("").find("403"), std::string::npos);
  EXPECT_EQ(requests(*h, "/api/v1/subtitles").size(), 1u);
}

TEST_F(BulkDownloadE2e, RateLimitIsWaitedOutAndRetried) {
  emulator(*h, "POST", "config", {{"throttle_next", 1}, {"retry_after", 1}});
  const ProcessResult result = bulk(*h, {"--editionId", show.season1, "--limit", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto api = requests(*h, "/api/v1/subtitles");
  ASSERT_EQ(api.size(), 2u);
  EXPECT_NE(api[0].find("-> 429"), std::string::npos);
  EXPECT_NE(api[1].find("-> 200"), std::string::npos);
  EXPECT_EQ(last_output(*h)["success"], 1);
}

TEST_F(BulkDownloadE2e, ExpiredLinkIsRequestedOnceMore) {
  emulator(*h, "POST", "config", {{"expire_next_links", 1}});
  const ProcessResult result = bulk(*h, {"--editionId", show.season1, "--limit", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(last_output(*h)["linksRequested"], 2);
  EXPECT_EQ(count_containing(requests(*h, "/api/v1/download"), "-> 200"), 2u);
  EXPECT_EQ(subtitle_count(), "1");
}

TEST_F(BulkDownloadE2e, MissingApiKeyOrUnknownEditionAreRefused) {
  const ProcessResult no_key = bulk(*h, {"--editionId", show.season1}, {});
  EXPECT_EQ(no_key.exit_code, 2);
  EXPECT_NE(no_key.err.find("OPENSUBTITLES_API_KEY"), std::string::npos);
  const std::size_t jobs = h->job_count();
  EXPECT_EQ(jobs, 1u);  // only prepare_show's
  const ProcessResult unknown = bulk(*h, {"--editionId", "7d1f0b2a-3c4e-4f5a-8b6c-9d0e1f2a3b4c"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(h->last_job()[0], "failed");
  EXPECT_NE(h->last_job()[2].value_or("").find("does not exist"), std::string::npos);
}

TEST_F(BulkDownloadE2e, InterruptMidDownloadFailsTheJobAndRegistersNothingHalfway) {
  auto rule = scrapers::testing::parse_fault_rule(
      {{"path", "/download/5A3F0C9E1B7D2A4C/subfile/solo.leveling.s01e01.en.srt"},
       {"fault", "delay"},
       {"delay_ms", 5000}});
  ASSERT_TRUE(rule.ok());
  h->server().add_fault(*rule);
  auto process = h->start("bulk-download-subtitles",
                          {"--editionId", show.season1, "--seriesName", "Solo Leveling", "--delay", "0"},
                          api_env());
  bool reached = false;
  for (int i = 0; i < 200 && !reached; ++i) {
    for (const auto& r : h->server().requests()) reached = reached || r.path.rfind("/download/", 0) == 0;
    if (!reached) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  ASSERT_TRUE(reached);
  process.send_signal(SIGINT);
  const ProcessResult result = process.wait(std::chrono::milliseconds(20000));
  EXPECT_EQ(result.exit_code, 130) << result.err;
  const auto job = h->last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("interrupted"), std::string::npos);
  EXPECT_EQ(scalar(*h, "SELECT count(*) FROM assets"), "0");
  EXPECT_EQ(subtitle_count(), "0");
}

}  // namespace
}  // namespace scrapers::opensubtitles::e2e
