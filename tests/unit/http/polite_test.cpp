#include "common/http/polite.hpp"

#include <gtest/gtest.h>

#include <optional>

#include "tests/support/fake_clock.hpp"
#include "tests/unit/http/scripted_transport.hpp"

namespace scrapers::http {
namespace {

using namespace std::chrono_literals;
using scrapers::testing::FakeClock;
using testing::ScriptedTransport;

Request get(std::string url) {
  Request request;
  request.url = std::move(url);
  return request;
}

struct PoliteFixture : ::testing::Test {
  FakeClock clock;
  ScriptedTransport* inner = nullptr;

  PoliteTransport make(PolitenessPolicy policy, std::chrono::milliseconds request_duration = 0ms) {
    auto scripted = std::make_unique<ScriptedTransport>(&clock, request_duration);
    inner = scripted.get();
    return PoliteTransport(std::move(scripted), clock, policy);
  }
};

TEST_F(PoliteFixture, TheFirstRequestToAHostIsNotDelayed) {
  auto transport = make({1500ms, 0});
  ASSERT_TRUE(transport.send(get("https://readnovel.eu/a")).ok());
  EXPECT_TRUE(clock.sleeps.empty());
}

TEST_F(PoliteFixture, TheNextRequestToTheSameHostWaitsTheMinimumDelayAfterTheLastEnded) {
  auto transport = make({1500ms, 0}, 300ms);
  ASSERT_TRUE(transport.send(get("https://readnovel.eu/a")).ok());
  ASSERT_TRUE(transport.send(get("https://READNOVEL.eu/b")).ok());
  ASSERT_TRUE(transport.send(get("https://readnovel.eu/c")).ok());
  EXPECT_EQ(clock.sleeps, (std::vector<std::chrono::milliseconds>{1500ms, 1500ms}));
  EXPECT_EQ(inner->requests.size(), 3u);
}

TEST_F(PoliteFixture, TimeSpentElsewhereCountsTowardsTheDelay) {
  auto transport = make({1500ms, 0});
  ASSERT_TRUE(transport.send(get("https://readnovel.eu/a")).ok());
  clock.advance(1000ms);
  ASSERT_TRUE(transport.send(get("https://readnovel.eu/b")).ok());
  clock.advance(2000ms);
  ASSERT_TRUE(transport.send(get("https://readnovel.eu/c")).ok());
  EXPECT_EQ(clock.sleeps, std::vector<std::chrono::milliseconds>{500ms});
}

TEST_F(PoliteFixture, DifferentHostsArePacedIndependently) {
  auto transport = make({1000ms, 0});
  ASSERT_TRUE(transport.send(get("https://api.opensubtitles.com/api/v1/subtitles")).ok());
  ASSERT_TRUE(transport.send(get("https://www.opensubtitles.com/download/x")).ok());
  EXPECT_TRUE(clock.sleeps.empty());
  ASSERT_TRUE(transport.send(get("http://127.0.0.1:8080/a")).ok());
  ASSERT_TRUE(transport.send(get("http://127.0.0.1:8081/a")).ok());
  EXPECT_TRUE(clock.sleeps.empty()) << "another port is another server";
}

TEST_F(PoliteFixture, RequestsPerMinuteSpacesRequestStartsEvenly) {
  auto transport = make({0ms, 30}, 500ms);  // 30 rpm = one start every 2 s
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(transport.send(get("https://www.chereads.com/x")).ok());
  EXPECT_EQ(clock.sleeps, (std::vector<std::chrono::milliseconds>{1500ms, 1500ms, 1500ms}));
}

TEST_F(PoliteFixture, TheLongerOfDelayAndRateLimitWins) {
  auto transport = make({3000ms, 60}, 100ms);  // 1 s spacing, 3 s delay after the end
  ASSERT_TRUE(transport.send(get("https://www.chereads.com/x")).ok());
  ASSERT_TRUE(transport.send(get("https://www.chereads.com/y")).ok());
  EXPECT_EQ(clock.sleeps, std::vector<std::chrono::milliseconds>{3000ms});
}

class InterruptingClock final : public Clock {
 public:
  TimePoint now() const override { return {}; }
  std::chrono::system_clock::time_point wall_now() const override { return {}; }
  bool sleep_for(std::chrono::milliseconds) override { return false; }
};

TEST(Polite, AnInterruptedWaitReturnsInterruptedWithoutSending) {
  InterruptingClock clock;
  auto scripted = std::make_unique<ScriptedTransport>();
  auto* inner = scripted.get();
  PoliteTransport transport(std::move(scripted), clock, {1000ms, 0});
  ASSERT_TRUE(transport.send(get("https://readnovel.eu/a")).ok());
  auto second = transport.send(get("https://readnovel.eu/b"));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::interrupted);
  EXPECT_EQ(inner->requests.size(), 1u);
}

// A gate that records the hosts it was asked about and can refuse.
struct RecordingGate : HostGate {
  std::vector<std::string> hosts;
  std::optional<Error> refuse;
  Status before_request(const Url& url) override {
    hosts.push_back(url.host);
    if (refuse) return *refuse;
    return Ok{};
  }
};

TEST_F(PoliteFixture, TheHostGateIsAskedBeforeEveryRequest) {
  RecordingGate gate;
  auto transport = make({0ms, 0, &gate});
  ASSERT_TRUE(transport.send(get("https://readnovel.eu/a")).ok());
  ASSERT_TRUE(transport.send(get("https://www.chereads.com:8443/b")).ok());
  EXPECT_EQ(gate.hosts, (std::vector<std::string>{"readnovel.eu", "www.chereads.com"}));
  EXPECT_EQ(inner->requests.size(), 2u);
}

TEST_F(PoliteFixture, ARefusingGateKeepsTheRequestFromBeingSent) {
  RecordingGate gate;
  gate.refuse = make_error(ErrorKind::interrupted, "not sent: interrupted");
  auto transport = make({0ms, 0, &gate});
  auto result = transport.send(get("https://readnovel.eu/a"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::interrupted);
  EXPECT_TRUE(inner->requests.empty());
}

}  // namespace
}  // namespace scrapers::http
