// The "new book" flows end to end through the queue: `pipeline-jobs enqueue` a parent
// and a dependent that leaves out its edition or work, then `pipeline-jobs worker` runs
// both against the fixture server. The dependent works on what its parent recorded;
// a parent that fails for good fails the whole chain below it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/e2e_support/scraper_harness.hpp"
#include "tests/integration/chereads/chereads_e2e.hpp"
#include "tests/integration/opensubtitles/opensubtitles_e2e.hpp"

namespace scrapers::testing {
namespace {

using Env = std::vector<std::pair<std::string, std::string>>;
using Words = std::vector<std::string>;

// The job id `pipeline-jobs enqueue …` printed (a failed expectation when it failed).
std::string enqueue(ScraperHarness& h, const Words& args, const Env& env = {}) {
  Words command{"enqueue"};
  command.insert(command.end(), args.begin(), args.end());
  const ProcessResult result = h.run("pipeline-jobs", command, env);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::string id = result.out;
  while (!id.empty() && (id.back() == '\n' || id.back() == '\r')) id.pop_back();
  return id;
}

// One worker until the queue has been idle for a moment.
void run_worker(ScraperHarness& h, const Env& env = {}) {
  const ProcessResult result = h.run(
      "pipeline-jobs", {"worker", "--concurrency", "2", "--poll", "100ms", "--exit-when-idle", "2s"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

struct JobRow {
  std::string status;
  std::string error;
  std::string work_id;
  std::string edition_id;
  nlohmann::json output;
};

JobRow job(ScraperHarness& h, const std::string& id) {
  auto rows = h.db().query(
      "SELECT status, coalesce(error, ''), coalesce(work_id::text, ''), coalesce(edition_id::text, ''), "
      "coalesce(output, 'null'::jsonb)::text FROM pipeline_jobs WHERE id = $1::uuid",
      {id});
  EXPECT_EQ(rows.size(), 1u) << id;
  if (rows.size() != 1) return {};
  return {*rows[0][0], *rows[0][1], *rows[0][2], *rows[0][3], nlohmann::json::parse(*rows[0][4])};
}

TEST(QueueChain, ChereadsWorkThenChereadsSegmentStoresTheChaptersOfTheEditionItsParentCreated) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string parent = enqueue(h, {"chereads-work",
                                         "--url=" + chereads::e2e::list_url(h, chereads::e2e::kBookJson),
                                         "--workId=" + std::string(chereads::e2e::kWorkId)});
  const std::string child = enqueue(
      h, {"--after", parent, "--max-attempts", "1", "chereads-segment", "--delay", "0"});
  run_worker(h);
  const JobRow work = job(h, parent);
  const JobRow segments = job(h, child);
  EXPECT_EQ(work.status, "success") << work.error;
  ASSERT_FALSE(work.edition_id.empty());
  EXPECT_EQ(segments.edition_id, work.edition_id) << "the dependent took its parent's edition";
  EXPECT_EQ(segments.output.value("success", -1), static_cast<int>(chereads::e2e::kReadable))
      << segments.output.dump();
  EXPECT_EQ(*h.db().scalar("SELECT count(*) FROM segment_assets sa JOIN segments s ON s.id = sa.segment_id "
                           "WHERE s.edition_id = $1::uuid",
                           {work.edition_id}),
            std::to_string(chereads::e2e::kReadable));
}

TEST(QueueChain, ReadnovelApiThenReadnovelSegmentFetchesTheListedChapters) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string work_id = h.create_work("The Quiet Lantern");
  const std::string parent = enqueue(h, {"readnovel-api", work_id, "the-quiet-lantern"});
  const std::string child = enqueue(
      h, {"--after", parent, "--max-attempts", "1", "readnovel-segment", "--delay", "0"});
  run_worker(h);
  const JobRow list = job(h, parent);
  const JobRow chapters = job(h, child);
  EXPECT_EQ(list.status, "success") << list.error;
  ASSERT_FALSE(list.edition_id.empty());
  EXPECT_EQ(chapters.edition_id, list.edition_id);
  EXPECT_EQ(chapters.output.value("total", -1), 8) << chapters.output.dump();
  EXPECT_GT(chapters.output.value("success", 0), 0) << chapters.output.dump();
}

TEST(QueueChain, OpensubtitlesWorkThenBulkDownloadTakesTheWork) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h({"opensubtitles"});
  const Env api{{"OPENSUBTITLES_API_KEY", opensubtitles::e2e::kApiKey}};
  const std::string work_id = h.create_work("Solo Leveling");
  const std::string parent = enqueue(
      h, {"opensubtitles-work", "--url", opensubtitles::e2e::show_url(h), "--workId", work_id});
  const std::string child = enqueue(h,
                                    {"--after", parent, "--max-attempts", "1", "bulk-download-subtitles",
                                     "--seriesName", "Solo Leveling", "--delay", "0", "--limit", "2"},
                                    api);
  run_worker(h, api);
  const JobRow show = job(h, parent);
  const JobRow download = job(h, child);
  EXPECT_EQ(show.status, "success") << show.error;
  EXPECT_EQ(download.status, "success") << download.error;
  EXPECT_EQ(download.work_id, work_id) << "no edition recorded by the parent: the work is used";
  EXPECT_EQ(download.output.value("success", -1), 2) << download.output.dump();
}

TEST(QueueChain, AParentThatFailsForGoodFailsEveryJobBelowIt) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string parent = enqueue(h, {"chereads-work",
                                         "--url=" + chereads::e2e::list_url(h, chereads::e2e::kBookUnknown),
                                         "--workId=" + std::string(chereads::e2e::kWorkId)});
  const std::string child = enqueue(h, {"--after", parent, "chereads-segment", "--delay", "0"});
  const std::string grandchild = enqueue(h, {"--after", child, "try-run"});
  run_worker(h);
  const JobRow failed = job(h, parent);
  EXPECT_EQ(failed.status, "failed");
  EXPECT_EQ(*h.db().scalar("SELECT attempt FROM pipeline_jobs WHERE id = $1::uuid", {parent}), "1")
      << "a layout change is not retried";
  EXPECT_EQ(job(h, child).status, "failed");
  EXPECT_EQ(job(h, child).error, "dependency " + parent + " failed");
  EXPECT_EQ(job(h, grandchild).status, "failed");
  EXPECT_EQ(job(h, grandchild).error, "dependency " + child + " failed");
  EXPECT_EQ(*h.db().scalar("SELECT count(*) FROM pipeline_jobs WHERE started_at IS NOT NULL"), "1")
      << "nothing below the failed parent ever ran";
}

}  // namespace
}  // namespace scrapers::testing
