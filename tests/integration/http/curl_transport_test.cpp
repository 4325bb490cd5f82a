// CurlTransport against the in-process fixture server: the normal paths.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/http/classify.hpp"
#include "tests/integration/http/server_fixture.hpp"
#include "tests/unit/http/temp_dir.hpp"

namespace scrapers::http {
namespace {

using namespace std::chrono_literals;
using testing::ServerTest;

class CurlTransportTest : public ServerTest {};

TEST_F(CurlTransportTest, FetchesARecordingWithStatusHeadersAndEffectiveUrl) {
  CurlTransport transport(quick_options());
  auto response = transport.send(get("/api/hello?lang=en"));
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->content_type(), "application/json");
  EXPECT_EQ(response->headers.get("x-fixture"), "hello");
  EXPECT_EQ(response->effective_url, url("/api/hello?lang=en"));
  EXPECT_EQ(response->redirect_count, 0);
  EXPECT_GT(response->timings.total.count(), 0);
  auto json = parse_json_body(*response, response->effective_url);
  ASSERT_TRUE(json.ok()) << json.error().describe();
  EXPECT_EQ((*json)["greeting"], "Hello — 안녕하세요 “world”");
}

TEST_F(CurlTransportTest, RecordingsAreServedAsRecordedWithoutOnTheFlyCompression) {
  CurlTransport transport(quick_options());
  auto response = transport.send(get("/article/1"));
  ASSERT_TRUE(response.ok()) << response.error().describe();
  const auto expected = testing::read_text(std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/http/article.html");
  EXPECT_EQ(response->body, expected);
  EXPECT_FALSE(response->headers.has("Content-Encoding"))
      << "compressed answers come only from the gzip/br faults";
}

TEST_F(CurlTransportTest, GzipAndBrotliBodiesAreDecoded) {
  const std::string text(50000, 'z');
  for (const char* encoding : {"gzip", "br"}) {
    server().reset();
    fault({{"path", "/compressed"}, {"fault", encoding}, {"body", text}});
    CurlTransport transport(quick_options());
    auto response = transport.send(get("/compressed"));
    ASSERT_TRUE(response.ok()) << encoding << ": " << response.error().describe();
    EXPECT_EQ(response->body, text) << encoding;
    EXPECT_EQ(response->headers.get("Content-Encoding"), encoding);
    ASSERT_EQ(server().requests().size(), 1u);
    EXPECT_LT(server().requests()[0].bytes_sent, 1000u) << "the wire carried compressed bytes";
  }
}

TEST_F(CurlTransportTest, FollowsUpToFiveRedirects) {
  CurlTransport transport(quick_options());
  auto response = transport.send(get("/__gen/redirect/5"));
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->redirect_count, 5);
  EXPECT_EQ(response->effective_url, url("/__gen/redirect/0"));
  EXPECT_EQ(response->body, "end of redirect chain\n");
}

TEST_F(CurlTransportTest, ASixthRedirectIsAnHttpStatusError) {
  CurlTransport transport(quick_options());
  auto response = transport.send(get("/__gen/redirect/6"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::http_status);
  EXPECT_EQ(response.error().http_status, 302);
  EXPECT_FALSE(response.error().retryable());
  EXPECT_NE(response.error().message.find(url("/__gen/redirect/6")), std::string::npos);
}

TEST_F(CurlTransportTest, RecordedRedirectsAreFollowed) {
  CurlTransport transport(quick_options());
  auto response = transport.send(get("/old/article"));
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->redirect_count, 1);
  EXPECT_EQ(response->effective_url, url("/article/1"));
}

TEST_F(CurlTransportTest, ARedirectIsReturnedAsIsWhenNotFollowing) {
  CurlTransport transport(quick_options());
  Request request = get("/__gen/redirect/2");
  request.follow_redirects = false;
  auto response = transport.send(request);
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 302);
  EXPECT_EQ(response->headers.get("Location"), "/__gen/redirect/1");
}

