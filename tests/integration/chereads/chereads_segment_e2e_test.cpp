// chereads-segment end to end: the real binary against the fixture server, a fresh
// PostgreSQL database and a temporary asset directory.
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/util/sha256.hpp"
#include "tests/integration/chereads/chereads_e2e.hpp"

namespace scrapers::chereads::e2e {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

std::string count(ScraperHarness& h, const std::string& sql, const std::vector<testing::SqlValue>& params = {}) {
  return h.db().scalar(sql, params).value_or("<null>");
}

ProcessResult run_segments(ScraperHarness& h, const std::string& edition, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"--editionId=" + edition, "--delay=0"};
  args.insert(args.end(), extra.begin(), extra.end());
  return h.run("chereads-segment", args);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> chapter_requests(ScraperHarness& h) {
  return request_paths(h, std::string("/novel/") + kBookJson + "/");
}

TEST(ChereadsSegmentE2e, ReadableChaptersAreStoredLockedOnesCountedAndTheShortOneFails) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  ASSERT_FALSE(edition.empty());
  h.server().reset();
  const ProcessResult result = run_segments(h, edition);
  EXPECT_EQ(result.exit_code, 1) << "one chapter failed (too short)\n" << result.err;

  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed") << "a failed chapter fails the job";
  EXPECT_EQ(job[2].value_or("").rfind("1 of ", 0), 0u) << job[2].value_or("");
  EXPECT_EQ(job[6], edition);
  EXPECT_EQ(job[5], kWorkId);
  const json input = last_input(h);
  EXPECT_EQ(input["scriptType"], "scrape-chereads-segment");
  EXPECT_EQ(input["startChapter"], 1);
  EXPECT_EQ(input["endChapter"], 999999);
  EXPECT_EQ(input["delay"], 0);
  const json output = last_output(h);
  EXPECT_EQ(output["totalSegments"], kChapters);
  EXPECT_EQ(output["success"], kReadable);
  EXPECT_EQ(output["errors"], 1);
  EXPECT_EQ(output["locked"], 4);
  EXPECT_EQ(output["skipped"], 4);
  EXPECT_EQ(output["blocked"], 0);
  EXPECT_EQ(output["total"], kChapters);
  EXPECT_EQ(output["failed"], 1);
  ASSERT_EQ(output["failures"].size(), 1u);
  EXPECT_EQ(output["failures"][0]["number"], "12");
  EXPECT_NE(output["failures"][0]["reason"].get<std::string>().find("too short"), std::string::npos);
  EXPECT_EQ(chapter_requests(h).size(), kChapters);

  EXPECT_EQ(count(h,
                  "SELECT count(*) FROM assets WHERE asset_type = 'cleaned_text' AND content_type = 'text/html; charset=utf-8'"
                  " AND upload_source = 'pipeline'"),
            std::to_string(kReadable));
  EXPECT_EQ(count(h, "SELECT count(*) FROM segment_assets WHERE role = 'content'"), std::to_string(kReadable));
  EXPECT_EQ(count(h,
                  "SELECT count(*) FROM segment_assets sa JOIN segments s ON s.id = sa.segment_id"
                  " WHERE s.number >= 12"),
            "0");
}

TEST(ChereadsSegmentE2e, StoredDocumentIsTheCleanChapterUnderTheSharedKeyWithMatchingHash) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  ASSERT_EQ(run_segments(h, edition, {"--start=1", "--end=1"}).exit_code, 0);
  const auto rows = h.db().query(
      "SELECT a.r2_key, a.bytes, a.sha256 FROM assets a JOIN segment_assets sa ON sa.asset_id = a.id"
      " JOIN segments s ON s.id = sa.segment_id WHERE s.number = 1");
  ASSERT_EQ(rows.size(), 1u);
  const std::string key = rows[0][0].value_or("");
  EXPECT_EQ(key, "raw/novel/" + std::string(kWorkId) + "/" + edition +
                     "/number-0001/chapter-1-light-at-the-end-of-the-wick.html");
  const std::string document = read_file(h.asset_dir() / key);
  ASSERT_FALSE(document.empty());
  EXPECT_EQ(std::to_string(document.size()), rows[0][1].value_or(""));
  EXPECT_EQ(sha256_hex(document), rows[0][2].value_or(""));
  EXPECT_NE(document.find("<h1>Chapter 1 - Light at the End of the Wick</h1>"), std::string::npos);
  EXPECT_NE(document.find("he wick hissed once"), std::string::npos) << "body text is there (curly quotes intact)";
  EXPECT_EQ(document.find("**Chapter 1"), std::string::npos) << "the repeated heading was dropped";
  EXPECT_EQ(document.find("<script"), std::string::npos);
}

