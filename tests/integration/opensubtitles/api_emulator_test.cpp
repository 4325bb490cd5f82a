// The API client over real libcurl against the fixture server's OpenSubtitles
// emulator (fixtures/opensubtitles/): canonical queries get no redirect, the key is
// required, quota / expired links / rate limits / login hosts behave as documented.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/http/curl_transport.hpp"
#include "scrapers/opensubtitles/api_client.hpp"
#include "tests/fixture_server/fixture_server.hpp"

namespace scrapers::opensubtitles {
namespace {

using nlohmann::json;

std::string fixture_text(const std::string& relative) {
  std::ifstream in(std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/opensubtitles/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class ApiEmulatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scrapers::testing::FixtureServerOptions options;
    options.root = std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/opensubtitles";
    options.emulators = {"opensubtitles"};
    server = std::make_unique<scrapers::testing::FixtureServer>(options);
    const auto started = server->start();
    ASSERT_TRUE(started.ok()) << started.error().describe();
  }

  ApiClient client(std::string key = "emulator-key") {
    ApiConfig config;
    config.base_url = server->base_url() + "/api/v1";
    config.api_key = std::move(key);
    config.request_interval = std::chrono::milliseconds(0);
    return ApiClient::create(transport, clock, config).value_or_throw();
  }

  json control(const std::string& method, const std::string& action, const json& body = json::object()) {
    http::Request request;
    request.method = method;
    request.url = server->base_url() + "/__opensubtitles/" + action;
    if (method == "POST") request.body = body.dump();
    auto response = transport.send(request);
    EXPECT_TRUE(response.ok());
    EXPECT_EQ(response->status, 200) << response->body;
    return json::parse(response->body);
  }

  int counter(const std::string& name) { return control("GET", "state")["counters"][name].get<int>(); }

  http::Response raw(const std::string& target, bool with_key) {
    http::Request request;
    request.url = server->base_url() + target;
    request.follow_redirects = false;
    request.headers.set("User-Agent", "ChapterBridge v1.0.0");
    if (with_key) request.headers.set("Api-Key", "k");
    return transport.send(request).value_or_throw();
  }

  static SearchQuery query(int season, int episode) {
    SearchQuery q;
    q.query = "Solo Leveling";
    q.season_number = season;
    q.episode_number = episode;
    q.languages = "en";
    return q;
  }

  std::unique_ptr<scrapers::testing::FixtureServer> server;
  http::CurlTransport transport;
  SystemClock clock;
};

TEST_F(ApiEmulatorTest, CanonicalSearchIsAnsweredWithoutARedirect) {
  auto c = client();
  auto page = c.search(query(1, 1));
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_EQ(page->results.size(), 3u);
  EXPECT_EQ(counter("redirects"), 0);
}

TEST_F(ApiEmulatorTest, UnsortedOrPercentTwentyQueriesAreRedirectedToTheCanonicalForm) {
  const http::Response unsorted = raw("/api/v1/subtitles?query=solo+leveling&languages=en", true);
  EXPECT_EQ(unsorted.status, 301);
  EXPECT_EQ(unsorted.headers.get("Location"), "/api/v1/subtitles?languages=en&query=solo+leveling");
  const http::Response spaces = raw("/api/v1/subtitles?languages=en&query=solo%20leveling", true);
  EXPECT_EQ(spaces.status, 301);
  EXPECT_EQ(spaces.headers.get("Location"), "/api/v1/subtitles?languages=en&query=solo+leveling");
}

TEST_F(ApiEmulatorTest, RequestsWithoutAnApiKeyAreForbidden) {
  EXPECT_EQ(raw("/api/v1/subtitles?languages=en", false).status, 403);
  EXPECT_EQ(counter("rejected_without_key"), 1);
}

TEST_F(ApiEmulatorTest, DownloadReturnsTheSubtitleBytesAndTheLinkIsFetchedWithoutCredentials) {
  auto c = client();
  auto file = c.download(8123001);
  ASSERT_TRUE(file.ok()) << file.error().describe();
  EXPECT_EQ(file->bytes, fixture_text("files/solo.leveling.s01e01.en.srt"));
  EXPECT_EQ(file->bytes.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(counter("link_fetches"), 1);
  EXPECT_EQ(counter("link_fetches_with_api_key"), 0);
  EXPECT_EQ(counter("link_fetches_with_token"), 0);
}

TEST_F(ApiEmulatorTest, QuotaIsExhaustedAfterTheConfiguredDownloadsAndNotRetried) {
  control("POST", "config", {{"downloads_before_406", 1}});
  auto c = client();
  auto first = c.download(8123001);
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_EQ(c.quota()->remaining, 0);
  auto second = c.download(8124004);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::quota_exhausted);
  EXPECT_EQ(c.quota()->reset_time_utc, "2024-04-23T23:59:59.000Z");
  EXPECT_EQ(counter("quota_refusals"), 1);
}

TEST_F(ApiEmulatorTest, AnExpiredLinkIsRequestedOnceMore) {
  control("POST", "config", {{"expire_next_links", 1}});
  auto c = client();
  auto file = c.download(8125002);
  ASSERT_TRUE(file.ok()) << file.error().describe();
  EXPECT_EQ(file->links_requested, 2);
  EXPECT_EQ(file->bytes, fixture_text("files/solo.leveling.s01e03.vtt"));
  EXPECT_EQ(counter("downloads"), 2);
}

TEST_F(ApiEmulatorTest, RateLimitedRequestIsRetriedAfterRetryAfter) {
  control("POST", "config", {{"throttle_next", 1}, {"retry_after", 1}});
  auto c = client();
  const auto start = std::chrono::steady_clock::now();
  auto page = c.search(query(1, 2));
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_EQ(c.rate_limit_waits(), 1);
  EXPECT_GE(waited, std::chrono::milliseconds(900));  // the one-second Retry-After was honoured
  EXPECT_EQ(counter("rate_limited"), 1);
}

TEST_F(ApiEmulatorTest, LoginNamingTheConfiguredHostKeepsTheClientWhereItsTokenIsValid) {
  auto c = client();
  ASSERT_TRUE(c.login("demo", "secret").ok());
  EXPECT_EQ(c.base_url(), server->base_url() + "/api/v1");
  auto page = c.search(query(1, 3));
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_EQ(counter("unauthorized"), 0);
  auto file = c.download(8125002);
  ASSERT_TRUE(file.ok()) << file.error().describe();
  EXPECT_EQ(counter("link_fetches_with_token"), 0);
}

TEST_F(ApiEmulatorTest, ATokenSentToTheWrongHostIsInvalidDomain) {
  http::Request request;
  request.method = "POST";
  request.url = server->base_url() + "/api/v1/login";
  request.headers.set("Api-Key", "k");
  request.headers.set("User-Agent", "ChapterBridge v1.0.0");
  request.body = R"({"username":"demo","password":"x"})";
  const auto login = json::parse(transport.send(request).value_or_throw().body);
  EXPECT_EQ(login["base_url"], "127.0.0.1");
  http::Request search;
  search.url = "http://localhost:" + std::to_string(server->port()) + "/api/v1/subtitles?languages=en";
  search.headers.set("Api-Key", "k");
  search.headers.set("User-Agent", "ChapterBridge v1.0.0");
  search.headers.set("Authorization", "Bearer " + login["token"].get<std::string>());
  const http::Response refused = transport.send(search).value_or_throw();
  EXPECT_EQ(refused.status, 401);
  EXPECT_NE(refused.body.find("Invalid domain"), std::string::npos);
}

TEST_F(ApiEmulatorTest, ALoginBaseUrlOffOpenSubtitlesIsIgnoredAndGetsNoRequest) {
  scrapers::testing::FixtureServer elsewhere;
  ASSERT_TRUE(elsewhere.start().ok());
  control("POST", "config", {{"login_base_url", "localhost:" + std::to_string(elsewhere.port())}});
  auto c = client();
  ASSERT_TRUE(c.login("demo", "secret").ok());
  EXPECT_EQ(c.base_url(), server->base_url() + "/api/v1");
  auto page = c.search(query(1, 3));
  ASSERT_TRUE(page.ok()) << page.error().describe();
  auto file = c.download(8125002);
  ASSERT_TRUE(file.ok()) << file.error().describe();
  EXPECT_TRUE(elsewhere.requests().empty());
}

TEST_F(ApiEmulatorTest, FailedLoginIsUnauthorized) {
  control("POST", "config", {{"fail_login", true}});
  auto c = client();
  auto status = c.login("demo", "wrong");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::unauthorized);
}

TEST_F(ApiEmulatorTest, ControlRejectsUnknownSettingsAndResetRestoresDefaults) {
  http::Request bad;
  bad.method = "POST";
  bad.url = server->base_url() + "/__opensubtitles/config";
  bad.body = R"({"downloads_before_406":"three"})";
  EXPECT_EQ(transport.send(bad).value_or_throw().status, 400);
  control("POST", "config", {{"downloads_before_406", 0}});
  control("POST", "reset");
  EXPECT_EQ(control("GET", "state")["settings"]["downloads_before_406"], -1);
}

}  // namespace
}  // namespace scrapers::opensubtitles
