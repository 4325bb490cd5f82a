// readnovel-segment end to end: the real binary against the fixture server, a fresh
// PostgreSQL database and a temporary asset directory.
//
// The-quiet-lantern fixtures: chapters 1, 2, 7 come from the getchapter API (2 has
// watermark lines and U+FFFD), 3 and 4 from the chapter page after a 404 (3 via
// __NEXT_DATA__, 4 via the #chapterText lines), 5 has an unrecognised page layout,
// 6 is too short, 8 is behind a challenge on both endpoints.
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <mutex>
#include <sstream>

#include "common/util/sha256.hpp"
#include "tests/integration/readnovel/readnovel_e2e.hpp"

namespace scrapers::readnovel::e2e {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kMissingId = "0b5e3f7a-9c1d-4e2f-8a6b-7c8d9e0f1a2b";
constexpr std::size_t kStorable = 5;  // 1, 2, 3, 4, 7

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

ProcessResult run_segments(ScraperHarness& h, std::vector<std::string> args) {
  args.push_back("--delay=0");
  return h.run("readnovel-segment", args);
}

std::string getchapter(int n) { return "/api/getchapter/the-quiet-lantern-" + std::to_string(n) + "/"; }
std::string chapter_page(int n) { return "/chapter/the-quiet-lantern-" + std::to_string(n); }

// Records when each request reaches the fixture server; answers none of them.
struct ArrivalTimes {
  std::mutex mutex;
  std::vector<std::chrono::steady_clock::time_point> times;
};

class ArrivalRecorder : public testing::SiteEmulator {
 public:
  explicit ArrivalRecorder(std::shared_ptr<ArrivalTimes> times) : times_(std::move(times)) {}
  bool handle(const httplib::Request&, httplib::Response&, testing::EmulatorContext&) override {
    std::lock_guard lock(times_->mutex);
    times_->times.push_back(std::chrono::steady_clock::now());
    return false;
  }

 private:
  std::shared_ptr<ArrivalTimes> times_;
};

class ReadnovelSegmentE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    SCRAPERS_REQUIRE_E2E();
    h_ = std::make_unique<ScraperHarness>();
    std::tie(work_, edition_) = import_novel(*h_, kLanternSlug);
    ASSERT_FALSE(edition_.empty());
    ids_ = segments_by_number(*h_, edition_);
    ASSERT_EQ(ids_.size(), kLanternChapters);
    h_->server().reset();
  }

  ScraperHarness& h() { return *h_; }

  std::unique_ptr<ScraperHarness> h_;
  std::string work_;
  std::string edition_;
  std::map<std::string, std::string> ids_;  // number -> segment id
};

TEST_F(ReadnovelSegmentE2e, EditionRunStoresReadableChaptersAndListsEachFailure) {
  const ProcessResult result = run_segments(h(), {"--edition", edition_});
  EXPECT_EQ(result.exit_code, 1) << "three chapters fail\n" << result.err;
  EXPECT_EQ(column(h(), kStatus), "failed") << "failed chapters fail the job";
  EXPECT_EQ(column(h(), kError).rfind("3 of 8 chapters failed (first: number ", 0), 0u) << column(h(), kError);
  const json output = json_column(h(), kOutput);
  EXPECT_EQ(output["totalSegments"], kLanternChapters);
  EXPECT_EQ(output["success"], kStorable);
  EXPECT_EQ(output["skipped"], 0);
  EXPECT_EQ(output["failed"], 3);
  EXPECT_EQ(output["total"], kLanternChapters);
  EXPECT_EQ(output["replacementCharacters"], 3);
  EXPECT_EQ(output["watermarkLines"], 5);
  ASSERT_EQ(output["failures"].size(), 3u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"5", "layout not recognised"}, {"6", "too short"}, {"8", "challenge"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(output["failures"][i]["number"], expected[i].first);
    EXPECT_EQ(output["failures"][i]["segmentId"], ids_[expected[i].first]);
    EXPECT_NE(output["failures"][i]["reason"].get<std::string>().find(expected[i].second), std::string::npos)
        << output["failures"][i]["reason"];
  }
  EXPECT_EQ(scalar(h(),
                   "SELECT string_agg(s.number::text, ',' ORDER BY s.number) FROM segments s "
                   "JOIN segment_assets sa ON sa.segment_id = s.id AND sa.role = 'content'"),
            "1,2,3,4,7");
}

