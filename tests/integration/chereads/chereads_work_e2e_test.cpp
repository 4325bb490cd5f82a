// chereads-work end to end: the real binary against the fixture server and a fresh
// PostgreSQL database.
#include <gtest/gtest.h>

#include "tests/integration/chereads/chereads_e2e.hpp"

namespace scrapers::chereads::e2e {
namespace {

using nlohmann::json;

std::string count(ScraperHarness& h, const std::string& sql) { return h.db().scalar(sql).value_or("<null>"); }

TEST(ChereadsWorkE2e, NovelJsonBecomesWorkEditionAndSegmentsWithATrackedJob) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const ProcessResult result = run_work(h, kBookJson, kWorkId, {"--title=The Lantern-Keeper of Hwaseong"});
  ASSERT_EQ(result.exit_code, 0) << result.err;

  EXPECT_EQ(h.db().scalar("SELECT title FROM works WHERE id = $1", {kWorkId}), "The Lantern-Keeper of Hwaseong");
  const auto editions = h.db().query("SELECT id, media_type, provider, canonical_url FROM editions");
  ASSERT_EQ(editions.size(), 1u);
  EXPECT_EQ(editions[0][1], "novel");
  EXPECT_EQ(editions[0][2], "chereads");
  EXPECT_EQ(editions[0][3], list_url(h, kBookJson));
  const std::string edition_id = editions[0][0].value_or("");

  EXPECT_EQ(count(h, "SELECT count(*) FROM segments WHERE segment_type = 'chapter'"), std::to_string(kChapters));
  EXPECT_EQ(h.db().scalar("SELECT title FROM segments WHERE number = 10.5"),
            "Chapter 10.5 \u2013 Interlude: \ub2ec\ube5b (Moonlight)");
  EXPECT_EQ(h.db().scalar("SELECT canonical_url FROM segments WHERE number = 8"),
            h.server().base_url() + "/novel/" + kBookJson + "/86954917348045581");
  EXPECT_EQ(count(h, "SELECT count(*) FROM segments WHERE number < 1 OR title IN ('Maps', 'Character Profiles')"),
            "0");

  const auto job = h.last_job();
  EXPECT_EQ(job[0], "success");
  EXPECT_EQ(job[1], "1");
  EXPECT_EQ(job[5], kWorkId);
  EXPECT_EQ(job[6], edition_id);
  EXPECT_TRUE(job[7].has_value() && job[8].has_value());
  const json input = last_input(h);
  EXPECT_EQ(input["scriptType"], "scrape-chereads-work");
  EXPECT_EQ(input["url"], list_url(h, kBookJson));
  EXPECT_EQ(input["title"], "The Lantern-Keeper of Hwaseong");
  const json output = last_output(h);
  EXPECT_EQ(output["workId"], kWorkId);
  EXPECT_EQ(output["editionId"], edition_id);
  EXPECT_EQ(output["totalChapters"], kChapters);
  EXPECT_EQ(output["inserted"], kChapters);
  EXPECT_EQ(output["locked"], 4);
  EXPECT_EQ(output["ignored"], 3);
  EXPECT_EQ(output["total"], kChapters);
  EXPECT_EQ(output["success"], kChapters);
  EXPECT_EQ(output["failed"], 0);
  // Structured data answered: the chapter-list page was never needed.
  EXPECT_EQ(request_paths(h), std::vector<std::string>{std::string("/novel/") + kBookJson});
}

TEST(ChereadsWorkE2e, RerunChangesNothingAndDuplicatesNothing) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  ASSERT_EQ(run_work(h, kBookJson).exit_code, 0);
  const ProcessResult again = run_work(h, kBookJson);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const json output = last_output(h);
  EXPECT_EQ(output["inserted"], 0);
  EXPECT_EQ(output["updated"], 0);
  EXPECT_EQ(output["skipped"], kChapters);
  EXPECT_EQ(count(h, "SELECT count(*) FROM editions"), "1");
  EXPECT_EQ(count(h, "SELECT count(*) FROM segments"), std::to_string(kChapters));
  EXPECT_EQ(h.job_count(), 2u);
}

