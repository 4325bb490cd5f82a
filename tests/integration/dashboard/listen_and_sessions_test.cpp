// The dashboard's pieces that need no database: which --listen addresses are loopback,
// sessions (the token compared, cookies read, CSRF tokens per session, logout) and the
// login throttle.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>

#include "scrapers/dashboard/listen_address.hpp"
#include "scrapers/dashboard/login_throttle.hpp"
#include "scrapers/dashboard/sessions.hpp"

namespace scrapers::dashboard {
namespace {

bool loopback(const char* text) {
  auto address = parse_listen_address(text);
  EXPECT_TRUE(address) << text;
  return address && address->is_loopback();
}

TEST(ListenAddress, OnlyLoopbackAddressesCountAsLoopback) {
  EXPECT_TRUE(loopback("127.0.0.1:8080"));
  EXPECT_TRUE(loopback("127.8.9.10:0"));
  EXPECT_TRUE(loopback("localhost:80"));
  EXPECT_TRUE(loopback("[::1]:8080"));
  EXPECT_FALSE(loopback("0.0.0.0:8080"));
  EXPECT_FALSE(loopback("[::]:8080"));
  EXPECT_FALSE(loopback("192.168.1.4:8080"));
  EXPECT_FALSE(loopback("dashboard.example:8080"));
  EXPECT_FALSE(loopback("128.0.0.1:8080"));
}

TEST(ListenAddress, TheUrlShowsTheBoundPortAndBracketsIpv6) {
  EXPECT_EQ(parse_listen_address("127.0.0.1:0")->url(41234), "http://127.0.0.1:41234");
  EXPECT_EQ(parse_listen_address("[::1]:8080")->url(8080), "http://[::1]:8080");
}

TEST(ListenAddress, MalformedAddressesAreOneLineErrorsNamingTheFlag) {
  for (const char* text : {"", "8080", ":8080", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:8o",
                           "a b:80", "[nope]:80", "::1:80"}) {
    auto address = parse_listen_address(text);
    ASSERT_FALSE(address) << text;
    EXPECT_EQ(address.error().message.rfind("--listen", 0), 0u) << address.error().message;
    EXPECT_EQ(address.error().message.find('\n'), std::string::npos);
  }
}

TEST(Sessions, WithoutATokenNoLoginEverSucceeds) {
  Sessions none(std::nullopt);
  EXPECT_FALSE(none.actions_enabled());
  EXPECT_FALSE(none.login(""));
  Sessions empty(std::string(""));
  EXPECT_FALSE(empty.actions_enabled());
  EXPECT_FALSE(empty.login(""));
}

TEST(Sessions, TheRightTokenOpensASessionFoundByItsCookie) {
  Sessions sessions(std::string("tok"));
  EXPECT_FALSE(sessions.login("to"));
  EXPECT_FALSE(sessions.login("tok "));
  auto session = sessions.login("tok");
  ASSERT_TRUE(session);
  EXPECT_EQ(session->id.size(), 64u);
  EXPECT_EQ(session->csrf.size(), 64u);
  EXPECT_NE(session->id, session->csrf);
  auto found = sessions.find("theme=dark; dashboard_session=" + session->id + "; other=1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->csrf, session->csrf);
  EXPECT_FALSE(sessions.find("dashboard_session=" + session->csrf));
  EXPECT_FALSE(sessions.find(""));
  auto second = sessions.login("tok");
  ASSERT_TRUE(second);
  EXPECT_NE(second->csrf, session->csrf);
  sessions.logout("dashboard_session=" + session->id);
  EXPECT_FALSE(sessions.find("dashboard_session=" + session->id));
  EXPECT_TRUE(sessions.find("dashboard_session=" + second->id));
}

TEST(Sessions, CookieValuesAndSecretsAreReadExactly) {
  EXPECT_EQ(cookie_value("a=1; dashboard_session=xyz", "dashboard_session"), "xyz");
  EXPECT_EQ(cookie_value("my_dashboard_session=xyz", "dashboard_session"), "");
  EXPECT_EQ(cookie_value("", "dashboard_session"), "");
  EXPECT_TRUE(same_secret("abc", "abc"));
  EXPECT_FALSE(same_secret("abc", "abd"));
  EXPECT_FALSE(same_secret("abc", "abcd"));
  EXPECT_FALSE(same_secret("", "x"));
}

struct ManualClock {
  LoginThrottle::Clock::time_point now{};
  std::function<LoginThrottle::Clock::time_point()> function() {
    return [this] { return now; };
  }
};

TEST(LoginThrottle, AnAddressWithTooManyWrongTokensWaitsUntilTheOldestLeavesTheWindow) {
  using std::chrono::seconds;
  ManualClock clock;
  LoginThrottle throttle(3, seconds(60), clock.function());
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(throttle.retry_after("10.0.0.1")) << "failure " << i;
    throttle.record_failure("10.0.0.1");
    clock.now += seconds(10);
  }
  // Failures at 0, 10 and 20 s; now 30 s: the first leaves the window at 60 s.
  ASSERT_TRUE(throttle.retry_after("10.0.0.1"));
  EXPECT_EQ(*throttle.retry_after("10.0.0.1"), seconds(30));
  EXPECT_FALSE(throttle.retry_after("10.0.0.2")) << "another address is not slowed down";
  clock.now += seconds(30);
  EXPECT_FALSE(throttle.retry_after("10.0.0.1")) << "one failure has left the window";
  throttle.record_failure("10.0.0.1");
  EXPECT_TRUE(throttle.retry_after("10.0.0.1"));
}

TEST(LoginThrottle, ARightTokenClearsTheCount) {
  ManualClock clock;
  LoginThrottle throttle(2, std::chrono::seconds(60), clock.function());
  throttle.record_failure("a");
  throttle.record_success("a");
  throttle.record_failure("a");
  EXPECT_FALSE(throttle.retry_after("a"));
  throttle.record_failure("a");
  EXPECT_TRUE(throttle.retry_after("a"));
}

TEST(LoginThrottle, RemembersABoundedNumberOfAddresses) {
  ManualClock clock;
  LoginThrottle throttle(1, std::chrono::seconds(60), clock.function());
  throttle.record_failure("first");
  for (std::size_t i = 0; i < LoginThrottle::kMaxAddresses; ++i) {
    clock.now += std::chrono::milliseconds(1);
    throttle.record_failure("address-" + std::to_string(i));
  }
  EXPECT_FALSE(throttle.retry_after("first")) << "the address failing longest ago was forgotten";
  EXPECT_TRUE(throttle.retry_after("address-0"));
  EXPECT_TRUE(throttle.retry_after("address-" + std::to_string(LoginThrottle::kMaxAddresses - 1)));
}

}  // namespace
}  // namespace scrapers::dashboard