TEST_F(ReadnovelSegmentE2e, JobRecordsInputInNumberOrderAndTheIds) {
  ASSERT_NE(run_segments(h(), {"--edition", edition_}).exit_code, 2);
  const json input = json_column(h(), kInput);
  EXPECT_EQ(input["scriptType"], "scrape-readnovel-segment");
  EXPECT_EQ(input["totalSegments"], kLanternChapters);
  std::vector<std::string> in_order;
  for (int n = 1; n <= 8; ++n) in_order.push_back(ids_[std::to_string(n)]);
  EXPECT_EQ(input["segmentIds"].get<std::vector<std::string>>(), in_order);
  EXPECT_EQ(column(h(), kWorkId), work_);
  EXPECT_EQ(column(h(), kEditionId), edition_);
  EXPECT_EQ(column(h(), kAttempt), "1");
  EXPECT_NE(column(h(), kStartedAt), "<null>");
  EXPECT_NE(column(h(), kFinishedAt), "<null>");
}

TEST_F(ReadnovelSegmentE2e, ApiIsAskedFirstAndThePageOnlyWhenTheApiFails) {
  ASSERT_NE(run_segments(h(), {"--edition", edition_}).exit_code, 2);
  const auto paths = request_paths(h());
  for (int n : {1, 2, 6, 7}) {
    EXPECT_EQ(count_of(paths, getchapter(n)), 1u) << n;
    EXPECT_EQ(count_of(paths, chapter_page(n)), 0u) << n;
  }
  for (int n : {3, 4, 5, 8}) {
    EXPECT_EQ(count_of(paths, getchapter(n)), 1u) << n;
    EXPECT_EQ(count_of(paths, chapter_page(n)), 1u) << n;
  }
  EXPECT_EQ(paths.size(), 12u);
}

TEST_F(ReadnovelSegmentE2e, AssetRowsMatchTheStoredBlobs) {
  ASSERT_NE(run_segments(h(), {"--edition", edition_}).exit_code, 2);
  const auto rows = h().db().query(
      "SELECT a.r2_key, a.sha256, a.bytes::text, a.asset_type, a.content_type, a.upload_source, a.provider, "
      "s.number::text FROM assets a JOIN segment_assets sa ON sa.asset_id = a.id JOIN segments s "
      "ON s.id = sa.segment_id WHERE sa.role = 'content' ORDER BY s.number");
  ASSERT_EQ(rows.size(), kStorable);
  for (const auto& row : rows) {
    const std::string key = *row[0];
    const std::string number = *row[7];
    const std::string padded = std::string(4 - number.size(), '0') + number;
    EXPECT_EQ(key.rfind("raw/novel/" + work_ + "/" + edition_ + "/number-" + padded + "/", 0), 0u) << key;
    EXPECT_EQ(key.substr(key.size() - 5), ".html");
    const std::string blob = read_file(h().asset_dir() / key);
    ASSERT_FALSE(blob.empty()) << key;
    EXPECT_EQ(*row[1], sha256_hex(blob)) << key;
    EXPECT_EQ(*row[2], std::to_string(blob.size())) << key;
    EXPECT_EQ(*row[3], "cleaned_text");
    EXPECT_EQ(*row[4], "text/html; charset=utf-8");
    EXPECT_EQ(*row[5], "pipeline");
    EXPECT_EQ(*row[6], "local");
  }
}

