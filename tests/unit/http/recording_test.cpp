#include "common/http/recording_transport.hpp"

#include <gtest/gtest.h>

#include "common/http/redact.hpp"
#include "common/http/replay_transport.hpp"
#include "tests/support/fake_clock.hpp"
#include "tests/unit/http/scripted_transport.hpp"
#include "tests/unit/http/temp_dir.hpp"

namespace scrapers::http {
namespace {

using testing::read_text;
using testing::ScriptedTransport;
using testing::TempDir;

std::string all_files_text(const std::filesystem::path& dir) {
  std::string text;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) text += entry.path().filename().string() + "\n" + read_text(entry.path());
  }
  return text;
}

Request login_request() {
  Request request;
  request.method = "POST";
  request.url = "https://api.opensubtitles.com/api/v1/login?api_key=KEY-123&page=2";
  request.headers.add("Api-Key", "HEADER-KEY-456");
  request.headers.add("Authorization", "Bearer JWT-789");
  request.headers.add("Cookie", "session=COOKIE-000");
  request.headers.add("Content-Type", "application/json");
  request.body = R"({"username":"reader","password":"PASSWORD-111"})";
  return request;
}

Response login_response() {
  Response response;
  response.status = 200;
  response.headers.add("Content-Type", "application/json");
  response.headers.add("Set-Cookie", "cf_bm=SETCOOKIE-222; path=/");
  response.headers.add("X-Auth-Token", "HDRTOKEN-333");
  response.headers.add("RateLimit-Remaining", "4");
  response.headers.add("X-Internal", "dropped");
  response.body = R"({"user":{"user_id":66},"base_url":"api.opensubtitles.com","token":"eyJ-BODYTOKEN-444"})";
  return response;
}

TEST(Redaction, TokenLikeQueryParametersAreRedactedAndOthersKept) {
  EXPECT_EQ(
      redact_url("https://x.test/a?api_key=1&page=2&access_token=3&X-Amz-Signature=4&keyword=solo#f"),
      "https://x.test/a?api_key=REDACTED&page=2&access_token=REDACTED&X-Amz-Signature=REDACTED&keyword=solo#f");
  EXPECT_EQ(redact_url("https://x.test/a"), "https://x.test/a");
  EXPECT_TRUE(is_secret_header("authorization"));
  EXPECT_TRUE(is_secret_header("Api-Key"));
  EXPECT_TRUE(is_secret_header("set-cookie"));
  EXPECT_FALSE(is_secret_header("Retry-After"));
}

TEST(RecordingTransport, WritesNoSecretAnywhere) {
  TempDir dir;
  scrapers::testing::FakeClock clock;
  auto scripted = std::make_unique<ScriptedTransport>();
  scripted->push(login_response());
  RecordingTransport recorder(std::move(scripted), dir.path(), clock);
  auto result = recorder.send(login_request());
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_NE(result->body.find("BODYTOKEN"), std::string::npos) << "the caller still gets the real body";

  const std::string written = all_files_text(dir.path());
  ASSERT_FALSE(written.empty());
  for (const char* secret : {"KEY-123", "HEADER-KEY-456", "JWT-789", "COOKIE-000", "PASSWORD-111", "SETCOOKIE-222",
                             "HDRTOKEN-333", "BODYTOKEN-444"}) {
    EXPECT_EQ(written.find(secret), std::string::npos) << secret << " leaked into:\n" << written;
  }
  EXPECT_NE(written.find("RateLimit-Remaining"), std::string::npos) << "useful headers are kept";
  EXPECT_EQ(written.find("X-Internal"), std::string::npos) << "other headers are dropped";
  EXPECT_NE(written.find("api_key=REDACTED&page=2"), std::string::npos);
}

