// The redirect policy through real libcurl against the fixture server on 127.0.0.1:
// every hop is checked by our own loop (redirect_policy.hpp), and a download's socket
// may connect only to a public address.
#include <gtest/gtest.h>

#include "common/http/redirect_policy.hpp"
#include "tests/integration/http/server_fixture.hpp"

namespace scrapers::http {
namespace {

using testing::ServerTest;

class CurlRedirectTest : public ServerTest {
 protected:
  static std::string port() { return std::to_string(server().port()); }
  static Request at(const std::string& host, const std::string& target, Reach reach = Reach::site) {
    Request request;
    request.url = "http://" + host + ":" + port() + target;
    request.reach = reach;
    return request;
  }
};

TEST_F(CurlRedirectTest, ARedirectOnTheSameHostIsFollowed) {
  fault({{"path", "/hop"}, {"fault", "redirect"}, {"location", "/__gen/echo?step=2"}});
  CurlTransport transport(quick_options());
  auto response = transport.send(get("/hop"));
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->redirect_count, 1);
  EXPECT_EQ(response->effective_url, url("/__gen/echo?step=2"));
  EXPECT_EQ(server().requests().size(), 2u);
}

TEST_F(CurlRedirectTest, ARedirectToTheWwwTwinIsFollowed) {
  fault({{"path", "/to-www"},
         {"fault", "redirect"},
         {"location", "http://www.localhost:" + port() + "/__gen/echo"}});
  CurlTransport transport(quick_options());
  auto response = transport.send(at("localhost", "/to-www"));
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 200);
  const auto requests = server().requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].header("Host"), "www.localhost:" + port());
}

TEST_F(CurlRedirectTest, ARedirectToAnotherHostIsRefusedBeforeItIsSent) {
  fault(
      {{"path", "/away"}, {"fault", "redirect"}, {"location", "http://localhost:" + port() + "/__gen/echo?k=v"}});
  CurlTransport transport(quick_options());
  auto response = transport.send(get("/away"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(response.error().message.find("refused http://localhost:" + port() +
                                          "/__gen/echo (a redirect to "
                                          "another host"),
            std::string::npos)
      << response.error().message;
  EXPECT_EQ(response.error().message.find("k=v"), std::string::npos);
  EXPECT_EQ(server().requests().size(), 1u) << "nothing reached the other host";
}

TEST_F(CurlRedirectTest, TheRedirectCountIsCapped) {
  CurlOptions options = quick_options();
  options.max_redirects = 2;
  CurlTransport transport(options);
  auto response = transport.send(get("/__gen/redirect/3"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::http_status);
  EXPECT_NE(response.error().message.find("more than 2 redirects"), std::string::npos) << response.error().message;
  EXPECT_EQ(server().requests().size(), 3u) << "the request and two redirects";
  EXPECT_TRUE(transport.send(get("/__gen/redirect/2")).ok());
}

TEST_F(CurlRedirectTest, ADownloadToAPrivateAddressIsRefusedAtTheSocket) {
  // 2130706433 is 127.0.0.1 written as one number: no name check knows it, the
  // address the socket would connect to is what gets refused.
  CurlTransport transport(quick_options());
  Request request;
  request.url = "https://2130706433:" + port() + "/__gen/echo";
  request.reach = Reach::download;
  auto response = transport.send(request);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(response.error().message.find("resolved to 127.0.0.1"), std::string::npos) << response.error().message;
  EXPECT_EQ(server().requests().size(), 0u);
}

TEST_F(CurlRedirectTest, ADownloadOverHttpOrToALoopbackNameIsRefusedBeforeConnecting) {
  CurlTransport transport(quick_options());
  auto plain = transport.send(at("127.0.0.1", "/__gen/echo", Reach::download));
  ASSERT_FALSE(plain.ok());
  EXPECT_NE(plain.error().message.find("only over https"), std::string::npos) << plain.error().message;
  Request named;
  named.url = "https://localhost:" + port() + "/__gen/echo";
  named.reach = Reach::download;
  auto loopback = transport.send(named);
  ASSERT_FALSE(loopback.ok());
  EXPECT_NE(loopback.error().message.find("public addresses"), std::string::npos) << loopback.error().message;
  EXPECT_EQ(server().requests().size(), 0u);
}

TEST_F(CurlRedirectTest, ATrustedDownloadHostMayRedirectOnlyToItself) {
  fault({{"path", "/download/a.srt"}, {"fault", "redirect"}, {"location", "/download/b.srt"}});
  fault(
      {{"path", "/download/b.srt"}, {"fault", "redirect"}, {"location", "http://localhost:" + port() + "/x.srt"}});
  CurlTransport transport(quick_options());
  Request request = at("127.0.0.1", "/download/a.srt", Reach::download);
  request.trusted_host = "127.0.0.1";
  auto response = transport.send(request);
  ASSERT_FALSE(response.ok());
  EXPECT_NE(
      response.error().message.find("refused http://localhost:" + port() + " (downloads go only over https)"),
      std::string::npos)
      << response.error().message;
  EXPECT_EQ(server().requests().size(), 2u) << "a.srt and b.srt on the trusted host, nothing elsewhere";
}

}  // namespace
}  // namespace scrapers::http
