// One query finds every layout change: each program that reads a site fails on a page
// or API answer it does not recognise with the phrase "layout not recognised" in the
// job's error (kLayoutNotRecognised, common/util/layout_error.hpp), whatever the site.
// readnovel-segment's case is in tests/integration/readnovel (chapter 5's reason).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/util/layout_error.hpp"
#include "tests/e2e_support/scraper_harness.hpp"
#include "tests/fixture_server/fault_rule.hpp"

namespace scrapers {
namespace {

using testing::ProcessResult;
using testing::ScraperHarness;

constexpr const char* kRedesignedPage =
    "<!doctype html><html><head><title>New look</title></head><body><div class=\"app\"><p>Welcome to "
    "the new site</p></div></body></html>";

// The query a user runs to find them all.
std::string errors_with_the_phrase(ScraperHarness& h) {
  return h.db()
      .scalar("SELECT count(*) FROM pipeline_jobs WHERE status = 'failed' AND error LIKE '%' || $1 || '%'",
              {std::string(kLayoutNotRecognised)})
      .value_or("<null>");
}

void serve(ScraperHarness& h, const std::string& path, const std::string& body, const std::string& content_type) {
  auto rule = testing::parse_fault_rule(
      {{"path", path}, {"fault", "status"}, {"status", 200}, {"body", body}, {"content_type", content_type}});
  ASSERT_TRUE(rule.ok()) << rule.error().describe();
  h.server().add_fault(*rule);
}

void expect_layout_failure(ScraperHarness& h, const ProcessResult& result) {
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto job = h.last_job();
  ASSERT_FALSE(job.empty());
  EXPECT_EQ(job[0], "failed");
  const std::string error = job[2].value_or("");
  EXPECT_NE(error.find(std::string(kLayoutNotRecognised) + ": "), std::string::npos) << error;
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  EXPECT_EQ(errors_with_the_phrase(h), "1");
}

TEST(LayoutPhraseE2e, ReadnovelApiChapterListThatIsNotAList) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  serve(h, "/api/chapters/the-quiet-lantern/", R"({"novel":{"chapters":[]}})", "application/json");
  const std::string work = h.create_work("The Quiet Lantern");
  expect_layout_failure(h, h.run("readnovel-api", {work, "the-quiet-lantern"}));
}

TEST(LayoutPhraseE2e, ChereadsWorkUnknownChapterListPage) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string work = h.create_work("Lantern");
  expect_layout_failure(
      h, h.run("chereads-work",
               {"--url=" + h.server().base_url() + "/chapterlist/34048845808168527/", "--workId=" + work}));
}

TEST(LayoutPhraseE2e, ChereadsSegmentRedesignedChapterPage) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string work = h.create_work("Lantern");
  ASSERT_EQ(h.run("chereads-work",
                  {"--url=" + h.server().base_url() + "/chapterlist/34048845808168505/", "--workId=" + work})
                .exit_code,
            0);
  const std::string edition = h.db().scalar("SELECT id FROM editions").value_or("");
  const std::string url =
      h.db().scalar("SELECT canonical_url FROM segments WHERE number = 1").value_or("http://x/");
  h.server().reset();
  serve(h, url.substr(url.find('/', url.find("://") + 3)), kRedesignedPage, "text/html; charset=utf-8");
  expect_layout_failure(
      h, h.run("chereads-segment", {"--editionId=" + edition, "--delay=0", "--start=1", "--end=1"}));
}

TEST(LayoutPhraseE2e, OpensubtitlesWorkUnknownShowPage) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  expect_layout_failure(h, h.run("opensubtitles-work",
                                 {"--url", h.server().base_url() + "/en/tvshows/2019-dr-stone", "--title", "Dr"}));
}

TEST(LayoutPhraseE2e, BulkDownloadSearchAnswerWhoseDataIsNotAList) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h({"opensubtitles"});
  ASSERT_EQ(h.run("opensubtitles-work",
                  {"--url", h.server().base_url() + "/en/tvshows/2024-solo-leveling", "--title", "Solo Leveling"})
                .exit_code,
            0);
  const std::string edition =
      h.db().scalar("SELECT id FROM editions WHERE provider = 'opensubtitles-s1'").value_or("");
  serve(h, "/api/v1/subtitles", R"({"total_pages":1,"total_count":1,"page":1,"data":{"id":"1"}})",
        "application/json");
  expect_layout_failure(
      h, h.run("bulk-download-subtitles",
               {"--editionId", edition, "--seriesName", "Solo Leveling", "--delay", "0", "--limit", "1"},
               {{"OPENSUBTITLES_API_KEY", "e2e-api-key-7f3a9c"}}));
}

}  // namespace
}  // namespace scrapers
