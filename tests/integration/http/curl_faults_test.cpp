// CurlTransport (alone and behind RetryingTransport) against injected faults: right
// error kind, right number of attempts, bounded time and memory.
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <csignal>
#include <thread>
#include <utility>

#include "common/http/polite.hpp"
#include "common/http/retry.hpp"
#include "common/util/signals.hpp"
#include "tests/integration/http/server_fixture.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/fake_clock.hpp"
#include "tests/unit/http/temp_dir.hpp"

namespace scrapers::http {
namespace {

using namespace std::chrono_literals;
using scrapers::testing::eventually;
using scrapers::testing::FakeClock;
using testing::ServerTest;
using testing::time_of;

class CurlFaultsTest : public ServerTest {
 protected:
  FakeClock clock;

  // Curl behind a retry decorator whose waits go to the fake clock.
  RetryingTransport retrying(CurlOptions options, int attempts = 4) {
    RetryPolicy policy;
    policy.max_attempts = attempts;
    policy.base_delay = 100ms;
    policy.jitter = 0;
    return RetryingTransport(std::make_unique<CurlTransport>(std::move(options)), clock, policy, 7);
  }
};

TEST_F(CurlFaultsTest, AServerSlowerThanTheTimeoutGivesATimeoutQuickly) {
  fault({{"path", "/slow-headers"}, {"fault", "delay"}, {"delay_ms", 3000}});
  CurlTransport transport(quick_options());
  Request request = get("/slow-headers");
  request.timeout = 300ms;
  Result<Response> response = make_error(ErrorKind::internal, "not run");
  const auto took = time_of([&] { response = transport.send(request); });
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::timeout);
  EXPECT_LT(took, 1500ms);
}

TEST_F(CurlFaultsTest, TimeoutsAreRetriedUpToTheAttemptLimit) {
  fault({{"path", "/slow-headers"}, {"fault", "delay"}, {"delay_ms", 3000}});
  CurlOptions options = quick_options();
  options.timeout = 200ms;
  auto transport = retrying(options, 3);
  Result<Response> response = make_error(ErrorKind::internal, "not run");
  const auto took = time_of([&] { response = transport.send(get("/slow-headers")); });
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::timeout);
  EXPECT_EQ(server().requests().size(), 3u);
  EXPECT_EQ(clock.sleeps, (std::vector<std::chrono::milliseconds>{100ms, 200ms}));
  EXPECT_LT(took, 3000ms);
}

TEST_F(CurlFaultsTest, A429WithRetryAfterIsWaitedOutAndThenSucceeds) {
  fault({{"path", "/api/hello"},
         {"fault", "status"},
         {"status", 429},
         {"times", 1},
         {"headers", {{"Retry-After", "3"}}},
         {"body", R"({"message":"API rate limit exceeded"})"}});
  auto transport = retrying(quick_options());
  auto response = transport.send(get("/api/hello?lang=en"));
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(server().requests().size(), 2u);
  EXPECT_EQ(clock.sleeps, std::vector<std::chrono::milliseconds>{3000ms});
}

TEST_F(CurlFaultsTest, A503ThenA200TakesTwoAttempts) {
  fault({{"path", "/api/hello"}, {"fault", "status"}, {"status", 503}, {"times", 1}});
  auto transport = retrying(quick_options());
  auto response = transport.send(get("/api/hello?lang=en"));
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(server().requests().size(), 2u);
  EXPECT_EQ(clock.sleeps, std::vector<std::chrono::milliseconds>{100ms});
}

TEST_F(CurlFaultsTest, APersistent404IsAskedForOnce) {
  auto transport = retrying(quick_options());
  auto response = transport.send(get("/not-recorded"));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(server().requests().size(), 1u);
  EXPECT_TRUE(clock.sleeps.empty());
}

TEST_F(CurlFaultsTest, AConnectionResetIsANetworkErrorAndIsRetried) {
  fault({{"path", "/api/hello"}, {"fault", "reset"}, {"times", 1}});
  {
    CurlTransport plain(quick_options());
    auto response = plain.send(get("/api/hello?lang=en"));
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().kind, ErrorKind::network);
  }
  server().reset();
  fault({{"path", "/api/hello"}, {"fault", "reset"}, {"times", 2}});
  auto transport = retrying(quick_options());
  auto response = transport.send(get("/api/hello?lang=en"));
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(server().requests().size(), 3u);
}