TEST(ChereadsSegmentE2e, RangeAndLimitDecideWhichChaptersAreFetched) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  h.server().reset();
  ASSERT_EQ(run_segments(h, edition, {"--start=10", "--end=11"}).exit_code, 0);
  EXPECT_EQ(chapter_requests(h).size(), 3u) << "10, 10.5 and 11";
  EXPECT_EQ(last_output(h)["totalSegments"], 3);
  EXPECT_EQ(count(h,
                  "SELECT string_agg(s.number::text, ',' ORDER BY s.number) FROM segments s"
                  " JOIN segment_assets sa ON sa.segment_id = s.id"),
            "10,10.5,11");
  h.server().reset();
  ASSERT_EQ(run_segments(h, edition, {"--start=1", "--end=9", "--limit=2"}).exit_code, 0);
  EXPECT_EQ(chapter_requests(h).size(), 2u);
  const json output = last_output(h);
  EXPECT_EQ(output["success"], 2);
  EXPECT_EQ(output["notAttempted"], 7);
  EXPECT_EQ(last_input(h)["limit"], 2);
}

TEST(ChereadsSegmentE2e, RerunRequestsOnlyChaptersWithoutAnAsset) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  run_segments(h, edition);
  const std::string assets_before = count(h, "SELECT count(*) FROM assets");
  h.server().reset();
  run_segments(h, edition);
  // The short chapter 12 and the four locked ones are the only ones still without content.
  EXPECT_EQ(chapter_requests(h).size(), kChapters - kReadable);
  const json output = last_output(h);
  EXPECT_EQ(output["success"], 0);
  EXPECT_EQ(output["skipped"], kReadable + 4);
  EXPECT_EQ(count(h, "SELECT count(*) FROM assets"), assets_before);
}

TEST(ChereadsSegmentE2e, ThreeBlockedAnswersInARowStopTheRun) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  h.server().reset();
  scrapers::testing::FaultRule challenge;
  challenge.path = std::string("/novel/") + kBookJson + "/*";
  challenge.fault = "challenge";
  h.server().add_fault(challenge);
  const ProcessResult result = run_segments(h, edition);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(chapter_requests(h).size(), 3u);
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("blocking"), std::string::npos) << job[2].value_or("");
  const json output = last_output(h);
  EXPECT_EQ(output["blocked"], 3);
  EXPECT_EQ(output["notAttempted"], kChapters - 3);
  EXPECT_EQ(count(h, "SELECT count(*) FROM assets"), "0");
}

TEST(ChereadsSegmentE2e, SegmentsWithoutUrlOrOffTheSiteAreSkippedUnfetchedAndDoNotUseUpTheLimit) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  h.db().exec("UPDATE segments SET canonical_url = NULL WHERE number = 1");
  h.db().exec("UPDATE segments SET canonical_url = 'http://192.0.2.1/novel/1/2' WHERE number = 2");
  h.server().reset();
  const ProcessResult result = run_segments(h, edition, {"--start=1", "--end=4", "--limit=1"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(chapter_requests(h),
            std::vector<std::string>{std::string("/novel/") + kBookJson + "/86954917348045544"});
  const json output = last_output(h);
  EXPECT_EQ(output["success"], 1);
  EXPECT_EQ(output["skipped"], 2);
  EXPECT_EQ(output["errors"], 0);
  EXPECT_EQ(output["notAttempted"], 1) << "chapter 4, left over by --limit=1";
  EXPECT_TRUE(output["failures"].empty()) << output["failures"];
  ASSERT_EQ(output["skippedItems"].size(), 2u) << output;
  EXPECT_EQ(output["skippedItems"][0]["number"], "1");
  EXPECT_EQ(output["skippedItems"][0]["reason"], "no url");
  EXPECT_EQ(output["skippedItems"][1]["number"], "2");
  EXPECT_NE(output["skippedItems"][1]["reason"].get<std::string>().find("CHEREADS_BASE"), std::string::npos);
}

TEST(ChereadsSegmentE2e, AssetKeyFollowsTheCatalogTitleWhileTheDocumentShowsThePageTitle) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  h.db().exec("UPDATE segments SET title = 'Chapter 1 - Catalog Name' WHERE number = 1");
  ASSERT_EQ(run_segments(h, edition, {"--start=1", "--end=1"}).exit_code, 0);
  const std::string key = count(h,
                                "SELECT a.r2_key FROM assets a JOIN segment_assets sa ON sa.asset_id = a.id"
                                " JOIN segments s ON s.id = sa.segment_id WHERE s.number = 1");
  EXPECT_EQ(key, "raw/novel/" + std::string(kWorkId) + "/" + edition + "/number-0001/chapter-1-catalog-name.html");
  const std::string document = read_file(h.asset_dir() / key);
  EXPECT_NE(document.find("<h1>Chapter 1 - Light at the End of the Wick</h1>"), std::string::npos) << document;
}