TEST(RecordingTransport, ARecordingReplaysForTheSameRequest) {
  TempDir dir;
  scrapers::testing::FakeClock clock;
  auto scripted = std::make_unique<ScriptedTransport>();
  scripted->push(login_response());
  RecordingTransport recorder(std::move(scripted), dir.path(), clock);
  ASSERT_TRUE(recorder.send(login_request()).ok());

  auto replay = ReplayTransport::open(dir.path());
  ASSERT_TRUE(replay.ok()) << replay.error().describe();
  EXPECT_EQ((*replay)->recordings(), 1u);
  Request again = login_request();
  again.url = "http://127.0.0.1:1234/api/v1/login?api_key=OTHER&page=2";
  auto response = (*replay)->send(again);
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->content_type(), "application/json");
  EXPECT_NE(response->body.find("\"user_id\":66"), std::string::npos);
}

TEST(RecordingTransport, TransportErrorsAreNotRecorded) {
  TempDir dir;
  scrapers::testing::FakeClock clock;
  auto scripted = std::make_unique<ScriptedTransport>();
  scripted->push(make_error(ErrorKind::timeout, "timed out"));
  RecordingTransport recorder(std::move(scripted), dir.path() / "out", clock);
  Request request;
  request.url = "https://x.test/a";
  auto result = recorder.send(request);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::timeout);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out"));
}

TEST(Redaction, SecretsAreRedactedAtAnyDepthWithoutRecursion) {
  // 200k levels: a recursive walk (or a copy) of this overflows the stack.
  constexpr int kDepth = 200000;
  std::string text = std::string(kDepth, '[') + R"({"token":"DEEP-SECRET","page":2})" + std::string(kDepth, ']');
  auto json = nlohmann::json::parse(text, nullptr, false);
  ASSERT_FALSE(json.is_discarded());
  EXPECT_TRUE(redact_json(json));
  const nlohmann::json* node = &json;
  for (int i = 0; i < kDepth; ++i) node = &node->at(0);
  EXPECT_EQ(node->at("token"), "REDACTED");
  EXPECT_EQ(node->at("page"), 2);
  auto plain = nlohmann::json::parse(R"({"a":[{"b":1}]})");
  EXPECT_FALSE(redact_json(plain)) << "nothing secret, nothing replaced";
}

TEST(Redaction, NestingDepthIgnoresBracketsInsideStrings) {
  EXPECT_EQ(json_nesting_depth(R"({"a":[1,{"b":"[[[{{{\"]]"}]})"), 3u);
  EXPECT_EQ(json_nesting_depth("plain text"), 0u);
  EXPECT_EQ(json_nesting_depth("]]]["), 1u) << "stray closers never go below zero";
}

TEST(RecordingTransport, AJsonBodyTooDeepToScrubIsPassedOnButNotRecorded) {
  TempDir dir;
  scrapers::testing::FakeClock clock;
  auto scripted = std::make_unique<ScriptedTransport>();
  Response deep = login_response();
  deep.body = std::string(200000, '[') + R"({"token":"DEEP-SECRET"})" + std::string(200000, ']');
  scripted->push(deep);
  RecordingTransport recorder(std::move(scripted), dir.path() / "out", clock);
  auto result = recorder.send(login_request());
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(result->body, deep.body) << "the program still gets the response";
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out")) << "nothing written, so no secret either";
}

TEST(RecordingFileName, IsReadableAndDistinctPerQuery) {
  const auto a = recording_file_name("GET", "https://wuxiaworld.eu/api/chapters/solo-leveling/",
                                     "application/json");
  const auto b = recording_file_name("GET", "https://wuxiaworld.eu/api/chapters/solo-leveling/?page=2",
                                     "application/json");
  EXPECT_EQ(a.rfind("get-api-chapters-solo-leveling-", 0), 0u) << a;
  EXPECT_EQ(a.substr(a.size() - 5), ".json");
  EXPECT_NE(a, b);
  EXPECT_EQ(recording_file_name("GET", "https://other.host/x", "text/html").substr(0, 5), "get-x");
}

}  // namespace
}  // namespace scrapers::http
