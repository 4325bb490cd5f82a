// chereads programs end to end on what issue 12 asks of sites: the headers of a
// desktop browser on every page request (USER_AGENT overrides), bad USER_AGENT /
// OPENSUBTITLES_USER_AGENT / HTTP_IP_RESOLVE values refused before any job, book URLs
// on the www.cherreads.com twin accepted without CHEREADS_BASE, and a stored chapter
// that keeps its emphasis and loses its look-alike watermark lines.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>

#include "common/http/browser_headers.hpp"
#include "tests/integration/chereads/chereads_e2e.hpp"

namespace scrapers::chereads::e2e {
namespace {

using nlohmann::json;

constexpr const char* kBookEmphasis = "34048845808168613";  // one chapter with emphasis and watermarks

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The request for the book's novel page, as the server logged it.
std::optional<testing::LoggedRequest> novel_page_request(ScraperHarness& h, const std::string& book) {
  for (const auto& r : h.server().requests()) {
    if (r.path == "/novel/" + book) return r;
  }
  return std::nullopt;
}

TEST(ChereadsSiteIdentityE2e, PageRequestsCarryADesktopBrowsersHeaders) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  ASSERT_EQ(run_work(h, kBookJson).exit_code, 0);
  const auto request = novel_page_request(h, kBookJson);
  ASSERT_TRUE(request);
  EXPECT_EQ(request->header("User-Agent"), std::string(http::kDefaultUserAgent));
  EXPECT_NE(request->header("User-Agent").find("Chrome/"), std::string::npos);
  EXPECT_EQ(request->header("Accept-Language"), "en-US,en;q=0.9");
  EXPECT_EQ(request->header("Accept").rfind("text/html", 0), 0u) << request->header("Accept");
  EXPECT_EQ(request->header("Sec-Fetch-Mode"), "navigate");
  EXPECT_EQ(request->header("Sec-Fetch-Dest"), "document");
  EXPECT_EQ(request->header("Upgrade-Insecure-Requests"), "1");
  EXPECT_NE(request->header("sec-ch-ua").find("Google Chrome"), std::string::npos);
  EXPECT_FALSE(request->header("Accept-Encoding").empty());
}

TEST(ChereadsSiteIdentityE2e, UserAgentOverridesTheBrowsersAndDropsItsClientHints) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string agent = "Mozilla/5.0 (X11; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0";
  ASSERT_EQ(h.run("chereads-work", {"--url=" + list_url(h, kBookJson), std::string("--workId=") + kWorkId},
                  {{"USER_AGENT", agent}})
                .exit_code,
            0);
  const auto request = novel_page_request(h, kBookJson);
  ASSERT_TRUE(request);
  EXPECT_EQ(request->header("User-Agent"), agent);
  EXPECT_EQ(request->header("sec-ch-ua"), "");
  EXPECT_EQ(request->header("Accept-Language"), "en-US,en;q=0.9");
}

TEST(ChereadsSiteIdentityE2e, BadUserAgentOrIpResolveIsAOneLineUsageErrorBeforeAnyJob) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::vector<std::pair<std::pair<std::string, std::string>, std::string>> cases = {
      {{"HTTP_IP_RESOLVE", "ipv4"}, "HTTP_IP_RESOLVE must be v4, v6 or any"},
      {{"USER_AGENT", "Reader\r\nX-Injected: 1"}, "USER_AGENT contains a line break"},
      {{"USER_AGENT", std::string(http::kMaxUserAgentBytes + 1, 'a')}, "USER_AGENT is longer than"},
  };
  for (const auto& [variable, message] : cases) {
    const ProcessResult result = h.run(
        "chereads-work", {"--url=" + list_url(h, kBookJson), std::string("--workId=") + kWorkId}, {variable});
    EXPECT_EQ(result.exit_code, 2) << variable.first << "\n" << result.err;
    EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
  }
  EXPECT_EQ(h.job_count(), 0u);
  EXPECT_TRUE(h.server().requests().empty());
  const ProcessResult bulk = h.run(
      "bulk-download-subtitles", {"--workId=" + std::string(kWorkId), "--seriesName=Show"},
      {{"OPENSUBTITLES_API_KEY", "k"}, {"OPENSUBTITLES_USER_AGENT", "App v1\nX-Injected: 1"}});
  EXPECT_EQ(bulk.exit_code, 2) << bulk.err;
  EXPECT_NE(bulk.err.find("OPENSUBTITLES_USER_AGENT contains a line break"), std::string::npos) << bulk.err;
  EXPECT_EQ(h.job_count(), 0u);
}

