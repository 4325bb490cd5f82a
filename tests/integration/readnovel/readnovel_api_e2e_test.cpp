// readnovel-api end to end: the real binary against the fixture server and a fresh
// PostgreSQL database.
#include <gtest/gtest.h>

#include "tests/integration/readnovel/readnovel_e2e.hpp"

namespace scrapers::readnovel::e2e {
namespace {

using nlohmann::json;

constexpr const char* kMissingWork = "0b5e3f7a-9c1d-4e2f-8a6b-7c8d9e0f1a2b";

TEST(ReadnovelApiE2e, LongListBecomesSegmentsOfOneReadnovelEdition) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string work = h.create_work("Moonlit Sword 2");
  const ProcessResult result = run_api(h, work, kLongSlug);
  ASSERT_EQ(result.exit_code, 0) << result.err;

  const json output = json_column(h, kOutput);
  const std::string edition = output.value("editionId", std::string());
  EXPECT_EQ(output["totalChapters"], kLongChapters);
  EXPECT_EQ(output["inserted"], kLongChapters);
  EXPECT_EQ(output["updated"], 0);
  EXPECT_EQ(output["skipped"], 0);
  EXPECT_EQ(output["errors"], 0);
  EXPECT_EQ(output["total"], kLongChapters);
  EXPECT_EQ(output["success"], kLongChapters);
  EXPECT_EQ(output["failed"], 0);

  EXPECT_EQ(scalar(h, "SELECT count(*) FROM editions"), "1");
  EXPECT_EQ(scalar(h,
                   "SELECT concat_ws('|', work_id, media_type, provider, canonical_url, is_official) "
                   "FROM editions WHERE id = $1",
                   {edition}),
            work + "|novel|readnovel|https://readnovel.eu/novel/" + kLongSlug + "|f");
  EXPECT_EQ(
      scalar(h, "SELECT count(*) FROM segments WHERE edition_id = $1 AND segment_type = 'chapter'", {edition}),
      std::to_string(kLongChapters));
  EXPECT_EQ(scalar(h, "SELECT concat_ws('|', title, canonical_url) FROM segments WHERE number = 11"),
            std::string("Chapter 10.5 — Interlude: The Innkeeper’s Daughter|https://readnovel.eu/chapter/") +
                kLongSlug + "-11");
  EXPECT_EQ(scalar(h, "SELECT title FROM segments WHERE number = 4"),
            "Chapter 4 - Lanterns Over Seoul — 서울의 등불");
  EXPECT_EQ(scalar(h, "SELECT min(number)::text || '-' || max(number)::text FROM segments"), "1-320");
}

TEST(ReadnovelApiE2e, JobRowRecordsInputIdsAttemptAndTimes) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string work = h.create_work();
  ASSERT_EQ(run_api(h, work, kLongSlug).exit_code, 0);
  EXPECT_EQ(h.job_count(), 1u);
  EXPECT_EQ(column(h, kStatus), "success");
  EXPECT_EQ(column(h, kAttempt), "1");
  EXPECT_EQ(column(h, kError), "<null>");
  EXPECT_EQ(column(h, kWorkId), work);
  EXPECT_EQ(column(h, kEditionId), json_column(h, kOutput)["editionId"]);
  EXPECT_NE(column(h, kStartedAt), "<null>");
  EXPECT_NE(column(h, kFinishedAt), "<null>");
  const json input = json_column(h, kInput);
  EXPECT_EQ(input["novelSlug"], kLongSlug);
  EXPECT_EQ(input["scriptType"], "scrape-readnovel-api");
  EXPECT_EQ(input["apiUrl"], h.server().base_url() + "/api/chapters/" + kLongSlug + "/");
}

TEST(ReadnovelApiE2e, ListIsRequestedOnceAsJsonWithTheNovelPageAsReferer) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  ASSERT_EQ(run_api(h, h.create_work(), kLongSlug).exit_code, 0);
  const auto requests = h.server().requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].path, std::string("/api/chapters/") + kLongSlug + "/");
  EXPECT_EQ(requests[0].header("Accept"), "application/json");
  EXPECT_EQ(requests[0].header("Referer"), h.server().base_url() + "/novel/" + kLongSlug);
}

TEST(ReadnovelApiE2e, SecondRunWithUnchangedDataReportsEverythingSkipped) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string work = h.create_work();
  ASSERT_EQ(run_api(h, work, kLongSlug).exit_code, 0);
  const std::string edition = json_column(h, kOutput)["editionId"];
  ASSERT_EQ(run_api(h, work, kLongSlug).exit_code, 0);
  const json output = json_column(h, kOutput);
  EXPECT_EQ(output["editionId"], edition);
  EXPECT_EQ(output["inserted"], 0);
  EXPECT_EQ(output["updated"], 0);
  EXPECT_EQ(output["skipped"], kLongChapters);
  EXPECT_EQ(h.job_count(), 2u);
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM editions"), "1");
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM segments"), std::to_string(kLongChapters));
}

