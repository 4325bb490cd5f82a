// The redirect policy (redirect_policy.hpp) and the public-address test it relies on,
// as rules, and through the replay transport that walks redirects with it.
#include "common/http/redirect_policy.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "common/http/public_address.hpp"
#include "common/http/replay_transport.hpp"
#include "tests/unit/http/temp_dir.hpp"

namespace scrapers::http {
namespace {

Request request_for(std::string url, Reach reach = Reach::site) {
  Request request;
  request.url = std::move(url);
  request.reach = reach;
  return request;
}

Result<Hop> redirect(const Request& request, std::string_view location, int status = 302) {
  return next_hop(request, first_hop(request).value(), status, location);
}

bool v4_public(const char* text) {
  std::array<std::uint8_t, 4> bytes{};
  EXPECT_EQ(inet_pton(AF_INET, text, bytes.data()), 1) << text;
  return is_public_ipv4(bytes);
}

bool v6_public(const char* text) {
  std::array<std::uint8_t, 16> bytes{};
  EXPECT_EQ(inet_pton(AF_INET6, text, bytes.data()), 1) << text;
  return is_public_ipv6(bytes);
}

TEST(PublicAddress, PrivateLoopbackLinkLocalCgnatAndMulticastAreNotPublic) {
  for (const char* address : {"0.0.0.0", "10.1.2.3", "100.64.0.1", "100.127.255.254", "127.0.0.1",
                              "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.168.1.1", "198.18.0.1",
                              "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255"}) {
    EXPECT_FALSE(v4_public(address)) << address;
  }
  for (const char* address :
       {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1", "104.16.0.1"}) {
    EXPECT_TRUE(v4_public(address)) << address;
  }
  for (const char* address : {"::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1",
                              "::ffff:10.0.0.1", "64:ff9b::a00:1", "2001:db8::1", "::127.0.0.1"}) {
    EXPECT_FALSE(v6_public(address)) << address;
  }
  for (const char* address : {"2606:4700::6810:1", "2a00:1450:4001::200e", "::ffff:8.8.8.8"}) {
    EXPECT_TRUE(v6_public(address)) << address;
  }
}

TEST(PublicAddress, JudgesSocketAddressesAndNamesThem) {
  sockaddr_in in{};
  in.sin_family = AF_INET;
  ASSERT_EQ(inet_pton(AF_INET, "127.0.0.1", &in.sin_addr), 1);
  EXPECT_FALSE(is_public_address(reinterpret_cast<const sockaddr*>(&in)));
  EXPECT_EQ(address_text(reinterpret_cast<const sockaddr*>(&in)), "127.0.0.1");
  sockaddr_in6 in6{};
  in6.sin6_family = AF_INET6;
  ASSERT_EQ(inet_pton(AF_INET6, "2606:4700::6810:1", &in6.sin6_addr), 1);
  EXPECT_TRUE(is_public_address(reinterpret_cast<const sockaddr*>(&in6)));
  EXPECT_FALSE(is_public_address(nullptr));
}

TEST(RedirectPolicy, SiteRequestsStayOnTheirHostAndItsWwwTwin) {
  const Request site = request_for("https://example.com/a?token=secret");
  EXPECT_EQ(redirect(site, "/b").value().url, "https://example.com/b");
  EXPECT_EQ(redirect(site, "https://www.example.com/b").value().url, "https://www.example.com/b");
  EXPECT_EQ(redirect(request_for("https://www.example.com/a"), "https://example.com:8443/b").value().url,
            "https://example.com:8443/b");
  const auto other = redirect(site, "https://evil.example.net/x?key=1");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(other.error().message.find("refused https://evil.example.net/x"), std::string::npos)
      << other.error().message;
  EXPECT_EQ(other.error().message.find("key=1"), std::string::npos) << other.error().message;
  EXPECT_EQ(other.error().message.find("secret"), std::string::npos) << other.error().message;
  EXPECT_FALSE(redirect(site, "https://www.www.example.com/").ok());
  EXPECT_FALSE(redirect(site, "https://example.com.evil.net/").ok());
  EXPECT_FALSE(redirect(site, "https://sub.example.com/").ok());
}

TEST(RedirectPolicy, NoRequestGoesFromHttpsToHttp) {
  for (const Reach reach : {Reach::site, Reach::download}) {
    Request request = request_for("https://example.com/a", reach);
    request.trusted_host = "example.com";
    const auto down = redirect(request, "http://example.com/a");
    ASSERT_FALSE(down.ok());
    EXPECT_NE(down.error().message.find("from https to http"), std::string::npos) << down.error().message;
  }
  EXPECT_TRUE(redirect(request_for("http://example.com/a"), "https://example.com/a").ok());
}

TEST(RedirectPolicy, DownloadsGoOnlyOverHttpsToHostsThatAreNotPrivate) {
  const Request download = request_for("https://dl.example.com/download/TOKEN123/file.srt", Reach::download);
  EXPECT_EQ(redirect(download, "https://cdn.example.org/f.srt").value().url, "https://cdn.example.org/f.srt");
  for (const char* location :
       {"https://127.0.0.1/x", "https://localhost/x", "https://www.localhost:8080/x", "https://10.0.0.5/x",
        "https://[::1]/x", "https://[fd00::1]/x", "https://169.254.169.254/latest/meta-data"}) {
    const auto hop = redirect(download, location);
    ASSERT_FALSE(hop.ok()) << location;
    EXPECT_NE(hop.error().message.find("public addresses"), std::string::npos) << hop.error().message;
    EXPECT_EQ(hop.error().message.find("TOKEN123"), std::string::npos) << hop.error().message;
  }
  EXPECT_FALSE(first_hop(request_for("http://dl.example.com/f.srt", Reach::download)).ok());
  EXPECT_FALSE(first_hop(request_for("https://192.168.0.2/f.srt", Reach::download)).ok());
  EXPECT_TRUE(first_hop(request_for("http://192.168.0.2/f.srt", Reach::site)).ok());
}

TEST(RedirectPolicy, OnlyTheTrustedHostIsExemptFromTheDownloadRules) {
  Request download = request_for("http://127.0.0.1:8080/download/x.srt", Reach::download);
  download.trusted_host = "127.0.0.1";
  ASSERT_TRUE(first_hop(download).ok());
  EXPECT_FALSE(needs_public_address(download, parse_url(download.url).value()));
  EXPECT_TRUE(redirect(download, "/download/y.srt").ok());
  EXPECT_FALSE(redirect(download, "http://localhost:8080/download/y.srt").ok());
  EXPECT_FALSE(redirect(download, "https://localhost:8080/download/y.srt").ok());
  EXPECT_TRUE(needs_public_address(download, parse_url("https://cdn.example.org/").value()));
}

TEST(RedirectPolicy, SeeOtherAndPostOnFoundBecomeBodylessGets) {
  Request post = request_for("https://example.com/form");
  post.method = "POST";
  EXPECT_TRUE(redirect(post, "/next", 303).value().drop_body);
  EXPECT_EQ(redirect(post, "/next", 302).value().method, "GET");
  EXPECT_EQ(redirect(post, "/next", 307).value().method, "POST");
  EXPECT_FALSE(redirect(post, "/next", 307).value().drop_body);
}

struct ReplayRedirects : ::testing::Test {
  testing::TempDir dir;

  void redirect_recording(const std::string& name, const std::string& path, const std::string& location) {
    testing::write_text(dir.path() / "site" / (name + ".meta.json"),
                        R"({"url":")" + path + R"(","status":302,"headers":{"Location":")" + location + R"("}})");
  }
  Result<Response> send(const Request& request) {
    testing::write_text(dir.path() / "site" / "target.txt.meta.json",
                        R"({"url":"/target","content_type":"text/plain"})");
    testing::write_text(dir.path() / "site" / "target.txt", "target");
    auto replay = ReplayTransport::open(dir.path());
    EXPECT_TRUE(replay.ok());
    return (*replay)->send(request);
  }
};

TEST_F(ReplayRedirects, TheReplayTransportAppliesTheSamePolicy) {
  redirect_recording("down", "/down", "http://example.com/target");
  redirect_recording("away", "/away", "https://elsewhere.example.net/target");
  redirect_recording("twin", "/twin", "https://www.example.com/target");
  const auto down = send(request_for("https://example.com/down"));
  ASSERT_FALSE(down.ok());
  EXPECT_NE(down.error().message.find("from https to http"), std::string::npos) << down.error().message;
  EXPECT_FALSE(send(request_for("https://example.com/away")).ok());
  const auto twin = send(request_for("https://example.com/twin"));
  ASSERT_TRUE(twin.ok()) << twin.error().describe();
  EXPECT_EQ(twin->body, "target");
  const auto download = send(request_for("https://dl.example.com/away", Reach::download));
  ASSERT_TRUE(download.ok()) << download.error().describe();
  EXPECT_EQ(download->effective_url, "https://elsewhere.example.net/target");
}

}  // namespace
}  // namespace scrapers::http
