// HTTP_IP_RESOLVE through real libcurl (CURLOPT_IPRESOLVE): a request to "localhost"
// (which libcurl resolves to 127.0.0.1 and ::1) reaches a listener only over the
// family it allows. Loopback only.
#include <gtest/gtest.h>

#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

#include "common/http/curl_transport.hpp"

namespace scrapers::http {
namespace {

// One loopback listener answering "ok" on GET /.
class Listener {
 public:
  // Binds `host` ("127.0.0.1" or "::1") on a free port; false when it cannot.
  bool start(const std::string& host) {
    server_.Get("/", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("ok", "text/plain");
    });
    port_ = server_.bind_to_any_port(host);
    if (port_ <= 0) return false;
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    return true;
  }
  ~Listener() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  std::string localhost_url() const { return "http://localhost:" + std::to_string(port_) + "/"; }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

Result<Response> get(const std::string& url, IpResolve resolve) {
  CurlOptions options;
  options.ip_resolve = resolve;
  options.connect_timeout = std::chrono::milliseconds(3000);
  options.timeout = std::chrono::milliseconds(5000);
  CurlTransport transport(options);
  Request request;
  request.url = url;
  return transport.send(request);
}

TEST(IpResolveCurl, AnIpv4OnlyListenerIsReachedOverV4AndAnyButNotV6) {
  Listener listener;
  ASSERT_TRUE(listener.start("127.0.0.1"));
  auto v4 = get(listener.localhost_url(), IpResolve::v4);
  ASSERT_TRUE(v4.ok()) << v4.error().describe();
  EXPECT_EQ(v4->status, 200);
  EXPECT_EQ(v4->body, "ok");
  auto any = get(listener.localhost_url(), IpResolve::any);
  ASSERT_TRUE(any.ok()) << any.error().describe();
  EXPECT_EQ(any->status, 200);
  auto v6 = get(listener.localhost_url(), IpResolve::v6);
  ASSERT_FALSE(v6.ok()) << "v6 reached an IPv4-only listener";
  EXPECT_EQ(v6.error().kind, ErrorKind::network) << v6.error().describe();
}

TEST(IpResolveCurl, AnIpv6OnlyListenerIsReachedOverV6ButNotV4) {
  Listener listener;
  if (!listener.start("::1")) GTEST_SKIP() << "this machine has no IPv6 loopback (cannot listen on ::1)";
  auto v6 = get(listener.localhost_url(), IpResolve::v6);
  ASSERT_TRUE(v6.ok()) << v6.error().describe();
  EXPECT_EQ(v6->status, 200);
  auto v4 = get(listener.localhost_url(), IpResolve::v4);
  ASSERT_FALSE(v4.ok()) << "v4 reached an IPv6-only listener";
  EXPECT_EQ(v4.error().kind, ErrorKind::network) << v4.error().describe();
}

}  // namespace
}  // namespace scrapers::http