TEST(ChereadsWorkE2e, NewWorkGetsTheDefaultTitleAndAnExistingWorkKeepsItsOwn) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  ASSERT_EQ(run_work(h, kBookJson).exit_code, 0);
  EXPECT_EQ(h.db().scalar("SELECT title FROM works WHERE id = $1", {kWorkId}), "Unknown Title");
  EXPECT_EQ(last_input(h)["title"], "Unknown Title");
  const std::string existing = h.create_work("Already Named");
  ASSERT_EQ(run_work(h, kBookJson, existing, {"--title=Something Else"}).exit_code, 0);
  EXPECT_EQ(h.db().scalar("SELECT title FROM works WHERE id = $1", {existing}), "Already Named");
}

TEST(ChereadsWorkE2e, ChapterListHtmlIsTheFallbackWhenTheNovelPageHasNoData) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const ProcessResult result = run_work(h, kBookHtml);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(request_paths(h), (std::vector<std::string>{std::string("/novel/") + kBookHtml,
                                                        std::string("/chapterlist/") + kBookHtml + "/"}));
  const json output = last_output(h);
  EXPECT_EQ(output["source"], "chapter-list HTML");
  EXPECT_EQ(output["totalChapters"], kChapters);
  EXPECT_EQ(output["locked"], 4);
  EXPECT_EQ(h.db().scalar("SELECT canonical_url FROM segments WHERE number = 1"),
            h.server().base_url() + "/novel/" + kBookHtml + "/86954917348045530");
}

TEST(ChereadsWorkE2e, UnrecognisedLayoutFailsTheJobInsteadOfRecordingNoChapters) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const ProcessResult result = run_work(h, kBookUnknown);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("layout not recognised: chapter list"), std::string::npos)
      << job[2].value_or("");
  EXPECT_EQ(job[5], kWorkId);
  EXPECT_FALSE(job[6].has_value()) << "no edition for a list that was never read";
  EXPECT_EQ(count(h, "SELECT count(*) FROM editions"), "0");
  EXPECT_EQ(count(h, "SELECT count(*) FROM segments"), "0");
}

TEST(ChereadsWorkE2e, ChallengeFailsTheJobAsBlockedWithoutFurtherRequests) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  scrapers::testing::FaultRule challenge;
  challenge.path = std::string("/novel/") + kBookJson;
  challenge.fault = "challenge";
  h.server().add_fault(challenge);
  const ProcessResult result = run_work(h, kBookJson);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("challenge"), std::string::npos) << job[2].value_or("");
  EXPECT_EQ(request_paths(h, "/chapterlist/").size(), 0u);
  EXPECT_EQ(count(h, "SELECT count(*) FROM segments"), "0");
}

// Every segment with its row version (xmin changes on any UPDATE), as one comparable string.
std::string segments_snapshot(ScraperHarness& h) {
  return count(h,
               "SELECT string_agg(edition_id::text || '|' || number::text || '|' || title || '|' ||"
               " coalesce(canonical_url, '') || '|' || xmin::text, ';' ORDER BY number) FROM segments");
}

TEST(ChereadsWorkE2e, SecondBookForTheSameWorkFailsTheJobAndChangesNoSegments) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  ASSERT_EQ(run_work(h, kBookJson).exit_code, 0);
  const std::string edition = last_output(h).value("editionId", std::string());
  ASSERT_FALSE(edition.empty());
  const std::string before = segments_snapshot(h);
  const ProcessResult result = run_work(h, kBookHtml);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  const std::string expected = "work " + std::string(kWorkId) + " already has a chereads edition (" + edition +
                               ") for " + list_url(h, kBookJson) + ", not " + list_url(h, kBookHtml) + "; ";
  EXPECT_NE(job[2].value_or("").find(expected), std::string::npos) << job[2].value_or("");
  EXPECT_EQ(job[2].value_or("").find('\n'), std::string::npos) << "one line";
  EXPECT_EQ(count(h, "SELECT count(*) FROM editions"), "1");
  EXPECT_EQ(segments_snapshot(h), before);
}

