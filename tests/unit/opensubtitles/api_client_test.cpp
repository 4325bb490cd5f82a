#include "scrapers/opensubtitles/api_client.hpp"

#include <variant>

#include <gtest/gtest.h>

#include "tests/support/fake_clock.hpp"
#include "tests/unit/opensubtitles/fixtures.hpp"
#include "tests/unit/opensubtitles/scripted_transport.hpp"

namespace scrapers::opensubtitles {
namespace {

using namespace std::chrono_literals;
using testing::read_fixture;
using testing::ScriptedTransport;

constexpr std::string_view kKey = "k3y-s3cr3t-value";
constexpr std::string_view kBase = "https://api.opensubtitles.com/api/v1";

class ApiClientTest : public ::testing::Test {
 protected:
  ApiClient client() {
    ApiConfig config;
    config.base_url = std::string(kBase);
    config.api_key = std::string(kKey);
    return ApiClient::create(transport, clock, config).value_or_throw();
  }
  static SearchQuery s01e01() {
    SearchQuery q;
    q.query = "Solo Leveling";
    q.season_number = 1;
    q.episode_number = 1;
    q.languages = "en";
    return q;
  }

  ScriptedTransport transport;
  scrapers::testing::FakeClock clock;
};

TEST_F(ApiClientTest, SearchSendsTheRequiredHeadersAndACanonicalQueryWithoutFollowingRedirects) {
  transport.answer_fixture(200, "api/search-s01e01-best-first.json");
  auto c = client();
  auto page = c.search(s01e01());
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_EQ(page->results.size(), 3u);
  ASSERT_EQ(transport.sent.size(), 1u);
  const http::Request& sent = transport.sent[0];
  EXPECT_EQ(sent.method, "GET");
  EXPECT_EQ(sent.url, std::string(kBase) +
                          "/subtitles?ai_translated=exclude&episode_number=1&languages=en&order_by=download_count"
                          "&query=solo+leveling&season_number=1");
  EXPECT_EQ(sent.headers.get("Api-Key"), std::string(kKey));
  EXPECT_EQ(sent.headers.get("User-Agent"), "ChapterBridge v1.0.0");
  EXPECT_EQ(sent.headers.get("Accept"), "application/json");
  EXPECT_FALSE(sent.headers.has("Authorization"));
  EXPECT_FALSE(sent.follow_redirects);
}

TEST_F(ApiClientTest, PacesRequestsAtFivePerSecond) {
  for (int i = 0; i < 3; ++i) transport.answer_fixture(200, "api/search-s02e01-empty.json");
  auto c = client();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(c.search(s01e01()).ok());
  EXPECT_EQ(clock.sleeps, (std::vector<std::chrono::milliseconds>{200ms, 200ms}));
}

TEST_F(ApiClientTest, RateLimitWaitsForRetryAfterAndTriesAgain) {
  transport.answer(429, R"({"message":"API rate limit exceeded"})", {{"Retry-After", "2"}});
  transport.answer_fixture(200, "api/search-s02e01-empty.json");
  auto c = client();
  ASSERT_TRUE(c.search(s01e01()).ok());
  EXPECT_EQ(transport.sent.size(), 2u);
  ASSERT_FALSE(clock.sleeps.empty());
  EXPECT_EQ(clock.sleeps.front(), 2000ms);
  EXPECT_EQ(c.rate_limit_waits(), 1);
}

TEST_F(ApiClientTest, RateLimitGivesUpAfterTheConfiguredRetries) {
  for (int i = 0; i < 4; ++i) transport.answer(429, R"({"message":"API rate limit exceeded"})");
  auto c = client();
  auto page = c.search(s01e01());
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().http_status, 429);
  EXPECT_EQ(transport.sent.size(), 4u);  // the first try and three retries
}

TEST_F(ApiClientTest, QuotaAnswerStopsAtOnceWithTheResetTime) {
  transport.answer_fixture(406, "api/download-406-quota.json");
  transport.answer_fixture(200, "api/download-8123001.json");  // must not be reached
  auto c = client();
  auto link = c.request_link(8129406);
  ASSERT_FALSE(link.ok());
  EXPECT_EQ(link.error().kind, ErrorKind::quota_exhausted);
  EXPECT_EQ(transport.sent.size(), 1u);
  ASSERT_TRUE(c.quota().has_value());
  EXPECT_EQ(c.quota()->reset_time_utc, "2024-04-23T23:59:59.000Z");
  EXPECT_EQ(c.quota()->remaining, 0);
}

TEST_F(ApiClientTest, DownloadRequestPostsTheFileIdAsJson) {
  transport.answer_fixture(200, "api/download-8123001.json");
  auto c = client();
  auto link = c.request_link(8123001);
  ASSERT_TRUE(link.ok());
  const http::Request& sent = transport.sent[0];
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.url, std::string(kBase) + "/download");
  EXPECT_EQ(sent.body, R"({"file_id":8123001})");
  EXPECT_EQ(sent.headers.get("Content-Type"), "application/json");
  EXPECT_EQ(c.quota()->remaining, 4);
}

