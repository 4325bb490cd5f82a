#include "common/http/classify.hpp"

#include <gtest/gtest.h>

namespace scrapers::http {
namespace {

const char* kUrl = "https://www.chereads.com/novel/solo?api_key=s3cret";

Response make(int status, std::string content_type, std::string body) {
  Response response;
  response.status = status;
  if (!content_type.empty()) response.headers.add("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

const std::string kChallengeBody =
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    "<script>window._cf_chl_opt={cType:'managed'};</script>"
    "<script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1\"></script></body></html>";

TEST(IsChallenge, TheCfMitigatedHeaderAloneMarksAChallenge) {
  Response response = make(403, "text/html", "");
  response.headers.add("CF-Mitigated", "challenge");
  EXPECT_TRUE(is_challenge(response));
}

TEST(IsChallenge, ChallengeMarkersIn403And429And503BodiesMarkAChallenge) {
  for (const int status : {403, 429, 503}) {
    EXPECT_TRUE(is_challenge(make(status, "text/html", kChallengeBody))) << status;
  }
  EXPECT_TRUE(is_challenge(make(403, "text/html", "<title>Just a moment...</title>")));
  EXPECT_TRUE(is_challenge(make(503, "text/html", "<script>_cf_chl_opt={}</script>")));
  EXPECT_TRUE(is_challenge(make(429, "text/html", "<script src='/cdn-cgi/challenge-platform/x'>")));
}

TEST(IsChallenge, AnOrdinary403IsNotAChallenge) {
  EXPECT_FALSE(is_challenge(make(403, "application/json", R"({"message":"You cannot consume this service"})")));
  EXPECT_FALSE(is_challenge(make(403, "text/html", "<html><title>403 Forbidden</title></html>")));
}

TEST(IsChallenge, MarkerTextOnASuccessfulPageIsNotAChallenge) {
  EXPECT_FALSE(is_challenge(make(200, "text/html", "<p>He said: Just a moment...</p>")));
}

TEST(ExpectOk, Accepts2xxOnly) {
  EXPECT_TRUE(expect_ok(make(200, "text/html", "x"), kUrl).ok());
  EXPECT_TRUE(expect_ok(make(204, "", ""), kUrl).ok());
  auto missing = expect_ok(make(404, "text/html", "nope"), kUrl);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::http_status);
  EXPECT_EQ(missing.error().http_status, 404);
  EXPECT_NE(missing.error().message.find("https://www.chereads.com/novel/solo"), std::string::npos);
  EXPECT_EQ(missing.error().message.find("s3cret"), std::string::npos);
}

TEST(ExpectOk, AChallengeIsBlockedNotAnHttpStatus) {
  auto blocked = expect_ok(make(403, "text/html", kChallengeBody), kUrl);
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().kind, ErrorKind::blocked);
  EXPECT_EQ(blocked.error().http_status, 403);
}

TEST(ParseJsonBody, ParsesJsonServedAsJson) {
  auto json = parse_json_body(make(200, "application/json; charset=utf-8", R"({"a":[1,2]})"), kUrl);
  ASSERT_TRUE(json.ok()) << json.error().describe();
  EXPECT_EQ((*json)["a"][1], 2);
  EXPECT_TRUE(parse_json_body(make(200, "application/vnd.api+json", "[]"), kUrl).ok());
  EXPECT_TRUE(parse_json_body(make(200, "", " \n{\"a\":1}"), kUrl).ok()) << "no type, JSON body";
  EXPECT_TRUE(parse_json_body(make(200, "application/json", "\xEF\xBB\xBF{}"), kUrl).ok()) << "BOM";
}

TEST(ParseJsonBody, AnHtmlPageWhereJsonWasExpectedIsBadContentTypeNamingUrlAndType) {
  auto json = parse_json_body(
      make(200, "text/html; charset=utf-8", "<!DOCTYPE html><html><title>Django REST framework</title>"), kUrl);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.error().kind, ErrorKind::bad_content_type);
  EXPECT_NE(json.error().message.find("text/html"), std::string::npos);
  EXPECT_NE(json.error().message.find("https://www.chereads.com/novel/solo"), std::string::npos);
}

TEST(ParseJsonBody, AChallengeIsBlockedEvenWhenAnyStatusIsAccepted) {
  for (const auto check : {StatusCheck::require_2xx, StatusCheck::any_status}) {
    auto json = parse_json_body(make(403, "text/html", kChallengeBody), kUrl, check);
    ASSERT_FALSE(json.ok());
    EXPECT_EQ(json.error().kind, ErrorKind::blocked);
  }
}

TEST(ParseJsonBody, MalformedJsonIsAParseErrorNamingTheUrl) {
  auto json = parse_json_body(make(200, "application/json", R"({"a": [1, 2)"), kUrl);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.error().kind, ErrorKind::parse);
  EXPECT_NE(json.error().message.find("https://www.chereads.com/novel/solo"), std::string::npos);
}

TEST(ParseJsonBody, AnErrorStatusIsHttpStatusUnlessAnyStatusIsAccepted) {
  const Response quota = make(406, "application/json", R"({"remaining":0,"message":"quota"})");
  auto strict = parse_json_body(quota, kUrl);
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.error().kind, ErrorKind::http_status);
  EXPECT_EQ(strict.error().http_status, 406);
  auto lenient = parse_json_body(quota, kUrl, StatusCheck::any_status);
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ((*lenient)["remaining"], 0);
}

TEST(ParseJsonBody, AnHtmlErrorPageWithAnErrorStatusIsStillBadContentTypeWhenAnyStatusIsAccepted) {
  auto json = parse_json_body(make(502, "text/html", "<html><title>502 Bad Gateway</title></html>"), kUrl,
                              StatusCheck::any_status);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.error().kind, ErrorKind::bad_content_type);
  EXPECT_EQ(json.error().http_status, 502);
}

}  // namespace
}  // namespace scrapers::http