TEST_F(ReadnovelSegmentE2e, StoredDocumentsAreCleanStandaloneHtml) {
  ASSERT_NE(run_segments(h(), {"--edition", edition_}).exit_code, 2);
  auto document = [&](const std::string& number) {
    const auto key = h().db().scalar(
        "SELECT a.r2_key FROM assets a JOIN segment_assets sa ON sa.asset_id = a.id "
        "WHERE sa.segment_id = $1",
        {ids_[number]});
    return key ? read_file(h().asset_dir() / *key) : std::string();
  };
  const std::string two = document("2");
  EXPECT_EQ(two.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(two.find("<meta charset=\"utf-8\" />"), std::string::npos);
  EXPECT_NE(two.find("<title>Chapter 2: Ink and Ash</title>"), std::string::npos);
  EXPECT_NE(two.find("<h1>Chapter 2: Ink and Ash</h1>"), std::string::npos);
  EXPECT_NE(two.find("<p>&lt;Skill: Lantern Sight&gt; has awakened.</p>"), std::string::npos);
  EXPECT_NE(two.find("I didn\uFFFDt say it would be safe"), std::string::npos);
  EXPECT_NE(two.find("fen¹"), std::string::npos);
  for (const char* gone : {"ΒOXΝʘVEL", "ｎｏｖｅｌｆｕｌｌ", "nulli", "webnovel.com", "&amp;lt;"}) {
    EXPECT_EQ(two.find(gone), std::string::npos) << gone;
  }
  const std::string three = document("3");  // from __NEXT_DATA__ after the API's 404
  EXPECT_NE(three.find("<h1>Chapter 3: The Ferryman’s Toll</h1>"), std::string::npos);
  EXPECT_NE(three.find("<p>A board by the landing read: TOLL — 1 coin &amp; 1 secret &lt;no exceptions&gt;.</p>"),
            std::string::npos);
  const std::string four = document("4");  // from the #chapterText lines
  EXPECT_NE(four.find("<h1>Chapter 4: 달빛 아래 — Beneath the Moon</h1>"), std::string::npos);
  EXPECT_NE(four.find("<p>“Someone is putting them out,” she whispered.</p>"), std::string::npos);
  EXPECT_EQ(four.find("adsbygoogle"), std::string::npos);
}

TEST_F(ReadnovelSegmentE2e, SecondRunSkipsStoredSegmentsWithoutRequestsAndAddsNothing) {
  ASSERT_NE(run_segments(h(), {"--edition", edition_}).exit_code, 2);
  h().server().reset();
  std::vector<std::string> all;
  for (int n = 1; n <= 8; ++n) all.push_back(ids_[std::to_string(n)]);
  const ProcessResult again = run_segments(h(), all);
  EXPECT_EQ(again.exit_code, 1) << again.err;
  const json output = json_column(h(), kOutput);
  EXPECT_EQ(output["skipped"], kStorable);
  EXPECT_EQ(output["success"], 0);
  EXPECT_EQ(output["failed"], 3);
  EXPECT_EQ(column(h(), kStatus), "failed") << "every attempted segment failed";
  const auto paths = request_paths(h());
  for (int n : {1, 2, 3, 4, 7}) {
    EXPECT_EQ(count_of(paths, getchapter(n)) + count_of(paths, chapter_page(n)), 0u) << n;
  }
  EXPECT_EQ(scalar(h(), "SELECT count(*) FROM assets"), std::to_string(kStorable));
  EXPECT_EQ(scalar(h(), "SELECT count(*) FROM segment_assets"), std::to_string(kStorable));
}

TEST_F(ReadnovelSegmentE2e, EditionRunAfterwardsTakesOnlyPendingSegments) {
  ASSERT_NE(run_segments(h(), {"--edition", edition_}).exit_code, 2);
  ASSERT_NE(run_segments(h(), {"--edition", edition_}).exit_code, 2);
  const json input = json_column(h(), kInput);
  EXPECT_EQ(input["totalSegments"], 3);
  EXPECT_EQ(input["segmentIds"].get<std::vector<std::string>>(),
            (std::vector<std::string>{ids_["5"], ids_["6"], ids_["8"]}));
}

TEST_F(ReadnovelSegmentE2e, NothingPendingIsSaidAndExitsZeroWithoutAJob) {
  h().db().exec("DELETE FROM segments WHERE number IN (5, 6, 8)");
  ASSERT_EQ(run_segments(h(), {"--edition", edition_}).exit_code, 0);
  const std::size_t jobs = h().job_count();
  const ProcessResult again = run_segments(h(), {"--edition", edition_});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("nothing to do"), std::string::npos) << again.err;
  EXPECT_EQ(h().job_count(), jobs);
}

TEST_F(ReadnovelSegmentE2e, AnEditionWithoutSegmentsFailsAskingForTheChapterListFirst) {
  h().db().query("DELETE FROM segments WHERE edition_id = $1", {edition_});
  const ProcessResult result = run_segments(h(), {"--edition", edition_});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const std::string reason = "edition " + edition_ + " has no segments (run readnovel-api first)";
  EXPECT_NE(result.err.find(reason), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("nothing to do"), std::string::npos) << result.err;
  EXPECT_EQ(column(h(), kStatus), "failed");
  EXPECT_NE(column(h(), kError).find(reason), std::string::npos);
  EXPECT_TRUE(request_paths(h()).empty());
}

TEST_F(ReadnovelSegmentE2e, NothingPendingStillEndsAnAdoptedJobRowWithZeroCounts) {
  h().db().exec("DELETE FROM segments WHERE number IN (5, 6, 8)");
  ASSERT_EQ(run_segments(h(), {"--edition", edition_}).exit_code, 0);
  const std::string id = *h().db().scalar(
      "INSERT INTO pipeline_jobs (job_type, status, input) VALUES ('scrape', 'queued', '{}') RETURNING id::text");
  const ProcessResult adopted = h().run("readnovel-segment", {"--edition", edition_}, {{"PIPELINE_JOB_ID", id}});
  EXPECT_EQ(adopted.exit_code, 0) << adopted.err;
  EXPECT_EQ(h().db().scalar("SELECT status FROM pipeline_jobs WHERE id = $1", {id}), "success");
  EXPECT_EQ(h().db().scalar("SELECT output->>'totalSegments' FROM pipeline_jobs WHERE id = $1", {id}), "0");
}

