// The command lines of the original worker's docs, end to end: its short options, its
// flag combinations (--workId with --title; --workId with --editionId), any provider
// label it accepted, its single-episode script as --segmentId/--query, and `total`
// counting the episodes a run set out to process.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/integration/opensubtitles/opensubtitles_e2e.hpp"

namespace scrapers::opensubtitles::e2e {
namespace {

using Env = std::vector<std::pair<std::string, std::string>>;

const Env kApiEnv = {{"OPENSUBTITLES_API_KEY", kApiKey}};

class OriginalCommandsE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    SCRAPERS_REQUIRE_E2E();
    h = std::make_unique<ScraperHarness>(std::vector<std::string>{"opensubtitles"});
  }
  ProcessResult bulk(const std::vector<std::string>& args) {
    return h->run("bulk-download-subtitles", args, kApiEnv);
  }
  std::string segment_of(const std::string& edition, int number) {
    return scalar(*h, "SELECT id FROM segments WHERE edition_id = $1 AND number = $2::numeric",
                  {edition, std::to_string(number)});
  }
  std::string subtitle_links() {
    return scalar(*h, "SELECT count(*) FROM segment_assets WHERE role = 'subtitle'");
  }
  std::unique_ptr<ScraperHarness> h;
};

TEST_F(OriginalCommandsE2e, OpensubtitlesWorkShortOptions) {
  const ProcessResult result = h->run("opensubtitles-work",
                                      {"-u", show_url(*h), "-t", "Solo Leveling", "-p", "os-web"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(scalar(*h, "SELECT title FROM works"), "Solo Leveling");
  EXPECT_EQ(scalar(*h, "SELECT string_agg(provider, ',' ORDER BY provider) FROM editions"), "os-web-s1,os-web-s2");
  const std::string work = last_output(*h).value("workId", std::string());
  h->server().reset();
  const ProcessResult again = h->run("opensubtitles-work", {"-u", show_url(*h), "-w", work, "-p", "os-web"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(h->last_job()[5], work);
  EXPECT_EQ(scalar(*h, "SELECT count(*) FROM editions"), "2");
}

TEST_F(OriginalCommandsE2e, BulkDownloadShortOptions) {
  const PreparedShow show = prepare_show(*h);
  const ProcessResult result = bulk(
      {"-e", show.season1, "-s", "Solo Leveling", "-l", "en", "-d", "0", "--limit", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json input = last_input(*h);
  EXPECT_EQ(input["seriesName"], "Solo Leveling");
  EXPECT_EQ(input["languages"], "en");
  EXPECT_EQ(input["delay"], 0);
  EXPECT_EQ(h->last_job()[6], show.season1);
  EXPECT_EQ(last_output(*h)["success"], 1);
  h->server().reset();
  const ProcessResult by_work = bulk({"-w", show.work_id, "-s", "Solo Leveling", "-d", "0", "--limit", "1"});
  ASSERT_EQ(by_work.exit_code, 0) << by_work.err;
  EXPECT_EQ(h->last_job()[5], show.work_id);
}

TEST_F(OriginalCommandsE2e, WorkIdWithTitleUsesTheWorkAndWarnsThatTheTitleIsIgnored) {
  const PreparedShow show = prepare_show(*h);
  const ProcessResult result = h->run(
      "opensubtitles-work", {"--url", show_url(*h), "--workId", show.work_id, "--title", "Another Title"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(scalar(*h, "SELECT count(*) FROM works"), "1");
  EXPECT_EQ(scalar(*h, "SELECT title FROM works"), "Solo Leveling");
  EXPECT_EQ(h->last_job()[0], "success");
  EXPECT_EQ(h->last_job()[5], show.work_id);
  EXPECT_EQ(last_output(*h)["workId"], show.work_id);
  std::size_t warnings = 0;
  for (std::size_t at = result.err.find("'Another Title' ignored"); at != std::string::npos;
       at = result.err.find("'Another Title' ignored", at + 1)) {
    ++warnings;
  }
  EXPECT_EQ(warnings, 1u) << result.err;
}

TEST_F(OriginalCommandsE2e, AnyProviderLabelNamesTheEditionsOnlyNeverAKeyOrPath) {
  const std::string label = "Open Subs/../../é 字幕 \"v2\"";
  const ProcessResult work = h->run("opensubtitles-work",
                                    {"--url", show_url(*h), "--title", "Solo Leveling", "--provider", label});
  ASSERT_EQ(work.exit_code, 0) << work.err;
  EXPECT_EQ(last_input(*h)["provider"], label);
  const std::string edition = scalar(*h, "SELECT id FROM editions WHERE provider = $1", {label + "-s1"});
  ASSERT_NE(edition, "<null>");
  const std::string work_id = scalar(*h, "SELECT work_id FROM editions WHERE id = $1", {edition});
  h->server().reset();
  const ProcessResult result = bulk(
      {"--editionId", edition, "--seriesName", "Solo Leveling", "--delay", "0", "--limit", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string key = scalar(*h, "SELECT r2_key FROM assets");
  EXPECT_EQ(key,
            "raw/anime/" + work_id + "/" + edition + "/episode-1/[SubsPlease] Solo Leveling - 01 (1080p).en.srt");
  EXPECT_EQ(key.find("Subs/"), std::string::npos);
  // Nothing was written anywhere but under the key.
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(h->asset_dir())) {
    if (!entry.is_regular_file()) continue;
    ++files;
    EXPECT_EQ(std::filesystem::relative(entry.path(), h->asset_dir()).generic_string(), key);
  }
  EXPECT_EQ(files, 1u);
}

TEST_F(OriginalCommandsE2e, ProviderWithAControlCharacterOrTooLongIsABadArgument) {
  for (const std::string& label :
       {std::string("os\tweb"), std::string("os\x1b[31m"), std::string(65, 'p'), std::string("   ")}) {
    const ProcessResult result = h->run("opensubtitles-work",
                                        {"--url", show_url(*h), "--title", "Solo Leveling", "--provider", label});
    EXPECT_EQ(result.exit_code, 2) << label;
    EXPECT_NE(result.err.find("--provider"), std::string::npos) << result.err;
  }
  EXPECT_EQ(h->job_count(), 0u);
  EXPECT_EQ(h->run("opensubtitles-work",
                   {"--url", show_url(*h), "--title", "Solo Leveling", "--provider", std::string(64, 'p')})
                .exit_code,
            0);
}

TEST_F(OriginalCommandsE2e, WorkIdWithAnEditionOfThatWorkUsesTheEdition) {
  const PreparedShow show = prepare_show(*h);
  const ProcessResult result = bulk({"--workId", show.work_id, "--editionId", show.season2, "--seriesName",
                                     "Solo Leveling", "--delay", "0", "--limit", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(h->last_job()[5], show.work_id);
  EXPECT_EQ(h->last_job()[6], show.season2);
  EXPECT_EQ(last_output(*h)["editions"], 1);
  EXPECT_EQ(scalar(*h, "SELECT s.edition_id FROM segment_assets sa JOIN segments s ON s.id = sa.segment_id"),
            show.season2);
}

TEST_F(OriginalCommandsE2e, WorkIdWithAnEditionOfAnotherWorkExitsTwoBeforeAnyJobOrRequest) {
  const PreparedShow show = prepare_show(*h);
  const std::string other = h->create_work("Another Show");
  const std::size_t jobs = h->job_count();
  const ProcessResult result = bulk(
      {"--workId", other, "--editionId", show.season1, "--seriesName", "Solo Leveling", "--delay", "0"});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("edition " + show.season1 + " belongs to work " + show.work_id + ", not to --workId " +
                            other),
            std::string::npos)
      << result.err;
  EXPECT_EQ(h->job_count(), jobs);
  EXPECT_TRUE(requests(*h, "/api/").empty());
}

TEST_F(OriginalCommandsE2e, AnAdoptedRowIsEndedFailedWhenTheEditionIsOfAnotherWork) {
  const PreparedShow show = prepare_show(*h);
  const std::string other = h->create_work("Another Show");
  const std::string id = *h->db().scalar(
      "INSERT INTO pipeline_jobs (job_type, status, input) VALUES ('scrape', 'queued', '{}') RETURNING id::text");
  const ProcessResult result = h->run("bulk-download-subtitles",
                                      {"--workId", other, "--editionId", show.season1, "--seriesName", "Solo"},
                                      {{"OPENSUBTITLES_API_KEY", kApiKey}, {"PIPELINE_JOB_ID", id}});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_EQ(h->db().scalar("SELECT status FROM pipeline_jobs WHERE id = $1", {id}), "failed");
  EXPECT_NE(
      h->db().scalar("SELECT error FROM pipeline_jobs WHERE id = $1", {id}).value_or("").find("not to --workId"),
      std::string::npos);
  EXPECT_TRUE(requests(*h, "/api/").empty());
}

TEST_F(OriginalCommandsE2e, SingleEpisodeBySegmentIdAndQueryAsTheOriginalScript) {
  const PreparedShow show = prepare_show(*h);
  const std::string segment = segment_of(show.season1, 2);
  const ProcessResult result = bulk({"--segmentId", segment, "--query", "Solo Leveling", "--delay", "0"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(scalar(*h, "SELECT string_agg(segment_id::text, ',') FROM segment_assets"), segment);
  const auto job = h->last_job();
  EXPECT_EQ(job[0], "success");
  EXPECT_EQ(job[5], show.work_id);
  EXPECT_EQ(job[6], show.season1);
  EXPECT_EQ(scalar(*h, "SELECT segment_id::text FROM pipeline_jobs ORDER BY created_at DESC LIMIT 1"), segment);
  const json input = last_input(*h);
  EXPECT_EQ(input["segmentIds"], json::array({segment}));
  EXPECT_EQ(input["query"], "Solo Leveling");
  EXPECT_EQ(input["seriesName"], "Solo Leveling");
  const json output = last_output(*h);
  EXPECT_EQ(output["total"], 1);
  EXPECT_EQ(output["success"], 1);
  const auto searches = requests(*h, "/api/v1/subtitles");
  ASSERT_EQ(searches.size(), 1u);
  EXPECT_NE(searches[0].find("episode_number=2&"), std::string::npos);
}

TEST_F(OriginalCommandsE2e, QueryReplacesTheSearchText) {
  const PreparedShow show = prepare_show(*h);
  (void)bulk({"--segmentId", segment_of(show.season1, 1), "--seriesName", "Solo Leveling", "--query",
              "Solo Leveling 2024", "--delay", "0"});
  const auto searches = requests(*h, "/api/v1/subtitles");
  ASSERT_FALSE(searches.empty());
  for (const auto& line : searches) {
    EXPECT_NE(line.find("query=solo+leveling+2024&"), std::string::npos) << line;
  }
}

TEST_F(OriginalCommandsE2e, SeveralSegmentIdsInTheGivenOrderOnlyThose) {
  const PreparedShow show = prepare_show(*h);
  const std::string third = segment_of(show.season1, 3);
  const std::string first = segment_of(show.season1, 1);
  const ProcessResult result = bulk({"--segmentId", third, "--segmentId", first, "--segmentId", third,
                                     "--editionId", show.season1, "--seriesName", "Solo Leveling", "--delay",
                                     "0"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto searches = requests(*h, "/api/v1/subtitles");
  ASSERT_EQ(searches.size(), 2u);
  EXPECT_NE(searches[0].find("episode_number=3&"), std::string::npos);
  EXPECT_NE(searches[1].find("episode_number=1&"), std::string::npos);
  EXPECT_EQ(last_output(*h)["total"], 2);
  EXPECT_EQ(subtitle_links(), "2");
}

TEST_F(OriginalCommandsE2e, SegmentOfAnotherEditionOrWorkExitsTwo) {
  const PreparedShow show = prepare_show(*h);
  const std::string in_season2 = segment_of(show.season2, 13);
  const std::size_t jobs = h->job_count();
  const ProcessResult edition = bulk(
      {"--editionId", show.season1, "--segmentId", in_season2, "--seriesName", "Solo Leveling"});
  EXPECT_EQ(edition.exit_code, 2) << edition.err;
  EXPECT_NE(edition.err.find("segment " + in_season2 + " belongs to edition " + show.season2 +
                             ", not to --editionId " + show.season1),
            std::string::npos)
      << edition.err;
  const std::string other = h->create_work("Another Show");
  const ProcessResult work = bulk({"--workId", other, "--segmentId", in_season2, "--seriesName", "Solo Leveling"});
  EXPECT_EQ(work.exit_code, 2) << work.err;
  EXPECT_NE(work.err.find("not to --workId " + other), std::string::npos) << work.err;
  EXPECT_EQ(h->job_count(), jobs);
  EXPECT_TRUE(requests(*h, "/api/").empty());
}

TEST_F(OriginalCommandsE2e, UnknownSegmentFailsTheJobNamingIt) {
  const PreparedShow show = prepare_show(*h);
  const std::string unknown = "00000000-0000-4000-8000-00000000abcd";
  const ProcessResult result = bulk(
      {"--segmentId", segment_of(show.season1, 1), "--segmentId", unknown, "--seriesName", "Solo Leveling"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(h->last_job()[0], "failed");
  EXPECT_NE(h->last_job()[2].value_or("").find("segment " + unknown + " does not exist"), std::string::npos);
  EXPECT_TRUE(requests(*h, "/api/").empty());
}

TEST_F(OriginalCommandsE2e, TotalIsWhatTheRunSetOutToProcessAfterLimitBeforeTheQuotaStop) {
  const PreparedShow show = prepare_show(*h);
  ASSERT_EQ(bulk({"--editionId", show.season1, "--seriesName", "Solo Leveling", "--delay", "0", "--limit", "1"})
                .exit_code,
            0);
  json output = last_output(*h);
  EXPECT_EQ(output["total"], 1);
  EXPECT_EQ(output["notAttempted"], 0);
  EXPECT_EQ(output["beyondLimit"], kSeason1Episodes - 1);
  h->server().reset();
  emulator(*h, "POST", "reset");
  emulator(*h, "POST", "config", {{"downloads_before_406", 2}});
  // Episode 1 already has its subtitle; of the next 5, two are downloaded, then the quota stops the run.
  const ProcessResult result = bulk(
      {"--editionId", show.season1, "--seriesName", "Solo Leveling", "--delay", "0", "--limit", "5"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  output = last_output(*h);
  EXPECT_EQ(output["quotaExhausted"], true);
  EXPECT_EQ(output["alreadyPresent"], 1);
  EXPECT_EQ(output["total"], 5);
  EXPECT_EQ(output["success"], 2);
  EXPECT_EQ(output["notAttempted"], 3);
  EXPECT_EQ(output["beyondLimit"], kSeason1Episodes - 1 - 5);
  EXPECT_EQ(output["total"].get<int>(), output["success"].get<int>() + output["failed"].get<int>() +
                                            output["notFound"].get<int>() + output["notAttempted"].get<int>());
}

}  // namespace
}  // namespace scrapers::opensubtitles::e2e