TEST_F(ApiClientTest, UnauthorizedAndForbiddenFailFastWithoutRevealingTheKey) {
  transport.answer_fixture(403, "api/error-403-api-key.json");
  transport.answer_fixture(401, "api/error-401-invalid-domain.json");
  auto c = client();
  auto forbidden = c.search(s01e01());
  ASSERT_FALSE(forbidden.ok());
  EXPECT_EQ(forbidden.error().kind, ErrorKind::unauthorized);
  EXPECT_EQ(forbidden.error().describe().find(kKey), std::string::npos);
  auto invalid = c.request_link(1);
  EXPECT_EQ(invalid.error().kind, ErrorKind::unauthorized);
  EXPECT_EQ(transport.sent.size(), 2u);
}

TEST_F(ApiClientTest, FollowsOneRedirectThatOnlyReordersOrReencodesTheQuery) {
  // An API whose canonical form writes the comma raw and sorts differently: same parameters.
  transport.answer(301, "",
                   {{"Location",
                     "/api/v1/subtitles?season_number=1&query=solo%20leveling&languages=en,pt-br"
                     "&order_by=download_count&episode_number=1&ai_translated=exclude"}});
  transport.answer_fixture(200, "api/search-s01e01-best-first.json");
  auto c = client();
  auto q = s01e01();
  q.languages = "en,pt-br";
  auto page = c.search(q);
  ASSERT_TRUE(page.ok()) << page.error().describe();
  ASSERT_EQ(transport.sent.size(), 2u);
  EXPECT_NE(transport.sent[0].url.find("languages=en%2Cpt-br"), std::string::npos) << transport.sent[0].url;
  EXPECT_EQ(transport.sent[1].url,
            "https://api.opensubtitles.com/api/v1/subtitles?season_number=1&query=solo%20"
            "leveling&languages=en,pt-br&order_by=download_count&episode_number=1"
            "&ai_translated=exclude");
  EXPECT_EQ(transport.sent[1].headers.get("Api-Key"), std::string(kKey));
  EXPECT_FALSE(transport.sent[1].follow_redirects);
}

TEST_F(ApiClientTest, RefusesASecondRedirect) {
  const std::string same =
      "/api/v1/subtitles?ai_translated=exclude&episode_number=1&languages=en"
      "&order_by=download_count&query=solo%20leveling&season_number=1";
  transport.answer(301, "", {{"Location", same}});
  transport.answer(301, "", {{"Location", same}});
  auto c = client();
  auto page = c.search(s01e01());
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().http_status, 301);
  EXPECT_NE(page.error().message.find("a second time"), std::string::npos) << page.error().message;
  EXPECT_EQ(transport.sent.size(), 2u);
}

TEST_F(ApiClientTest, RefusesARedirectThatChangesTheQueryPathOrHost) {
  const std::string query =
      "?ai_translated=exclude&episode_number=1&languages=en&order_by=download_count"
      "&query=solo+leveling&season_number=1";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/v1/subtitles?a=1", "to another query"},
      {"/api/v1/subtitles" + query + "&page=2", "to another query"},
      {"/api/v1/subtitles?ai_translated=exclude&episode_number=1&languages=EN&order_by=download_count"
       "&query=solo+leveling&season_number=1",
       "to another query"},  // a change of case is a change of value
      {"/api/v2/subtitles" + query, "to another path"},
      {"https://evil.example:8443/api/v1/subtitles" + query, "to another host (https://evil.example:8443)"},
      {"http://api.opensubtitles.com/api/v1/subtitles" + query, "to another host"},
  };
  for (const auto& [location, why] : cases) {
    transport.answer(301, "", {{"Location", location}});
    auto c = client();
    auto page = c.search(s01e01());
    ASSERT_FALSE(page.ok()) << location;
    EXPECT_EQ(page.error().http_status, 301);
    EXPECT_NE(page.error().message.find(why), std::string::npos) << location << ": " << page.error().message;
    EXPECT_EQ(page.error().message.find("solo"), std::string::npos) << page.error().message;
  }
  EXPECT_EQ(transport.sent.size(), cases.size());  // none followed
}