TEST_F(ReadnovelSegmentE2e, LimitCapsHowManySegmentsAreProcessed) {
  const ProcessResult result = run_segments(h(), {"--edition", edition_, "--limit", "2"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const json output = json_column(h(), kOutput);
  EXPECT_EQ(output["success"], 2);
  EXPECT_EQ(output["notAttempted"], 6);
  EXPECT_EQ(request_paths(h()), (std::vector<std::string>{getchapter(1), getchapter(2)}));
}

TEST_F(ReadnovelSegmentE2e, UnknownSegmentIdIsListedAsAFailureAndTheRestIsStored) {
  const ProcessResult result = run_segments(h(), {ids_["1"], kMissingId});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(column(h(), kStatus), "failed");
  const json output = json_column(h(), kOutput);
  EXPECT_EQ(output["success"], 1);
  ASSERT_EQ(output["failures"].size(), 1u);
  EXPECT_EQ(output["failures"][0]["segmentId"], kMissingId);
  EXPECT_EQ(output["failures"][0]["reason"], "segment not found");
  EXPECT_EQ(column(h(), kWorkId), work_);
}

TEST_F(ReadnovelSegmentE2e, UnknownEditionFailsTheTrackedJob) {
  const ProcessResult result = run_segments(h(), {"--edition", kMissingId});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(column(h(), kStatus), "failed");
  EXPECT_NE(column(h(), kError).find(std::string("edition ") + kMissingId + " does not exist"), std::string::npos);
  EXPECT_EQ(column(h(), kEditionId), "<null>");
}

TEST_F(ReadnovelSegmentE2e, ADatabaseFailureWhilePlanningStillLeavesAFailedJob) {
  // Listing an edition's pending segments reads segment_assets; without it the query
  // fails while pipeline_jobs still works.
  h().db().exec("DROP TABLE segment_assets");
  const ProcessResult result = run_segments(h(), {"--edition", edition_});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(column(h(), kStatus), "failed");
  EXPECT_NE(column(h(), kError).find("cannot list the segments of edition " + edition_), std::string::npos)
      << column(h(), kError);
  EXPECT_TRUE(h().server().requests().empty()) << "nothing is fetched";
}

TEST_F(ReadnovelSegmentE2e, SigintMidRunFailsTheJobAndLeavesNoHalfRegisteredAsset) {
  testing::FaultRule slow;
  slow.path = getchapter(2);
  slow.fault = "delay";
  slow.delay_ms = 5000;
  h().server().add_fault(slow);
  auto process = h().start("readnovel-segment", {"--edition", edition_, "--delay", "0"});
  ASSERT_TRUE(process.wait_for_output("stored", 20s)) << process.err_so_far();
  process.send_signal(SIGINT);
  const ProcessResult result = process.wait(30s);
  EXPECT_EQ(result.exit_code, 130) << result.err;
  EXPECT_EQ(column(h(), kStatus), "failed");
  EXPECT_NE(column(h(), kError).find("interrupted"), std::string::npos) << column(h(), kError);
  EXPECT_NE(column(h(), kFinishedAt), "<null>");
  EXPECT_EQ(scalar(h(), "SELECT count(*) FROM assets"), "1");
  EXPECT_EQ(scalar(h(),
                   "SELECT count(*) FROM assets a WHERE NOT EXISTS "
                   "(SELECT 1 FROM segment_assets sa WHERE sa.asset_id = a.id)"),
            "0");
  EXPECT_EQ(count_of(request_paths(h()), getchapter(3)), 0u);
}

TEST_F(ReadnovelSegmentE2e, DelaySpacesTheRequestsAsTheyArrive) {
  auto arrivals = std::make_shared<ArrivalTimes>();
  h().server().add_emulator(std::make_unique<ArrivalRecorder>(arrivals));
  const ProcessResult result = h().run("readnovel-segment", {ids_["1"], ids_["2"], ids_["7"], "--delay", "400"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(request_paths(h()), (std::vector<std::string>{getchapter(1), getchapter(2), getchapter(7)}));
  std::lock_guard lock(arrivals->mutex);
  ASSERT_EQ(arrivals->times.size(), 3u);
  for (std::size_t i = 1; i < arrivals->times.size(); ++i) {
    EXPECT_GE(arrivals->times[i] - arrivals->times[i - 1], 390ms) << "gap before request " << i;
  }
}

TEST_F(ReadnovelSegmentE2e, BadArgumentsExitTwoBeforeAnyJobExists) {
  const std::size_t jobs = h().job_count();
  EXPECT_EQ(h().run("readnovel-segment", {"nope"}).exit_code, 2);
  EXPECT_EQ(h().run("readnovel-segment", {ids_["1"], "--edition", edition_}).exit_code, 2);
  EXPECT_EQ(h().run("readnovel-segment", {"--edition", edition_, "--delay", "-5"}).exit_code, 2);
  EXPECT_EQ(h().job_count(), jobs);
  EXPECT_TRUE(h().server().requests().empty());
}

}  // namespace
}  // namespace scrapers::readnovel::e2e