TEST(ChereadsWorkE2e, NovelUrlOfTheSameBookReusesItsEdition) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  ASSERT_EQ(run_work(h, kBookJson).exit_code, 0);
  const std::string edition = last_output(h).value("editionId", std::string());
  const ProcessResult result = h.run("chereads-work", {"--url=" + h.server().base_url() + "/novel/" + kBookJson,
                                                       std::string("--workId=") + kWorkId});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(last_output(h)["editionId"], edition);
  EXPECT_EQ(last_output(h)["inserted"], 0);
  EXPECT_EQ(count(h, "SELECT count(*) FROM editions"), "1");
}

TEST(ChereadsWorkE2e, DatabaseFailureCreatingTheWorkFailsTheJobWithoutWorkId) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  h.db().exec(
      "CREATE FUNCTION refuse_new_works() RETURNS trigger LANGUAGE plpgsql AS"
      " $$ BEGIN RAISE EXCEPTION 'works are closed for maintenance'; END $$;"
      " CREATE TRIGGER refuse_new_works BEFORE INSERT ON works FOR EACH ROW EXECUTE FUNCTION refuse_new_works();");
  const ProcessResult result = run_work(h, kBookJson);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  ASSERT_EQ(h.job_count(), 1u) << "the failure is recorded as a job";
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  const std::string error = job[2].value_or("");
  EXPECT_NE(error.find("cannot get or create work " + std::string(kWorkId)), std::string::npos) << error;
  EXPECT_NE(error.find("closed for maintenance"), std::string::npos) << error;
  EXPECT_FALSE(job[5].has_value()) << "no work_id for a work that does not exist";
  EXPECT_EQ(count(h, "SELECT count(*) FROM works"), "0");
  EXPECT_TRUE(request_paths(h).empty());
}

TEST(ChereadsWorkE2e, BadArgumentsExitTwoBeforeAnyJobRow) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::vector<std::vector<std::string>> cases{
      {"--url=" + list_url(h, kBookJson), "--workId=not-a-uuid"},
      {"--url=https://www.example.com/chapterlist/1/", std::string("--workId=") + kWorkId},
      {"--url=" + h.server().base_url() + "/ranking", std::string("--workId=") + kWorkId},
      {std::string("--workId=") + kWorkId}};
  for (const auto& args : cases) {
    const ProcessResult result = h.run("chereads-work", args);
    EXPECT_EQ(result.exit_code, 2) << args[0];
    EXPECT_NE(result.err.find("chereads-work: --"), std::string::npos) << result.err;
  }
  EXPECT_EQ(h.job_count(), 0u);
  EXPECT_EQ(count(h, "SELECT count(*) FROM works"), "0");
  EXPECT_TRUE(request_paths(h).empty());
}