TEST(ReadnovelApiE2e, ChangedChapterUrlIsCountedUpdatedAndRestored) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string work = h.create_work();
  ASSERT_EQ(run_api(h, work, kLongSlug).exit_code, 0);
  h.db().exec(
      "UPDATE segments SET canonical_url = 'https://readnovel.eu/chapter/old-5', title = 'old' "
      "WHERE number = 5");
  ASSERT_EQ(run_api(h, work, kLongSlug).exit_code, 0);
  const json output = json_column(h, kOutput);
  EXPECT_EQ(output["updated"], 1);
  EXPECT_EQ(output["skipped"], kLongChapters - 1);
  EXPECT_EQ(scalar(h, "SELECT canonical_url FROM segments WHERE number = 5"),
            std::string("https://readnovel.eu/chapter/") + kLongSlug + "-5");
  EXPECT_NE(scalar(h, "SELECT title FROM segments WHERE number = 5"), "old");
}

TEST(ReadnovelApiE2e, TwoConcurrentRunsCreateOneEditionAndNoDuplicateSegments) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string work = h.create_work();
  auto first = h.start("readnovel-api", {work, kLongSlug});
  auto second = h.start("readnovel-api", {work, kLongSlug});
  const ProcessResult a = first.wait();
  const ProcessResult b = second.wait();
  EXPECT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM editions WHERE work_id = $1", {work}), "1");
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM segments"), std::to_string(kLongChapters));
  EXPECT_EQ(scalar(h, "SELECT count(DISTINCT edition_id) FROM pipeline_jobs"), "1");
  EXPECT_EQ(scalar(h, "SELECT sum((output->>'inserted')::int) FROM pipeline_jobs"), std::to_string(kLongChapters));
}

TEST(ReadnovelApiE2e, UnknownWorkFailsTheTrackedJobWithoutAWorkId) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const ProcessResult result = run_api(h, kMissingWork, kLongSlug);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(h.job_count(), 1u);
  EXPECT_EQ(column(h, kStatus), "failed");
  EXPECT_EQ(column(h, kAttempt), "1");
  EXPECT_NE(column(h, kError).find(std::string("work ") + kMissingWork + " not found"), std::string::npos);
  EXPECT_EQ(column(h, kWorkId), "<null>");
  EXPECT_NE(column(h, kFinishedAt), "<null>");
  EXPECT_TRUE(h.server().requests().empty());
}

struct FailureCase {
  const char* slug;
  const char* error_part;
};

TEST(ReadnovelApiE2e, UnusableListsFailTheJobNamingTheProblem) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string work = h.create_work();
  for (const FailureCase& c :
       {FailureCase{"no-such-novel", "no novel with this slug"}, FailureCase{"river-of-stars", "browsable API"},
        FailureCase{"guarded-novel", "challenge"}, FailureCase{"broken-novel", "malformed JSON"},
        FailureCase{"not-recorded-anywhere", "404"}}) {
    const ProcessResult result = run_api(h, work, c.slug);
    EXPECT_EQ(result.exit_code, 1) << c.slug;
    EXPECT_EQ(column(h, kStatus), "failed") << c.slug;
    EXPECT_NE(column(h, kError).find(c.error_part), std::string::npos) << c.slug << ": " << column(h, kError);
    EXPECT_EQ(column(h, kEditionId), "<null>") << c.slug;
    EXPECT_EQ(column(h, kWorkId), work) << c.slug;
  }
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM editions"), "0");
}

TEST(ReadnovelApiE2e, SecondNovelForTheSameWorkIsRefusedInsteadOfMixed) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string work = h.create_work();
  ASSERT_EQ(run_api(h, work, kLanternSlug).exit_code, 0);
  const ProcessResult other = run_api(h, work, kLongSlug);
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_EQ(column(h, kStatus), "failed");
  EXPECT_NE(column(h, kError).find("already has a readnovel edition"), std::string::npos) << column(h, kError);
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM segments"), std::to_string(kLanternChapters));
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM editions"), "1");
}

TEST(ReadnovelApiE2e, BadElementsAreCountedAsErrorsAndTheRestImported) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  ASSERT_EQ(run_api(h, h.create_work(), "mixed-novel").exit_code, 0);
  const json output = json_column(h, kOutput);
  EXPECT_EQ(output["totalChapters"], 11);
  EXPECT_EQ(output["inserted"], 3);
  EXPECT_EQ(output["errors"], 8);
  EXPECT_EQ(output["total"], 11);
  EXPECT_EQ(output["success"], 3);
  EXPECT_EQ(output["failed"], 8);
  EXPECT_EQ(output["problems"].size(), 8u);
  EXPECT_EQ(scalar(h, "SELECT string_agg(number::text, ',' ORDER BY number) FROM segments"), "1,6,9");
}

TEST(ReadnovelApiE2e, BadArgumentsExitTwoBeforeAnyJobExists) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const ProcessResult bad_id = h.run("readnovel-api", {"12345", kLongSlug});
  EXPECT_EQ(bad_id.exit_code, 2);
  EXPECT_NE(bad_id.err.find("work_id"), std::string::npos) << bad_id.err;
  const ProcessResult bad_slug = h.run("readnovel-api", {kMissingWork, "../etc"});
  EXPECT_EQ(bad_slug.exit_code, 2);
  EXPECT_NE(bad_slug.err.find("novel-slug"), std::string::npos) << bad_slug.err;
  EXPECT_EQ(h.job_count(), 0u);
  EXPECT_TRUE(h.server().requests().empty());
}

}  // namespace
}  // namespace scrapers::readnovel::e2e