TEST_F(ApiClientTest, NeverFollowsARedirectOfAPost) {
  transport.answer(301, "", {{"Location", "/api/v1/download"}});
  auto c = client();
  auto link = c.request_link(8123001);
  ASSERT_FALSE(link.ok());
  EXPECT_EQ(link.error().http_status, 301);
  EXPECT_NE(link.error().message.find("a POST request"), std::string::npos) << link.error().message;
  EXPECT_EQ(transport.sent.size(), 1u);
}

TEST_F(ApiClientTest, SearchesByTheShowIdWithoutQueryText) {
  transport.answer_fixture(200, "api/search-s02e01-empty.json");
  auto c = client();
  SearchQuery q;
  q.parent_feature_id = 1650010;
  q.season_number = 1;
  q.episode_number = 2;
  q.languages = "en";
  ASSERT_TRUE(c.search(q).ok());
  EXPECT_EQ(transport.sent[0].url, std::string(kBase) +
                                       "/subtitles?ai_translated=exclude&episode_number=2&languages=en"
                                       "&order_by=download_count&parent_feature_id=1650010&season_number=1");
}

TEST_F(ApiClientTest, DownloadFetchesTheLinkWithoutCredentials) {
  transport.answer_fixture(200, "api/download-8123001.json");
  transport.answer(200, read_fixture("files/solo.leveling.s01e01.en.srt"),
                   {{"Content-Type", "application/x-subrip"}});
  auto c = client();
  auto file = c.download(8123001);
  ASSERT_TRUE(file.ok()) << file.error().describe();
  EXPECT_EQ(file->bytes, read_fixture("files/solo.leveling.s01e01.en.srt"));
  EXPECT_EQ(file->file_name, "[SubsPlease] Solo Leveling - 01 (1080p).en.srt");
  EXPECT_EQ(file->links_requested, 1);
  const http::Request& fetch = transport.sent[1];
  EXPECT_EQ(fetch.url,
            "https://www.opensubtitles.com/download/5A3F0C9E1B7D2A4C/subfile/solo.leveling.s01e01.en.srt");
  EXPECT_FALSE(fetch.headers.has("Api-Key"));
  EXPECT_FALSE(fetch.headers.has("Authorization"));
  EXPECT_TRUE(fetch.follow_redirects);
  EXPECT_EQ(fetch.reach, http::Reach::download);
  EXPECT_EQ(fetch.trusted_host, "api.opensubtitles.com");
}

TEST_F(ApiClientTest, ExpiredLinkIsRequestedAgainExactlyOnce) {
  transport.answer_fixture(200, "api/download-8123001.json");
  transport.answer(410, R"({"message":"expired"})");
  transport.answer_fixture(200, "api/download-8123001.json");
  transport.answer(200, "1\n00:00:01,000 --> 00:00:02,000\nHi\n", {{"Content-Type", "text/plain"}});
  auto c = client();
  auto file = c.download(8123001);
  ASSERT_TRUE(file.ok()) << file.error().describe();
  EXPECT_EQ(file->links_requested, 2);
  EXPECT_EQ(transport.sent.size(), 4u);
}

TEST_F(ApiClientTest, ASecondExpiredLinkIsAnError) {
  transport.answer_fixture(200, "api/download-8123001.json");
  transport.answer(410, "");
  transport.answer_fixture(410, "api/download-410-expired.json");
  auto c = client();
  auto file = c.download(8123001);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().http_status, 410);
  EXPECT_EQ(transport.sent.size(), 3u);
}

TEST_F(ApiClientTest, EmptyOrHtmlSubtitleBodiesAreRejected) {
  transport.answer_fixture(200, "api/download-8123001.json");
  transport.answer(200, "", {{"Content-Type", "text/plain"}});
  transport.answer_fixture(200, "api/download-8123001.json");
  transport.answer(200, "<!DOCTYPE html><title>Error</title>", {{"Content-Type", "text/plain"}});
  auto c = client();
  EXPECT_EQ(c.download(8123001).error().kind, ErrorKind::parse);
  EXPECT_EQ(c.download(8123001).error().kind, ErrorKind::bad_content_type);
}

TEST_F(ApiClientTest, LoginMovesCallsToTheBaseUrlHostWithTheBearerToken) {
  transport.answer_fixture(200, "api/login-vip-base-url.json");
  transport.answer_fixture(200, "api/search-s02e01-empty.json");
  auto c = client();
  ASSERT_TRUE(c.login("demo", "pa55word").ok());
  EXPECT_TRUE(c.logged_in());
  EXPECT_EQ(c.base_url(), "https://vip-api.opensubtitles.com/api/v1");
  EXPECT_EQ(transport.sent[0].url, std::string(kBase) + "/login");
  EXPECT_EQ(transport.sent[0].body, R"({"password":"pa55word","username":"demo"})");
  ASSERT_TRUE(c.search(s01e01()).ok());
  const http::Request& after = transport.sent[1];
  EXPECT_EQ(after.url.substr(0, 44), "https://vip-api.opensubtitles.com/api/v1/sub");
  EXPECT_EQ(after.headers.get("Authorization")->substr(0, 10), "Bearer eyJ");
  EXPECT_EQ(after.headers.get("Api-Key"), std::string(kKey));
}