TEST(ChereadsSiteIdentityE2e, ABookOnTheCherreadsTwinIsTheSameSiteWithoutChereadsBase) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  // No CHEREADS_BASE (the production site); answers come from the recordings, which
  // match on path, so nothing leaves the machine.
  const std::vector<std::pair<std::string, std::string>> env = {
      {"CHEREADS_BASE", ""}, {"HTTP_REPLAY_DIR", std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/chereads"}};
  const std::string url = std::string("https://www.cherreads.com/novel/") + kBookJson;
  const ProcessResult work = h.run("chereads-work", {"--url=" + url, std::string("--workId=") + kWorkId}, env);
  ASSERT_EQ(work.exit_code, 0) << work.err;
  const std::string edition = last_output(h).value("editionId", std::string());
  EXPECT_EQ(h.db().scalar("SELECT canonical_url FROM editions WHERE id = $1", {edition}), url) << "kept as given";
  EXPECT_EQ(h.db().scalar("SELECT count(*) FROM segments WHERE edition_id = $1 AND canonical_url LIKE $2",
                          {edition, std::string("https://www.cherreads.com/novel/") + kBookJson + "/%"}),
            std::to_string(kChapters))
      << "chapter URLs are on the host the book was given with";
  const ProcessResult segments = h.run("chereads-segment",
                                       {"--editionId=" + edition, "--delay=0", "--start=1", "--end=2"}, env);
  EXPECT_EQ(segments.exit_code, 0) << segments.err;
  EXPECT_EQ(last_output(h)["success"], 2);
  EXPECT_EQ(last_output(h)["skipped"], 0) << "no chapter is off the site";
}

TEST(ChereadsSiteIdentityE2e, TheStoredChapterKeepsItsEmphasisAndLosesItsLookAlikeWatermarks) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  ASSERT_EQ(h.run("chereads-work", {"--url=" + h.server().base_url() + "/novel/" + kBookEmphasis,
                                    std::string("--workId=") + kWorkId})
                .exit_code,
            0);
  const std::string edition = last_output(h).value("editionId", std::string());
  const ProcessResult result = h.run("chereads-segment", {"--editionId=" + edition, "--delay=0"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(last_output(h)["success"], 1);
  EXPECT_NE(result.err.find("3 watermark lines dropped"), std::string::npos) << result.err;
  const auto key = h.db().scalar("SELECT r2_key FROM assets");
  ASSERT_TRUE(key);
  const std::string document = read_file(h.asset_dir() / *key);
  EXPECT_NE(
      document.find("<p>The <em>first</em> lantern was lit at dusk, and <strong>nobody</strong> in the market "
                    "looked up.</p>"),
      std::string::npos)
      << document;
  EXPECT_NE(document.find("H<sub>2</sub>O"), std::string::npos);
  EXPECT_NE(document.find("<p>He read the note <i>aloud</i>: the old ward still held.</p>"), std::string::npos);
  EXPECT_NE(document.find("<p>The bell rang twice.</p>"), std::string::npos);
  EXPECT_NE(document.find("<p>He had read it on novelfull.com years ago"), std::string::npos)
      << "story text stays";
  for (const char* absent : {"onclick", "onmouseover", "evil.example", "alert(", "<p></p>", "<p><br>",
                             "OX\xCE\x9D", "\xCA\x80\xE1\xB4\x87\xE1\xB4\x80\xE1\xB4\x85", "\xEF\xBC\xAE"}) {
    EXPECT_EQ(document.find(absent), std::string::npos) << absent;
  }
}

}  // namespace
}  // namespace scrapers::chereads::e2e
