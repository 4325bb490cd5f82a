#include "common/http/replay_transport.hpp"

#include <gtest/gtest.h>

#include "tests/unit/http/temp_dir.hpp"

namespace scrapers::http {
namespace {

using testing::TempDir;
using testing::write_text;

struct ReplayFixture : ::testing::Test {
  TempDir dir;

  void record(const std::string& name, const std::string& meta, const std::optional<std::string>& body) {
    write_text(dir.path() / "site" / (name + ".meta.json"), meta);
    if (body) write_text(dir.path() / "site" / name, *body);
  }
  std::unique_ptr<ReplayTransport> open() {
    auto replay = ReplayTransport::open(dir.path());
    EXPECT_TRUE(replay.ok()) << replay.error().describe();
    return replay.ok() ? std::move(*replay) : nullptr;
  }
  static Request req(std::string url, std::string method = "GET", std::string body = {}) {
    Request request;
    request.method = std::move(method);
    request.url = std::move(url);
    request.body = std::move(body);
    return request;
  }
};

TEST_F(ReplayFixture, AnswersFromTheRecordingWhateverTheSchemeAndHost) {
  record("chapters-solo-leveling.json",
         R"({"method":"GET","url":"https://wuxiaworld.eu/api/chapters/solo-leveling/","status":200,
             "content_type":"application/json","headers":{"X-Trace":"abc"},"recorded_at":"2025-06-01T12:00:00Z"})",
         R"([{"title":"Chapter 1"}])");
  auto replay = open();
  ASSERT_TRUE(replay);
  for (const char* url : {"https://wuxiaworld.eu/api/chapters/solo-leveling/",
                          "http://127.0.0.1:5555/api/chapters/solo-leveling/"}) {
    auto response = replay->send(req(url));
    ASSERT_TRUE(response.ok()) << response.error().describe();
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, R"([{"title":"Chapter 1"}])");
    EXPECT_EQ(response->content_type(), "application/json");
    EXPECT_EQ(response->headers.get("x-trace"), "abc");
    EXPECT_EQ(response->effective_url, url);
  }
  EXPECT_EQ(replay->requests_served(), 2u);
}

TEST_F(ReplayFixture, AMissingRecordingIsNotFoundNamingMethodAndUrl) {
  record("a.json", R"({"url":"/api/a","content_type":"application/json"})", "{}");
  auto replay = open();
  auto response = replay->send(req("https://wuxiaworld.eu/api/b?page=2"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::not_found);
  EXPECT_NE(response.error().message.find("GET https://wuxiaworld.eu/api/b?page=2"), std::string::npos)
      << response.error().message;
}

TEST_F(ReplayFixture, MethodAndQueryMustMatchExactly) {
  record("a.json", R"({"url":"https://x.test/api/a?page=2&sort=asc","content_type":"application/json"})", "{}");
  auto replay = open();
  EXPECT_TRUE(replay->send(req("https://x.test/api/a?page=2&sort=asc")).ok());
  EXPECT_TRUE(replay->send(req("https://x.test/api/a?page=2&sort=asc", "HEAD")).ok()) << "HEAD matches GET";
  EXPECT_FALSE(replay->send(req("https://x.test/api/a?sort=asc&page=2")).ok()) << "order matters";
  EXPECT_FALSE(replay->send(req("https://x.test/api/a?page=2&sort=asc", "POST")).ok());
  EXPECT_FALSE(replay->send(req("https://x.test/api/a")).ok());
}

TEST_F(ReplayFixture, SecretQueryValuesMatchAfterRedaction) {
  record("s.json", R"({"url":"https://x.test/dl?api_key=REDACTED&id=7","content_type":"application/json"})", "{}");
  auto replay = open();
  EXPECT_TRUE(replay->send(req("https://x.test/dl?api_key=real-key&id=7")).ok());
  EXPECT_FALSE(replay->send(req("https://x.test/dl?api_key=real-key&id=8")).ok());
}

TEST_F(ReplayFixture, ARecordedRequestBodySelectsBetweenRecordingsOfOneUrl) {
  record("dl-1.json", R"({"method":"POST","url":"/api/v1/download","request_body":{"file_id":1},
                          "content_type":"application/json"})",
         R"({"link":"one"})");
  record("dl-2.json", R"({"method":"POST","url":"/api/v1/download","request_body":{"file_id":2},
                          "content_type":"application/json"})",
         R"({"link":"two"})");
  auto replay = open();
  auto two = replay->send(req("https://api.test/api/v1/download", "POST", R"({ "file_id" : 2 })"));
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->body, R"({"link":"two"})");
  auto three = replay->send(req("https://api.test/api/v1/download", "POST", R"({"file_id":3})"));
  ASSERT_FALSE(three.ok());
  EXPECT_EQ(three.error().kind, ErrorKind::not_found);
}