TEST_F(CurlTransportTest, NonHttpSchemesAreRejectedBeforeSending) {
  CurlTransport transport(quick_options());
  for (const char* bad : {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/", "dict://127.0.0.1/"}) {
    Request request;
    request.url = bad;
    auto response = transport.send(request);
    ASSERT_FALSE(response.ok()) << bad;
    EXPECT_EQ(response.error().kind, ErrorKind::invalid_argument) << bad;
  }
  EXPECT_EQ(transport.stats().requests, 0u);
}

TEST_F(CurlTransportTest, ConnectionsAreReusedAcrossRequestsToTheSameServer) {
  CurlTransport transport(quick_options());
  for (int i = 0; i < 4; ++i) {
    auto response = transport.send(get("/api/hello?lang=en"));
    ASSERT_TRUE(response.ok()) << response.error().describe();
  }
  EXPECT_EQ(transport.stats().requests, 4u);
  EXPECT_EQ(transport.stats().connections_opened, 1u);
  EXPECT_EQ(server().connections(), 1u);
  const auto requests = server().requests();
  ASSERT_EQ(requests.size(), 4u);
  for (const auto& request : requests) EXPECT_EQ(request.remote_port, requests[0].remote_port);
}

TEST_F(CurlTransportTest, SendsADescriptiveUserAgentUnlessTheRequestSetsOne) {
  CurlTransport transport(quick_options());
  ASSERT_TRUE(transport.send(get("/__gen/echo")).ok());
  Request custom = get("/__gen/echo");
  custom.headers.add("User-Agent", "ChapterBridge v1.0.0");
  custom.headers.add("Api-Key", "k");
  ASSERT_TRUE(transport.send(custom).ok());
  const auto requests = server().requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].header("User-Agent"), kDefaultUserAgent);
  EXPECT_NE(requests[0].header("Accept-Encoding").find("br"), std::string::npos);
  EXPECT_EQ(requests[1].header("User-Agent"), "ChapterBridge v1.0.0");
  EXPECT_EQ(requests[1].header("Api-Key"), "k");
}

TEST_F(CurlTransportTest, PostAndPutSendTheirBodiesWithoutAFormContentType) {
  CurlTransport transport(quick_options());
  Request post = get("/__gen/echo");
  post.method = "POST";
  post.body = R"({"file_id":8123001})";
  post.headers.add("Content-Type", "application/json");
  auto posted = transport.send(post);
  ASSERT_TRUE(posted.ok()) << posted.error().describe();
  auto echo = nlohmann::json::parse(posted->body);
  EXPECT_EQ(echo["method"], "POST");
  EXPECT_EQ(echo["body"], post.body);
  EXPECT_EQ(echo["headers"]["Content-Type"], "application/json");

  Request put = get("/__gen/echo");
  put.method = "PUT";
  put.body = std::string(2 << 20, 'b');  // large enough that curl would otherwise send Expect
  auto stored = transport.send(put);
  ASSERT_TRUE(stored.ok()) << stored.error().describe();
  echo = nlohmann::json::parse(stored->body);
  EXPECT_EQ(echo["method"], "PUT");
  EXPECT_EQ(echo["body"].get<std::string>().size(), put.body.size());
  EXPECT_FALSE(echo["headers"].contains("Content-Type"));
  EXPECT_FALSE(echo["headers"].contains("Expect"));
}

TEST_F(CurlTransportTest, AwsSigV4SignsTheRequest) {
  CurlTransport transport(quick_options());
  Request request = get("/__gen/echo");
  request.method = "PUT";
  request.body = "object bytes";
  request.aws_sigv4 = AwsSigV4{"aws:amz:auto:s3", "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"};
  auto response = transport.send(request);
  ASSERT_TRUE(response.ok()) << response.error().describe();
  const auto echo = nlohmann::json::parse(response->body);
  const std::string authorization = echo["headers"].value("Authorization", "");
  EXPECT_EQ(authorization.rfind("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", 0), 0u) << authorization;
  EXPECT_NE(authorization.find("/auto/s3/aws4_request"), std::string::npos) << authorization;
  EXPECT_TRUE(echo["headers"].contains("X-Amz-Date") || echo["headers"].contains("x-amz-date"));
}

TEST_F(CurlTransportTest, AChallengePageIsAResponseThatClassifiesAsBlocked) {
  fault({{"path", "/novel/1"}, {"fault", "challenge"}});
  CurlTransport transport(quick_options());
  auto response = transport.send(get("/novel/1"));
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 403);
  EXPECT_TRUE(is_challenge(*response));
  auto json = parse_json_body(*response, url("/novel/1"));
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.error().kind, ErrorKind::blocked);
}

TEST_F(CurlTransportTest, ARefusedConnectionIsANetworkErrorNamingTheUrl) {
  const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(::bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length), 0);
  ::close(probe);  // nothing listens on this port now
  const std::string target = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/x?token=s3cret";
  CurlTransport transport(quick_options());
  Request request;
  request.url = target;
  auto response = transport.send(request);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::network);
  EXPECT_NE(response.error().message.find("/x?token=REDACTED"), std::string::npos) << response.error().message;
  EXPECT_EQ(response.error().message.find("s3cret"), std::string::npos);
}

}  // namespace
}  // namespace scrapers::http
