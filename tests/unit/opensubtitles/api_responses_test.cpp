#include "scrapers/opensubtitles/api_responses.hpp"

#include <gtest/gtest.h>

#include "tests/unit/opensubtitles/fixtures.hpp"

namespace scrapers::opensubtitles {
namespace {

using testing::read_fixture;

TEST(DownloadResponse, ReadsTheLinkFileNameAndQuota) {
  auto link = parse_download_response(read_fixture("api/download-8123001.json"));
  ASSERT_TRUE(link.ok()) << link.error().describe();
  EXPECT_EQ(link->link,
            "https://www.opensubtitles.com/download/5A3F0C9E1B7D2A4C/subfile/solo.leveling.s01e01.en.srt");
  EXPECT_EQ(link->file_name, "[SubsPlease] Solo Leveling - 01 (1080p).en.srt");
  EXPECT_EQ(link->quota.remaining, 4);
  EXPECT_EQ(link->quota.requests, 1);
  EXPECT_EQ(link->quota.reset_time_utc, "2025-06-14T17:03:16.000Z");
}

TEST(DownloadResponse, WithoutALinkIsMissingField) {
  auto link = parse_download_response(R"({"file_name":"x.srt","remaining":3})");
  ASSERT_FALSE(link.ok());
  EXPECT_EQ(link.error().kind, ErrorKind::missing_field);
}

TEST(DownloadResponse, RefusesLinksThatAreNotHttp) {
  EXPECT_EQ(parse_download_response(R"({"link":"file:///etc/passwd"})").error().kind, ErrorKind::parse);
  EXPECT_EQ(parse_download_response(R"j({"link":"javascript:alert(1)"})j").error().kind, ErrorKind::parse);
  EXPECT_EQ(parse_download_response(R"({"link":"https:///nohost"})").error().kind, ErrorKind::parse);
  EXPECT_EQ(parse_download_response(R"({"link":"https://a b/c"})").error().kind, ErrorKind::parse);
}

TEST(ApiFailure, QuotaBodyOf406IsQuotaExhaustedWithResetTime) {
  const ApiFailure failure = describe_api_failure(406, read_fixture("api/download-406-quota.json"));
  EXPECT_EQ(failure.error.kind, ErrorKind::quota_exhausted);
  EXPECT_EQ(failure.error.http_status, 406);
  EXPECT_FALSE(failure.error.retryable());
  ASSERT_TRUE(failure.quota.has_value());
  EXPECT_EQ(failure.quota->remaining, 0);
  EXPECT_EQ(failure.quota->requests, 5);
  EXPECT_EQ(failure.quota->reset_time_utc, "2024-04-23T23:59:59.000Z");
  EXPECT_EQ(failure.quota->reset_time, "09 hours and 57 minutes");
  EXPECT_NE(failure.error.message.find("allowed 5 subtitles for 24h.Your quota"), std::string::npos);
}

TEST(ApiFailure, InvalidToken406IsUnauthorizedNotQuota) {
  const ApiFailure failure = describe_api_failure(406, read_fixture("api/download-406-invalid-token.json"));
  EXPECT_EQ(failure.error.kind, ErrorKind::unauthorized);
  EXPECT_FALSE(failure.quota.has_value());
}

TEST(ApiFailure, InvalidDomain401SaysTheTokenDoesNotFitTheHost) {
  const ApiFailure failure = describe_api_failure(401, read_fixture("api/error-401-invalid-domain.json"));
  EXPECT_EQ(failure.error.kind, ErrorKind::unauthorized);
  EXPECT_NE(failure.error.message.find("Invalid domain"), std::string::npos);
}

TEST(ApiFailure, BadCredentialsAndBadKeyFailFast) {
  const ApiFailure login = describe_api_failure(401, read_fixture("api/login-401-bad-credentials.json"),
                                                "POST /login");
  EXPECT_EQ(login.error.kind, ErrorKind::unauthorized);
  EXPECT_EQ(login.error.context, "POST /login");
  EXPECT_NE(login.error.message.find("invalid username/password"), std::string::npos);
  const ApiFailure key = describe_api_failure(403, read_fixture("api/error-403-api-key.json"));
  EXPECT_EQ(key.error.kind, ErrorKind::unauthorized);
  EXPECT_FALSE(key.error.retryable());
}

TEST(ApiFailure, ExpiredLinkIs410AndRateLimitIsRetryable) {
  const ApiFailure gone = describe_api_failure(410, read_fixture("api/download-410-expired.json"));
  EXPECT_EQ(gone.error.kind, ErrorKind::http_status);
  EXPECT_EQ(gone.error.http_status, 410);
  EXPECT_FALSE(gone.error.retryable());
  const ApiFailure limited = describe_api_failure(429, read_fixture("api/error-429-rate-limit.json"));
  EXPECT_EQ(limited.error.http_status, 429);
  EXPECT_TRUE(limited.error.retryable());
  EXPECT_NE(limited.error.message.find("API rate limit exceeded"), std::string::npos);
}

TEST(ApiFailure, HtmlErrorPageIsDescribedByItsTitle) {
  const ApiFailure failure = describe_api_failure(503, read_fixture("api/error-503-html.html"));
  EXPECT_EQ(failure.error.message, "OpenSubtitles answered HTTP 503: 503 Service Temporarily Unavailable");
  EXPECT_TRUE(failure.error.retryable());
}

TEST(ServerMessage, IsOneBoundedPrintableLine) {
  const std::string noisy = "line one\r\nline\ttwo\x01 " + std::string(500, 'x');
  const std::string message = server_message(noisy);
  EXPECT_EQ(message.find('\n'), std::string::npos);
  EXPECT_EQ(message.find('\x01'), std::string::npos);
  EXPECT_LE(message.size(), 200u);
  EXPECT_EQ(message.substr(0, 17), "line one line two");
  EXPECT_EQ(server_message(R"({"errors":["a","b"]})"), "a; b");
  EXPECT_EQ(server_message(""), "");
}

TEST(LoginResponse, ReadsTokenAndTheDifferentBaseUrlHost) {
  auto login = parse_login_response(read_fixture("api/login-vip-base-url.json"));
  ASSERT_TRUE(login.ok()) << login.error().describe();
  EXPECT_EQ(login->base_host, "vip-api.opensubtitles.com");
  EXPECT_EQ(login->token.substr(0, 3), "eyJ");
  EXPECT_EQ(login->allowed_downloads, 1000);
  EXPECT_EQ(login->vip, true);
  EXPECT_EQ(login->level, "VIP member");
}

TEST(LoginResponse, WithoutTokenIsMissingFieldAndBadHostIsRejected) {
  EXPECT_EQ(parse_login_response(R"({"base_url":"api.opensubtitles.com"})").error().kind,
            ErrorKind::missing_field);
  auto bad = parse_login_response(R"({"token":"secret-token-value","base_url":"evil.com@x"})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::parse);
  EXPECT_EQ(bad.error().describe().find("secret-token-value"), std::string::npos);
}

TEST(BaseUrlHost, AcceptsBareHostsAndToleratesSchemeAndPath) {
  EXPECT_EQ(base_url_host("api.opensubtitles.com"), "api.opensubtitles.com");
  EXPECT_EQ(base_url_host("https://VIP-api.opensubtitles.com/api/v1"), "vip-api.opensubtitles.com");
  EXPECT_EQ(base_url_host("localhost:8080"), "localhost:8080");
  EXPECT_EQ(base_url_host(""), std::nullopt);
  EXPECT_EQ(base_url_host("a b"), std::nullopt);
  EXPECT_EQ(base_url_host("user@host"), std::nullopt);
}

}  // namespace
}  // namespace scrapers::opensubtitles