TEST_F(ApiClientTest, ALoginBaseUrlOffOpenSubtitlesIsIgnoredAndTheSecretsStayHome) {
  transport.answer(200, R"({"token":"tok-123","base_url":"api.opensubtitles.com.evil.net","status":200})");
  transport.answer_fixture(200, "api/search-s02e01-empty.json");
  auto c = client();
  ASSERT_TRUE(c.login("demo", "pa55word").ok());
  EXPECT_EQ(c.base_url(), std::string(kBase));
  ASSERT_TRUE(c.search(s01e01()).ok());
  EXPECT_EQ(transport.sent[1].url.rfind(std::string(kBase) + "/subtitles?", 0), 0u) << transport.sent[1].url;
  EXPECT_EQ(transport.sent[1].headers.get("Authorization"), "Bearer tok-123");
}

TEST(TrustedApiHost, OpenSubtitlesByLabelOrTheConfiguredHost) {
  EXPECT_TRUE(is_trusted_api_host("api.opensubtitles.com", "api.opensubtitles.com"));
  EXPECT_TRUE(is_trusted_api_host("vip-api.opensubtitles.com", "api.opensubtitles.com"));
  EXPECT_TRUE(is_trusted_api_host("opensubtitles.com", "x"));
  EXPECT_TRUE(is_trusted_api_host("VIP-API.OpenSubtitles.com:443", "x"));
  EXPECT_TRUE(is_trusted_api_host("127.0.0.1:8080", "127.0.0.1"));
  EXPECT_FALSE(is_trusted_api_host("evilopensubtitles.com", "api.opensubtitles.com"));
  EXPECT_FALSE(is_trusted_api_host("opensubtitles.com.evil.net", "api.opensubtitles.com"));
  EXPECT_FALSE(is_trusted_api_host("localhost:9000", "127.0.0.1"));
  EXPECT_FALSE(is_trusted_api_host("", ""));
}

TEST_F(ApiClientTest, LoginsArePacedAtOnePerSecond) {
  transport.answer_fixture(200, "api/login-vip-base-url.json");
  transport.answer_fixture(200, "api/login-vip-base-url.json");
  auto c = client();
  ASSERT_TRUE(c.login("a", "b").ok());
  ASSERT_TRUE(c.login("a", "b").ok());
  EXPECT_EQ(clock.sleeps, (std::vector<std::chrono::milliseconds>{1000ms}));
}

TEST_F(ApiClientTest, FailedLoginIsUnauthorizedAndKeepsThePasswordOut) {
  transport.answer_fixture(401, "api/login-401-bad-credentials.json");
  auto c = client();
  auto status = c.login("demo", "hunter2-password");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::unauthorized);
  EXPECT_EQ(status.error().describe().find("hunter2"), std::string::npos);
  EXPECT_FALSE(c.logged_in());
}

TEST(ApiClientCreate, RejectsAnEmptyKeyAndANonHttpBase) {
  ScriptedTransport transport;
  scrapers::testing::FakeClock clock;
  ApiConfig no_key;
  EXPECT_EQ(ApiClient::create(transport, clock, no_key).error().kind, ErrorKind::invalid_argument);
  ApiConfig bad_base;
  bad_base.api_key = "k";
  bad_base.base_url = "ftp://api.opensubtitles.com/api/v1";
  EXPECT_EQ(ApiClient::create(transport, clock, bad_base).error().kind, ErrorKind::invalid_argument);
}

TEST(RebaseApiUrl, ReplacesTheHostAndKeepsSchemePortAndPath) {
  EXPECT_EQ(rebase_api_url("https://api.opensubtitles.com/api/v1", "vip-api.opensubtitles.com").value(),
            "https://vip-api.opensubtitles.com/api/v1");
  EXPECT_EQ(rebase_api_url("http://127.0.0.1:18080/api/v1", "localhost").value(), "http://localhost:18080/api/v1");
  EXPECT_EQ(rebase_api_url("http://127.0.0.1:18080/api/v1", "localhost:9000").value(),
            "http://localhost:9000/api/v1");
  EXPECT_FALSE(rebase_api_url("https://api.opensubtitles.com/api/v1", "bad host").ok());
}

}  // namespace
}  // namespace scrapers::opensubtitles