// An edition the original worker wrote: numbered by list index (a prologue is 1, so
// "Chapter 1" is 2), some chapters with content, the newest chapter not yet imported.
// chereads-work finds every known chapter by its id, renumbers nothing, re-points no
// segment, and reports the new chapter whose number an existing chapter holds.
TEST(ChereadsWorkE2e, AnEditionNumberedByTheOriginalWorkerKeepsItsSegmentsAndReportsConflicts) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  // The list as the site serves it, read through a scratch work: (number, title, url) in list order.
  const std::string scratch_work = "5c36ee25-e4ff-4e49-ac89-302ae715e597";
  ASSERT_EQ(run_work(h, kBookJson, scratch_work).exit_code, 0);
  const auto chapters = h.db().query(
      "SELECT s.number::text, s.title, s.canonical_url FROM segments s JOIN editions e ON e.id = s.edition_id "
      "WHERE e.work_id = $1 ORDER BY s.number",
      {scratch_work});
  ASSERT_EQ(chapters.size(), kChapters);

  h.db().query("INSERT INTO works (id, title) VALUES ($1, 'The Lantern-Keeper of Hwaseong')", {kWorkId});
  const std::string edition = *h.db().scalar(
      "INSERT INTO editions (work_id, media_type, provider, canonical_url) VALUES ($1, 'novel', 'chereads', $2) "
      "RETURNING id::text",
      {kWorkId, list_url(h, kBookJson)});
  const std::string prologue_url = h.server().base_url() + "/novel/" + kBookJson + "/11111111111111111";
  h.db().query(
      "INSERT INTO segments (edition_id, segment_type, number, title, canonical_url) "
      "VALUES ($1, 'chapter', 1, 'Prologue', $2)",
      {edition, prologue_url});
  for (std::size_t i = 0; i + 1 < chapters.size(); ++i) {  // the last chapter is new since
    h.db().query(
        "INSERT INTO segments (edition_id, segment_type, number, title, canonical_url) "
        "VALUES ($1, 'chapter', $2, $3, $4)",
        {edition, std::to_string(i + 2), chapters[i][1], chapters[i][2]});
  }
  for (const char* number : {"1", "2", "6"}) {  // content on the prologue, chapter 1 and chapter 5
    h.db().query(
        "WITH a AS (INSERT INTO assets (r2_key, asset_type) VALUES ($2, 'raw_html') RETURNING id) "
        "INSERT INTO segment_assets (segment_id, asset_id, role) "
        "SELECT s.id, a.id, 'raw' FROM segments s, a WHERE s.edition_id = $1 AND s.number = $3::numeric",
        {edition, std::string("original/") + number + ".html", number});
  }
  const auto links_before = h.db().query(
      "SELECT s.number::text, s.canonical_url, a.r2_key FROM segment_assets sa JOIN segments s ON s.id = "
      "sa.segment_id JOIN assets a ON a.id = sa.asset_id ORDER BY s.number");

  const ProcessResult result = run_work(h, kBookJson);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json output = last_output(h);
  EXPECT_EQ(output["editionId"], edition);
  EXPECT_EQ(output["matchedById"], kChapters - 1);
  EXPECT_EQ(output["inserted"], 0);
  ASSERT_EQ(output["conflictCount"], 1);
  const json& conflict = output["conflicts"][0];
  EXPECT_EQ(conflict["chapter"]["url"], *chapters.back()[2]);
  EXPECT_EQ(conflict["chapter"]["number"], *chapters.back()[0]);
  EXPECT_EQ(conflict["segment"]["number"], *chapters.back()[0]);
  EXPECT_EQ(conflict["segment"]["url"], *chapters[chapters.size() - 3][2])
      << "index numbering: number n holds list item n-1";
  EXPECT_EQ(conflict["reason"].get<std::string>().rfind("segment is chapter ", 0), 0u);
  EXPECT_EQ(output["success"], kChapters - 1);

  // Nothing renumbered, nothing re-pointed, no segment added; content stays where it was.
  EXPECT_EQ(h.db().scalar("SELECT count(*) FROM segments WHERE edition_id = $1", {edition}),
            std::to_string(kChapters));
  EXPECT_EQ(h.db().scalar("SELECT number::text FROM segments WHERE canonical_url = $1 AND edition_id = $2",
                          {*chapters[0][2], edition}),
            "2");
  EXPECT_EQ(h.db().scalar("SELECT title FROM segments WHERE number = 1 AND edition_id = $1", {edition}),
            "Prologue");
  EXPECT_EQ(
      h.db().query("SELECT s.number::text, s.canonical_url, a.r2_key FROM segment_assets sa JOIN segments s ON "
                   "s.id = sa.segment_id JOIN assets a ON a.id = sa.asset_id ORDER BY s.number"),
      links_before);
}

}  // namespace
}  // namespace scrapers::chereads::e2e