TEST(ChereadsSegmentE2e, DatabaseFailureLookingUpTheEditionFailsTheJobWithoutIds) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  const std::size_t jobs_before = h.job_count();
  h.db().exec("ALTER TABLE editions RENAME COLUMN provider TO provider_moved");
  h.server().reset();
  const ProcessResult result = run_segments(h, edition);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  ASSERT_EQ(h.job_count(), jobs_before + 1) << "the failure is recorded as a job";
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("cannot look up edition " + edition), std::string::npos)
      << job[2].value_or("");
  EXPECT_FALSE(job[5].has_value());
  EXPECT_FALSE(job[6].has_value());
  EXPECT_TRUE(request_paths(h).empty());
}

TEST(ChereadsSegmentE2e, UnknownEditionFailsTheJobWithoutIds) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const ProcessResult result = run_segments(h, "00000000-0000-4000-8000-000000000001");
  EXPECT_EQ(result.exit_code, 1);
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("does not exist"), std::string::npos) << job[2].value_or("");
  EXPECT_FALSE(job[5].has_value());
  EXPECT_FALSE(job[6].has_value());
  EXPECT_TRUE(request_paths(h).empty());
}

TEST(ChereadsSegmentE2e, BadArgumentsExitTwoBeforeAnyJobRow) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--editionId=nope"},
                                               {std::string("--editionId=") + kWorkId, "--start=0"},
                                               {std::string("--editionId=") + kWorkId, "--start=5", "--end=2"},
                                               {std::string("--editionId=") + kWorkId, "--delay=-5"}}) {
    const ProcessResult result = h.run("chereads-segment", args);
    EXPECT_EQ(result.exit_code, 2) << args.back();
  }
  EXPECT_EQ(h.job_count(), 0u);
}

TEST(ChereadsSegmentE2e, DelaySpacesChapterRequestsOnTheMonotonicClock) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  auto arrivals = std::make_shared<ArrivalClock::Arrivals>();
  h.server().add_emulator(std::make_unique<ArrivalClock>(arrivals));
  const ProcessResult result = h.run("chereads-segment",
                                     {"--editionId=" + edition, "--delay=250", "--start=1", "--end=3"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::lock_guard lock(arrivals->mutex);
  ASSERT_EQ(arrivals->times.size(), 3u);
  for (std::size_t i = 1; i < arrivals->times.size(); ++i) {
    EXPECT_GE(arrivals->times[i] - arrivals->times[i - 1], 240ms) << "gap before request " << i + 1;
  }
}

TEST(ChereadsSegmentE2e, InterruptMarksTheJobFailedAndLeavesNoHalfRegisteredAsset) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  auto process = h.start("chereads-segment", {"--editionId=" + edition, "--delay=400"});
  ASSERT_TRUE(process.wait_for_output(" stored", 20s)) << process.err_so_far();
  process.send_signal(SIGINT);
  const ProcessResult result = process.wait(30s);
  EXPECT_EQ(result.exit_code, 130) << result.err;
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("interrupted"), std::string::npos) << job[2].value_or("");
  EXPECT_EQ(count(h,
                  "SELECT count(*) FROM assets a WHERE NOT EXISTS"
                  " (SELECT 1 FROM segment_assets sa WHERE sa.asset_id = a.id)"),
            "0");
  for (const auto& row : h.db().query("SELECT r2_key FROM assets")) {
    EXPECT_TRUE(std::filesystem::exists(h.asset_dir() / row[0].value_or(""))) << row[0].value_or("");
  }
  EXPECT_LT(std::stoi(count(h, "SELECT count(*) FROM assets")), static_cast<int>(kReadable));
}

TEST(ChereadsSegmentE2e, InterruptDuringAChapterFetchIsNotCountedAsAChapterFailure) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  const std::string second = count(h, "SELECT canonical_url FROM segments WHERE number = 2");
  ASSERT_EQ(second.rfind(h.server().base_url(), 0), 0u) << second;
  scrapers::testing::FaultRule slow;
  slow.path = second.substr(h.server().base_url().size());
  slow.fault = "delay";
  slow.delay_ms = 5000;
  h.server().add_fault(slow);
  auto process = h.start("chereads-segment", {"--editionId=" + edition, "--delay=0"});
  ASSERT_TRUE(process.wait_for_output(" stored", 20s)) << process.err_so_far();
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (request_paths(h, slow.path).empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  ASSERT_FALSE(request_paths(h, slow.path).empty()) << "chapter 2 was never requested";
  std::this_thread::sleep_for(200ms);  // the fetch is now waiting on the delayed answer
  process.send_signal(SIGINT);
  const ProcessResult result = process.wait(30s);
  EXPECT_EQ(result.exit_code, 130) << result.err;
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("interrupted"), std::string::npos) << job[2].value_or("");
  const json output = last_output(h);
  EXPECT_EQ(output["success"], 1);
  EXPECT_EQ(output["errors"], 0) << output;
  EXPECT_TRUE(output["failures"].empty()) << output["failures"];
  EXPECT_EQ(chapter_requests(h).size(), 2u) << "nothing after the interrupted chapter";
}

}  // namespace
}  // namespace scrapers::chereads::e2e