TEST_F(CurlFaultsTest, ATruncatedBodyIsANetworkErrorNotAShortPage) {
  fault({{"path", "/article/1"}, {"fault", "truncate"}, {"body", "<html><p>half a pa"}, {"bytes", 5000}});
  CurlTransport transport(quick_options());
  auto response = transport.send(get("/article/1"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::network);
  EXPECT_NE(response.error().message.find("/article/1"), std::string::npos);
}

long max_rss_kib() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST_F(CurlFaultsTest, AnOversizedBodyIsAbortedSoonAfterTheCap) {
  constexpr std::size_t kCap = 1 << 20;
  fault({{"path", "/huge"}, {"fault", "oversized"}, {"bytes", std::size_t{256} << 20}});
  CurlOptions options = quick_options();
  options.max_body_bytes = kCap;
  auto transport = retrying(options);
  const long rss_before = max_rss_kib();
  Result<Response> response = make_error(ErrorKind::internal, "not run");
  const auto took = time_of([&] { response = transport.send(get("/huge")); });
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::too_large);
  EXPECT_EQ(server().requests().size(), 1u) << "too_large is not retried";
  EXPECT_LT(took, 5000ms);
  // Wait until the server has noticed the closed connection: its count stops growing.
  std::size_t sent = 0;
  EXPECT_TRUE(eventually(
      [&] {
        const std::size_t before = std::exchange(sent, server().requests()[0].bytes_sent);
        return before == sent && sent > 0;
      },
      5000ms, 50ms));
  EXPECT_LT(server().requests()[0].bytes_sent, std::size_t{16} << 20)
      << "the transfer stopped near the cap, not after 256 MiB";
  EXPECT_LT(max_rss_kib() - rss_before, 64 * 1024) << "memory stayed bounded";
}

TEST_F(CurlFaultsTest, TheCapAppliesToDecodedBytesAndCanBeSetPerRequest) {
  fault({{"path", "/bomb"}, {"fault", "gzip"}, {"body", std::string(4 << 20, 'a')}});
  CurlTransport transport(quick_options());
  Request request = get("/bomb");
  request.max_body_bytes = 100000;
  auto response = transport.send(request);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::too_large);
  EXPECT_LT(server().requests()[0].bytes_sent, 100000u) << "few compressed bytes, many decoded";
}

TEST_F(CurlFaultsTest, TheBodyCapComesFromTheEnvironment) {
  testing::ScopedEnv cap("HTTP_MAX_BODY_BYTES", "1000");
  auto options = curl_options_from_env();
  ASSERT_TRUE(options.ok()) << options.error().describe();
  CurlTransport transport(*options);
  auto response = transport.send(get("/article/1"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::too_large);
}

TEST_F(CurlFaultsTest, ARedirectLoopEndsAfterFiveHopsAndIsNotRetried) {
  fault({{"path", "/loop"}, {"fault", "redirect"}, {"location", "/loop"}});
  auto transport = retrying(quick_options());
  auto response = transport.send(get("/loop"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::http_status);
  EXPECT_EQ(server().requests().size(), 6u) << "the request and five redirects";
}

TEST_F(CurlFaultsTest, ARedirectToFileIsRefused) {
  fault({{"path", "/to-file"}, {"fault", "redirect"}, {"location", "file:///etc/passwd"}});
  auto transport = retrying(quick_options());
  auto response = transport.send(get("/to-file"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(server().requests().size(), 1u);
}

TEST_F(CurlFaultsTest, AnInterruptAbortsASlowTransferQuickly) {
  scrapers::reset_interrupt_for_tests();
  fault({{"path", "/trickle"}, {"fault", "slow"}, {"bytes", 1 << 20}, {"chunk_bytes", 512}, {"interval_ms", 50}});
  CurlOptions options = quick_options();
  options.timeout = 60s;
  CurlTransport transport(options);
  std::chrono::steady_clock::time_point interrupted_at;
  std::thread interrupter([&] {
    // Interrupt once the body is flowing, so the transfer is surely in progress.
    eventually([&] {
      const auto requests = server().requests();
      return !requests.empty() && requests[0].bytes_sent > 0;
    });
    interrupted_at = std::chrono::steady_clock::now();
    scrapers::simulate_interrupt(SIGINT);
  });
  auto response = transport.send(get("/trickle"));
  const auto returned_at = std::chrono::steady_clock::now();
  interrupter.join();
  EXPECT_TRUE(scrapers::interrupted());
  scrapers::reset_interrupt_for_tests();
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::interrupted);
  EXPECT_LT(returned_at - interrupted_at, 500ms);
}

TEST_F(CurlFaultsTest, NothingIsSentOnceInterrupted) {
  scrapers::simulate_interrupt(SIGTERM);
  CurlTransport transport(quick_options());
  auto response = transport.send(get("/api/hello?lang=en"));
  scrapers::reset_interrupt_for_tests();
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::interrupted);
  EXPECT_TRUE(server().requests().empty());
}

TEST_F(CurlFaultsTest, PolitenessSpacesRealRequestsToTheServer) {
  SystemClock system_clock;
  PoliteTransport transport(std::make_unique<CurlTransport>(quick_options()), system_clock, {250ms, 0});
  const auto took = time_of([&] {
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(transport.send(get("/api/hello?lang=en")).ok());
  });
  EXPECT_GE(took, 500ms);
  EXPECT_EQ(server().requests().size(), 3u);
}

}  // namespace
}  // namespace scrapers::http