TEST_F(ReplayFixture, SeveralEquallyGoodRecordingsAreReportedAsAmbiguous) {
  record("a.json", R"({"url":"/x","content_type":"text/plain"})", "a");
  record("b.json", R"({"url":"https://other.test/x","content_type":"text/plain"})", "b");
  auto replay = open();
  auto response = replay->send(req("https://x.test/x"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(response.error().message.find("a.json.meta.json"), std::string::npos);
  EXPECT_NE(response.error().message.find("b.json.meta.json"), std::string::npos);
}

TEST_F(ReplayFixture, AmbiguousKeysAreListedForLinting) {
  record("a.json", R"({"url":"/x","content_type":"text/plain"})", "a");
  record("b.json", R"({"url":"/x","content_type":"text/plain"})", "b");
  record("c.json", R"({"url":"/y","method":"POST","request_body":{"id":1}})", "c");
  record("d.json", R"({"url":"/y","method":"POST","request_body":{"id":2}})", "d");
  auto index = RecordingIndex::load(dir.path());
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->ambiguous_keys(), std::vector<std::string>{"GET /x"});
}

TEST_F(ReplayFixture, AParserOnlyFixtureMarkedReplayFalseIsIgnored) {
  record("a.json", R"({"url":"/x","content_type":"text/plain"})", "a");
  record("edge.json", R"({"url":"/x","content_type":"text/plain","replay":false})", "edge");
  auto replay = open();
  auto response = replay->send(req("https://x.test/x"));
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->body, "a");
}

TEST_F(ReplayFixture, RedirectRecordingsAreFollowedToTheirTarget) {
  record("unsorted", R"({"url":"/api/v1/subtitles?query=x&languages=en","status":301,
                        "headers":{"Location":"/api/v1/subtitles?languages=en&query=x"}})",
         std::nullopt);
  record("sorted.json", R"({"url":"/api/v1/subtitles?languages=en&query=x","content_type":"application/json"})",
         R"({"data":[]})");
  auto replay = open();
  auto followed = replay->send(req("http://127.0.0.1:9/api/v1/subtitles?query=x&languages=en"));
  ASSERT_TRUE(followed.ok()) << followed.error().describe();
  EXPECT_EQ(followed->status, 200);
  EXPECT_EQ(followed->redirect_count, 1);
  EXPECT_EQ(followed->effective_url, "http://127.0.0.1:9/api/v1/subtitles?languages=en&query=x");
  Request manual = req("http://127.0.0.1:9/api/v1/subtitles?query=x&languages=en");
  manual.follow_redirects = false;
  auto not_followed = replay->send(manual);
  ASSERT_TRUE(not_followed.ok());
  EXPECT_EQ(not_followed->status, 301);
}

TEST_F(ReplayFixture, ARedirectLoopStopsAfterFiveHops) {
  record("loop", R"({"url":"/loop","status":302,"headers":{"Location":"/loop"}})", std::nullopt);
  auto replay = open();
  auto response = replay->send(req("https://x.test/loop"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::http_status);
  EXPECT_EQ(response.error().http_status, 302);
}

TEST_F(ReplayFixture, TheBodySizeCapApplies) {
  record("big.txt", R"({"url":"/big","content_type":"text/plain"})", std::string(1000, 'x'));
  auto replay = open();
  Request request = req("https://x.test/big");
  request.max_body_bytes = 999;
  auto response = replay->send(request);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::too_large);
}

TEST_F(ReplayFixture, NonHttpUrlsAreRejectedLikeTheCurlTransport) {
  record("a.json", R"({"url":"/etc/passwd","content_type":"text/plain"})", "x");
  auto replay = open();
  auto response = replay->send(req("file:///etc/passwd"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::invalid_argument);
}

TEST_F(ReplayFixture, AMalformedMetaFileFailsLoudlyWhenOpening) {
  record("bad.json", R"({"url": "/x", )", "x");
  auto replay = ReplayTransport::open(dir.path());
  ASSERT_FALSE(replay.ok());
  EXPECT_EQ(replay.error().kind, ErrorKind::parse);
  EXPECT_NE(replay.error().context.find("bad.json.meta.json"), std::string::npos);
}

TEST_F(ReplayFixture, AMissingBodyFileFailsWhenOpeningExceptForRedirects) {
  record("nobody.json", R"({"url":"/x","status":200})", std::nullopt);
  auto replay = ReplayTransport::open(dir.path());
  ASSERT_FALSE(replay.ok());
  EXPECT_EQ(replay.error().kind, ErrorKind::not_found);
}

TEST(Replay, AMissingDirectoryIsNotFound) {
  auto replay = ReplayTransport::open("/nonexistent/recordings");
  ASSERT_FALSE(replay.ok());
  EXPECT_EQ(replay.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace scrapers::http
